package org.mpbnlab.app.shell;

import java.io.File;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.mpbnlab.app.charts.ChartRenderer;
import org.mpbnlab.app.charts.ChartTheme;
import org.mpbnlab.app.charts.ViewContext;
import org.mpbnlab.app.membrane.MembraneView;
import org.mpbnlab.app.membrane.MembraneViewModel;
import org.mpbnlab.app.train.TrainView;
import org.mpbnlab.app.train.TrainViewModel;
import org.mpbnlab.io.ModelFileException;
import org.mpbnlab.session.SampleModels;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;

/**
 * The main window: a menu, one tab per view (Train, Membrane; more views are added as tabs), and a
 * status bar. Shown at once; the first run's engine starts in the background.
 *
 * <p>Keys: Space plays or pauses; → trains one batch on the Train tab and moves the time cursor on the
 * Membrane tab (← back); ↑ / ↓ scrub the training history on the Membrane tab.
 */
public final class MainWindow {

    public static final String TITLE = "MPBN Lab — membrane potential batch normalization";

    private final TrainViewModel train;
    private final MembraneViewModel membrane;
    private final ViewContext context;
    private final TrainView trainView;
    private final MembraneView membraneView;
    private final PulseGapMonitor pulses = new PulseGapMonitor();
    private final TabPane tabs = new TabPane();
    private final Tab trainTab;
    private final Tab membraneTab;
    private final BorderPane root = new BorderPane();
    private final ChartRenderer renderer = new ChartRenderer();
    private final Label pauseMeter = new Label();

    public MainWindow(AppContext app) {
        context = new ViewContext(renderer);
        train = new TrainViewModel(app.catalog(), app.sessions(), app.ui(), app.initialSettings());
        membrane = new MembraneViewModel(train.snapshotProperty());
        trainView = new TrainView(train, context);
        membraneView = new MembraneView(membrane, train, context);
        trainTab = new Tab("Train", trainView.root());
        trainTab.setId("train-tab");
        membraneTab = new Tab("Membrane", membraneView.root());
        membraneTab.setId("membrane-tab");
        tabs.getTabs().addAll(trainTab, membraneTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        membraneView.activeProperty().bind(tabs.getSelectionModel().selectedItemProperty().isEqualTo(membraneTab));
        root.setTop(menu(app.classroom()));
        root.setCenter(tabs);
        root.setBottom(statusBar());
        root.getStyleClass().add("main-window");
        train.snapshotProperty().addListener((obs, old, now) ->
                pulses.setMeasuring(now != null && now.state() == SessionState.RUNNING));
        train.snapshotProperty().addListener((obs, old, now) -> {
            if (Boolean.getBoolean("mpbnlab.pulseLog") && now != null && now.state() == SessionState.READY
                    && (old == null || old.state() == SessionState.PREPARING) && train.currentRun().number() == 1) {
                long start = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
                System.err.printf("startup: model ready %d ms after the JVM started%n",
                        System.currentTimeMillis() - start);
            }
        });
    }

    /** Shows the window on {@code stage} and starts building the first run in the background. */
    public void show(Stage stage) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1400, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(Objects.requireNonNull(
                MainWindow.class.getResource("/org/mpbnlab/app/shell/mpbn-lab.css")).toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.setOnHidden(e -> close());
        stage.show();
        tabs.requestFocus();
        // style the hidden Membrane tab now, so that its first showing (often while training) is quick
        javafx.application.Platform.runLater(() -> membraneTab.getContent().applyCss());
        pulses.start();
        context.swaps().start();
        train.prepareFirstRun();
    }

    /** Stops the training worker, the renderer and the pulse monitor. */
    public void close() {
        pulses.stop();
        context.swaps().stop();
        train.shutdown();
        renderer.close();
    }

    private void onKey(KeyEvent event) {
        if (event.getTarget() instanceof TextInputControl || event.isShortcutDown() || event.isAltDown()) {
            return;
        }
        boolean onMembrane = tabs.getSelectionModel().getSelectedItem() == membraneTab;
        KeyCode code = event.getCode();
        if (code == KeyCode.SPACE) {
            train.playPause();
        } else if (code == KeyCode.RIGHT) {
            if (onMembrane) {
                membrane.nextStep();
            } else {
                train.step();
            }
        } else if (code == KeyCode.LEFT && onMembrane) {
            membrane.previousStep();
        } else if (code == KeyCode.UP && onMembrane) {
            membrane.olderRecording();
        } else if (code == KeyCode.DOWN && onMembrane) {
            membrane.newerRecording();
        } else {
            return;
        }
        event.consume();
    }

    private MenuBar menu(boolean classroom) {
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> root.getScene().getWindow().hide());
        MenuItem open = new MenuItem("Open model…");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> openModel());
        MenuItem fresh = new MenuItem("New run from random weights");
        fresh.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
        fresh.setOnAction(e -> train.startFromRandomWeights());
        Menu file = new Menu("File", null, open, fresh, new SeparatorMenuItem(), quit);

