package org.mpbnlab.app.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.application.Platform;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.mpbnlab.app.charts.BackgroundWorker;
import org.mpbnlab.app.charts.ChartRenderer;
import org.mpbnlab.app.charts.ViewContext;
import org.mpbnlab.app.charts.TimeCursor;
import org.mpbnlab.app.membrane.MembraneView;
import org.mpbnlab.app.membrane.MembraneViewModel;
import org.mpbnlab.app.data.DataView;
import org.mpbnlab.app.data.DataViewModel;
import org.mpbnlab.app.fold.BackgroundTask;
import org.mpbnlab.app.fold.FoldView;
import org.mpbnlab.app.fold.FoldViewModel;
import org.mpbnlab.app.spikes.SpikesView;
import org.mpbnlab.app.spikes.SpikesViewModel;
import org.mpbnlab.app.train.ModelSaving;
import org.mpbnlab.app.train.TrainView;
import org.mpbnlab.app.train.TrainViewModel;
import org.mpbnlab.session.EngineTurns;
import org.mpbnlab.session.SessionState;

/**
 * The main window: a menu, one tab per view (Train, Membrane; more views are added as tabs), and a
 * status bar. Shown at once; the first run's engine starts in the background. Layout only: what the
 * keys, menus and status bar do is decided by {@link MainWindowViewModel}.
 */
public final class MainWindow {

    public static final String TITLE = "MPBN Lab — membrane potential batch normalization";

    private final MainWindowViewModel model;
    private final TrainViewModel train;
    private final ViewContext context;
    private final TrainView trainView;
    private final MembraneView membraneView;
    private final PulseGapMonitor pulses = new PulseGapMonitor();
    private final TabPane tabs = new TabPane();
    private final Tab trainTab;
    private final Tab membraneTab;
    private final Tab spikesTab;
    private final Tab dataTab;
    private final DataView dataView;
    private final SpikesView spikesView;
    private final FoldView foldView;
    /** Where the Fold view runs the engine: one low-priority thread, so the UI thread never waits for it. */
    private static final java.util.concurrent.ExecutorService FOLD_WORKER = BackgroundWorker.named("fold-worker");
    /** Where the Spikes view runs the engine: one low-priority thread, so the UI thread never waits for it. */
    private static final java.util.concurrent.ExecutorService SPIKES_WORKER =
            BackgroundWorker.named("spikes-recorder");
    /** The Spikes and Data views' engine work, each task in a turn of its own between training batches. */
    private static final java.util.concurrent.Executor SPIKES_ENGINE = EngineTurns.taking(SPIKES_WORKER);
    private final BorderPane root = new BorderPane();
    private final ChartRenderer renderer = new ChartRenderer();
    /** The developer's pulse-gap meter in the status bar ({@code --show-pulse-gaps}); the monitor also runs for -Dmpbnlab.pulseLog. */
    private final boolean showPulseGaps;
    private final boolean measurePulses;