        CheckMenuItem large = new CheckMenuItem("Classroom mode (large fonts)");
        large.setId("classroom-mode");
        large.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
        large.selectedProperty().addListener((obs, old, now) -> {
            context.themeProperty().set(now ? ChartTheme.CLASSROOM : ChartTheme.DESK);
            root.getStyleClass().remove("classroom");
            if (now) {
                root.getStyleClass().add("classroom");
            }
        });
        large.setSelected(classroom);
        CheckMenuItem controls = new CheckMenuItem("Show settings panel");
        controls.setSelected(true);
        controls.setAccelerator(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN));
        controls.selectedProperty().addListener((obs, old, now) -> trainView.setControlsVisible(now));
        CheckMenuItem meter = new CheckMenuItem("Show UI pause meter");
        meter.setSelected(Boolean.getBoolean("mpbnlab.pulseLog"));
        pauseMeter.visibleProperty().bind(meter.selectedProperty());
        Menu view = new Menu("View", null, large, controls, meter);

        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setOnAction(e -> info("Keyboard shortcuts", """
                Space      play / pause training
                →          Train tab: train one batch · Membrane tab: next time step
                ←          Membrane tab: previous time step
                ↑ / ↓      Membrane tab: older / newer recording in the training history
                Ctrl+L     classroom mode (large fonts)
                Ctrl+H     show / hide the settings panel
                Right-click a chart to export it as PNG or SVG."""));
        MenuItem about = new MenuItem("What is shown");
        about.setOnAction(e -> info("What the Membrane view shows", """
                u_pre[t] = τ·u[t−1] + x[t]: the membrane after charging, before MPBN and before the reset.
                û[t] = γ·(u_pre[t] − μ)/sqrt(σ² + ε) + β: after MPBN; a neuron spikes when û > V_th.
                In training, μ and σ² are the statistics of the current batch at step t (batch statistics);
                in evaluation, MPBN uses its running statistics. Each chart says which one it used.
                After a spike the RAW membrane is reset: u[t] = u_pre[t]·(1 − s[t])."""));
        Menu help = new Menu("Help", null, keys, about);
        return new MenuBar(file, view, help);
    }

    private void openModel() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a model file");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MPBN Lab model", "*.zip"));
        SampleModels.find(SampleModels.defaultFolders()).ifPresent(p -> chooser.setInitialDirectory(p.getParent().toFile()));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            train.open(SampleModels.settingsOf(file.toPath()));
        } catch (ModelFileException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
            alert.setHeaderText("Cannot open " + file.getName());
            alert.initOwner(root.getScene().getWindow());
            alert.show();
        }
    }

    private void info(String title, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.initOwner(root.getScene().getWindow());
        alert.getDialogPane().setStyle("-fx-font-family: monospace;");
        alert.show();
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        bar.textProperty().bind(Bindings.createStringBinding(() -> statusText(train.snapshotProperty().get()),
                train.snapshotProperty(), train.messageProperty()));
        pauseMeter.setId("pulse-gap");
        pauseMeter.textProperty().bind(pulses.textProperty());
        pauseMeter.setTooltip(new javafx.scene.control.Tooltip("The longest time between two screen updates "
                + "while training ran: how long the window could not repaint."));
        bar.getRightItems().add(pauseMeter);
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            SessionSnapshot s = train.snapshotProperty().get();
            return s == null || s.state() == SessionState.PREPARING ? -1.0 : s.progress();
        }, train.snapshotProperty()));
        return bar;
    }

    private String statusText(SessionSnapshot s) {
        String note = train.messageProperty().get();
        if (s == null || s.state() == SessionState.PREPARING) {
            return "Starting the engine and building the network… " + note;
        }
        String text = String.format(java.util.Locale.ROOT, "Run #%d %s · iteration %d/%d · epoch %d",
                train.currentRun().number(), s.state().label(), s.iteration(), s.totalIterations(), s.epoch());
        if (s.samplesPerSecond() > 0) {
            text += String.format(java.util.Locale.ROOT, " · %.0f samples/s", s.samplesPerSecond());
        }
        return note.isEmpty() ? text : text + " · " + note;
    }

    public TrainViewModel trainModel() {
        return train;
    }

    public MembraneViewModel membraneModel() {
        return membrane;
    }

    public MembraneView membraneView() {
        return membraneView;
    }

    public PulseGapMonitor pulseMonitor() {
        return pulses;
    }
}