    public MainWindow(AppContext app) {
        context = new ViewContext(renderer);
        showPulseGaps = app.showPulseGaps();
        measurePulses = showPulseGaps || Boolean.getBoolean("mpbnlab.pulseLog");
        train = new TrainViewModel(app.catalog(), app.sessions(), app.ui(), app.initialRun());
        TimeCursor cursor = new TimeCursor();
        MembraneViewModel membrane = new MembraneViewModel(train.snapshotProperty(), cursor,
                () -> train.currentRun() == null ? 0 : train.currentRun().number());
        model = new MainWindowViewModel(train, membrane, app.theme());
        context.themeProperty().bind(model.chartThemeProperty());
        trainView = new TrainView(train, context);
        membraneView = new MembraneView(membrane, train, context);
        trainTab = new Tab("Train", trainView.root());
        trainTab.setId("train-tab");
        membraneTab = new Tab("Membrane", membraneView.root());
        membraneTab.setId("membrane-tab");
        SpikesViewModel spikes = new SpikesViewModel(train::copyOfCurrentRun, cursor, SPIKES_ENGINE, app.ui());
        train.snapshotProperty().addListener((obs, old, now) -> {
            if (SpikesViewModel.weightsReplaced(old, now)) {
                spikes.runChanged();
            }
        });
        spikesView = new SpikesView(spikes);
        spikesTab = new Tab("Spikes", spikesView.root());
        spikesTab.setId("spikes-tab");
        dataView = new DataView(new DataViewModel(train::requestModel, train.snapshotProperty(), SPIKES_ENGINE,
                app.ui(), System::nanoTime, DataViewModel::threadCpuNanos), context);
        dataTab = new Tab("Data", dataView.root());
        dataTab.setId("data-tab");
        FoldViewModel foldModel = new FoldViewModel(train::copyCurrentModel, new BackgroundTask(FOLD_WORKER, app.ui()));
        java.util.function.Consumer<org.mpbnlab.session.SessionSnapshot> tellFold = now ->
                foldModel.currentRunMpbn(now == null ? null : now.settings().mpbnMode());
        tellFold.accept(train.snapshotProperty().get());
        train.snapshotProperty().addListener((obs, old, now) -> tellFold.accept(now));
        foldView = new FoldView(foldModel, context);
        Tab foldTab = new Tab("Fold", foldView.root());
        foldTab.setId("fold-tab");
        tabs.getTabs().addAll(trainTab, dataTab, membraneTab, spikesTab, foldTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        java.util.Map<Tab, MainWindowViewModel.View> views = java.util.Map.of(trainTab, MainWindowViewModel.View.TRAIN,
                dataTab, MainWindowViewModel.View.DATA, membraneTab, MainWindowViewModel.View.MEMBRANE,
                spikesTab, MainWindowViewModel.View.SPIKES, foldTab, MainWindowViewModel.View.FOLD);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                model.viewProperty().set(views.getOrDefault(now, MainWindowViewModel.View.TRAIN)));
        model.viewProperty().addListener((obs, old, now) -> views.forEach((tab, view) -> {
            if (view == now) {
                tabs.getSelectionModel().select(tab);
            }
        }));
        dataView.activeProperty().bind(model.viewProperty().isEqualTo(MainWindowViewModel.View.DATA));
        spikesView.activeProperty().bind(model.viewProperty().isEqualTo(MainWindowViewModel.View.SPIKES));
        membraneView.activeProperty().bind(model.viewProperty().isEqualTo(MainWindowViewModel.View.MEMBRANE));
        if (app.initialRun().startingModel() != null) {
            train.saving().opened(app.initialRun().startingModel()); // File ▸ Open model starts in its folder
        }
        train.saving().setDialog(this::chooseSaveFile);
        train.saving().setQuestion(question -> ask("Remove the run with its trained weights?", question));
        train.saving().problemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                showProblem(new MainWindowViewModel.Problem(now.heading(), now.message()));
            }
        });
        root.setTop(menu());
        root.setCenter(tabs);
        root.setBottom(statusBar());
        root.getStyleClass().add("main-window");
        model.trainingProperty().addListener((obs, old, now) -> pulses.setMeasuring(now));
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
        scene.getStylesheets().setAll(model.themeProperty().get().stylesheets());
        model.themeProperty().addListener((obs, old, now) -> scene.getStylesheets().setAll(now.stylesheets()));
        KeyboardShortcuts.install(scene, model);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String model = train.saving().titleProperty().get();
            return model.isEmpty() ? TITLE : model + " — " + TITLE;
        }, train.saving().titleProperty()));
        stage.setOnCloseRequest(e -> {
            e.consume();
            closeAfterAsking();
        });
        AppIcon.setOn(stage);
        stage.setScene(scene);
        stage.setOnHidden(e -> close());
        stage.show();
        tabs.requestFocus();
        // style the hidden Membrane tab now, so that its first showing (often while training) is quick
        javafx.application.Platform.runLater(() -> membraneTab.getContent().applyCss());
        if (measurePulses) {
            pulses.start();
        }
        context.swaps().start();
        train.prepareFirstRun();
        PulseBench.startIfAsked(this, stage);
    }

    /**
     * Quit or the window's close box: asks first when any run in the list has unsaved training (Save / Don't save /
     * Cancel, one question for all of them).
     */
    private void closeAfterAsking() {
        train.saving().mayClose(question -> ask("Save the trained weights?", question)).thenAccept(close -> {
            if (close) {
                root.getScene().getWindow().hide();
            }
        });
    }

    /** Asks Save / Don't save / Cancel before trained weights would be dropped. */
    private ModelSaving.Answer ask(String heading, String question) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert alert = HelpDialogs.themed(new Alert(Alert.AlertType.CONFIRMATION, question, save, discard,
                ButtonType.CANCEL), window(), model.themeProperty().get());
        alert.setHeaderText(heading);
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        return answer == save ? ModelSaving.Answer.SAVE
                : answer == discard ? ModelSaving.Answer.DISCARD : ModelSaving.Answer.CANCEL;
    }

    /** The native Save dialog, titled {@code title} (which run), starting in {@code folder} with {@code name} proposed. */
    private Optional<Path> chooseSaveFile(Path folder, String name, String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MPBN Lab model", "*.zip"));
        if (java.nio.file.Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        chooser.setInitialFileName(name);
        return Optional.ofNullable(chooser.showSaveDialog(root.getScene().getWindow())).map(File::toPath);
    }

    /** Stops the training worker, the renderer and the pulse monitor. */
    public void close() {
        pulses.stop();
        context.swaps().stop();
        train.shutdown();
        renderer.close();
    }

    private MenuBar menu() {
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> closeAfterAsking());
        MenuItem open = new MenuItem("Open model…");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> openModel());
        MenuItem save = new MenuItem("Save model");
        save.setId("save-model");
        save.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        save.setOnAction(e -> train.saving().save());
        MenuItem saveAs = new MenuItem("Save model as…");
        saveAs.setId("save-model-as");
        saveAs.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        saveAs.setOnAction(e -> train.saving().saveAs());
        save.disableProperty().bind(train.saving().savingProperty());
        saveAs.disableProperty().bind(train.saving().savingProperty());
        MenuItem fresh = new MenuItem("New run from random weights");
        fresh.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
        fresh.setOnAction(e -> train.startFromRandomWeights());
        MenuItem openData = new MenuItem("Open data set…");
        openData.setId("open-data-set");
        openData.setOnAction(e -> openDataset(false));
        MenuItem openDataFolder = new MenuItem("Open data folder…");
        openDataFolder.setId("open-data-folder");
        openDataFolder.setOnAction(e -> openDataset(true));
        Menu file = new Menu("File", null, open, save, saveAs, new SeparatorMenuItem(), fresh, new SeparatorMenuItem(), openData, openDataFolder,
                new SeparatorMenuItem(), quit);

        Menu theme = themeMenu();
        CheckMenuItem controls = new CheckMenuItem("Show settings panel");
        controls.setSelected(true);
        controls.setAccelerator(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN));
        controls.selectedProperty().addListener((obs, old, now) -> trainView.setControlsVisible(now));
        Menu view = new Menu("View", null, theme, controls);

        MenuItem keys = new MenuItem(HelpTexts.KEYBOARD_TITLE);
        keys.setId("keyboard-help");
        keys.setOnAction(e -> HelpDialogs.keyboard(window(), model.themeProperty().get()).show());
        MenuItem about = new MenuItem("What is shown");
        about.setOnAction(e -> HelpDialogs.text(window(), model.themeProperty().get(), HelpTexts.MEMBRANE_TITLE,
                HelpTexts.MEMBRANE).show());
        Menu help = new Menu("Help", null, keys, about);
        return new MenuBar(file, view, help);
    }

    /**
     * One item per theme, the current one marked; Classroom (Ctrl+L) and High contrast (Ctrl+K) switch
     * their theme on and off.
     */
    private Menu themeMenu() {
        Menu menu = new Menu("Theme");
        List<RadioMenuItem> items = new ArrayList<>();
        for (AppTheme theme : AppTheme.values()) {
            RadioMenuItem item = new RadioMenuItem(theme.label());
            item.setId("theme-" + theme.id());
            item.setUserData(theme);
            switch (theme) {
                case CLASSROOM -> item.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
                case HIGH_CONTRAST -> item.setAccelerator(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN));
                default -> { }
            }
            item.setOnAction(e -> {
                model.toggleTheme(theme);
                markTheme(items);
            });
            items.add(item);
        }
        model.themeProperty().addListener((obs, old, now) -> markTheme(items));
        markTheme(items);
        menu.getItems().setAll(items);
        return menu;
    }

    private void markTheme(List<RadioMenuItem> items) {
        for (RadioMenuItem item : items) {
            item.setSelected(item.getUserData() == model.themeProperty().get());
        }
    }

    private void openModel() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a model file");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MPBN Lab model", "*.zip"));
        model.modelFolder().ifPresent(folder -> chooser.setInitialDirectory(folder.toFile()));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file == null) {
            return;
        }
        model.openModel(file.toPath()).ifPresent(this::showProblem);
    }

    /**
     * Your own data: a .npz or .csv file, or a folder of IDX files or of PNG class folders (see
     * docs/datasets.md). It is read and checked off the UI thread, then becomes the data set of the settings.
     */
    private void openDataset(boolean folder) {
        File chosen;
        if (folder) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open a folder of IDX files, or with train/ and test/ folders of PNG images per class");
            chosen = chooser.showDialog(root.getScene().getWindow());
        } else {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a data set");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("NumPy .npz or CSV of points",
                    "*.npz", "*.csv"));
            chosen = chooser.showOpenDialog(root.getScene().getWindow());
        }
        if (chosen == null) {
            return;
        }
        Path path = chosen.toPath();
        Thread reader = new Thread(() -> {
            MainWindowViewModel.DatasetCheck check = MainWindowViewModel.checkDataset(path);
            Platform.runLater(() -> model.useDataset(check).ifPresent(this::showProblem));
        }, "open-data-set");
        reader.setDaemon(true);
        reader.start();
    }

    private void showProblem(MainWindowViewModel.Problem problem) {
        Alert alert = HelpDialogs.themed(new Alert(Alert.AlertType.ERROR, problem.message()), window(),
                model.themeProperty().get());
        alert.setHeaderText(problem.heading());
        alert.show();
    }

    private javafx.stage.Window window() {
        return root.getScene().getWindow();
    }

    private StatusLine statusBar() {
        StatusLine bar = new StatusLine(model.statusProperty(), model.progressProperty());
        if (showPulseGaps) {
            Label pauseMeter = new Label();
            pauseMeter.setId("pulse-gap");
            pauseMeter.textProperty().bind(pulses.textProperty());
            pauseMeter.setTooltip(new javafx.scene.control.Tooltip("The longest time between two screen updates "
                    + "while training ran: how long the window could not repaint."));
            bar.getRightItems().add(pauseMeter);
        }
        return bar;
    }

    public MainWindowViewModel model() {
        return model;
    }

    public TrainViewModel trainModel() {
        return train;
    }

    public MembraneViewModel membraneModel() {
        return model.membrane();
    }

    public FoldView foldView() {
        return foldView;
    }

    public SpikesView spikesView() {
        return spikesView;
    }

    public MembraneView membraneView() {
        return membraneView;
    }

    public PulseGapMonitor pulseMonitor() {
        return pulses;
    }
}
