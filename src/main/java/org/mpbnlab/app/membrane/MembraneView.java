package org.mpbnlab.app.membrane;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.mpbnlab.app.charts.ChartPane;
import org.mpbnlab.app.charts.ChartTheme;
import org.mpbnlab.app.charts.ViewContext;
import org.mpbnlab.app.train.TrainViewModel;
import org.mpbnlab.probe.MembraneQuantity;
import org.mpbnlab.probe.StatisticsSource;

/**
 * The Membrane view: for the chosen layer (and channel), one chart per time step with the histogram
 * of u_pre above that of û, a time cursor that plays and scrubs the steps, and a scrubber through the
 * recordings kept during training. Thin: state lives in {@link MembraneViewModel}.
 */
public final class MembraneView {

    /** Charts per row of the grid. */
    private static final int COLUMNS = 4;
    /** Rows that share the visible height; more rows (T > 8) get this height each and scroll. */
    private static final int FITTED_ROWS = 2;
    private static final double SCROLLED_ROW_HEIGHT = 320;
    /**
     * Least height of a row of charts, per unit of the charts' font scale: two plots and their titles and ticks stay
     * readable; shorter rows than this scroll (T = 8 in classroom fonts at 1024 × 768 left plots 15 px high).
     */
    private static final double LEAST_ROW_HEIGHT = 160;
    /** Least widths of the layer and neuron lists, in em: "LIF 1 · 512 dense" and "all neurons (dense layer)" fit. */
    private static final double LAYER_CHOICE_EM = 14.5;
    private static final double NEURONS_CHOICE_EM = 17.5;

    private final MembraneViewModel model;
    private final ViewContext context;
    private final BorderPane root = new BorderPane();
    private final GridPane grid = new GridPane();
    private final ScrollPane scroller = new ScrollPane(grid);
    private final List<ChartPane> steps = new ArrayList<>();
    /** The size of the smallest step chart: every chart decides from it whether its numbers fit. */
    private final SmallestPanel smallest = new SmallestPanel();
    private final Label caption = new Label();
    private final Label summary = new Label();
    private final Label legend = new Label();
    private final Label unavailable = new Label();
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final Timeline player;
    private final ComboBox<String> layerChoice = new ComboBox<>();
    private final ComboBox<String> channelChoice = new ComboBox<>();

    public MembraneView(MembraneViewModel model, TrainViewModel train, ViewContext context) {
        this.model = model;
        this.context = context;
        grid.setId("membrane-grid");
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(2, 6, 2, 6));
        caption.setId("membrane-caption");
        caption.getStyleClass().add("caption");
        caption.setWrapText(true);
        summary.setId("cursor-summary");
        summary.getStyleClass().add("cursor-summary");
        summary.setWrapText(true);
        player = new Timeline(new KeyFrame(Duration.millis(700), e -> model.nextStep()));
        player.setCycleCount(Timeline.INDEFINITE);

        Label sourceNote = new Label();
        sourceNote.setId("membrane-source-note");
        sourceNote.setWrapText(true);
        sourceNote.textProperty().bind(model.sourceNoteProperty());
        sourceNote.visibleProperty().bind(model.sourceNoteProperty().isNotEmpty());
        sourceNote.managedProperty().bind(sourceNote.visibleProperty());
        // the controls first, the notes that come and go with the recordings under them: nothing the mouse is on moves
        Label runNote = new Label();
        runNote.setId("membrane-run-note");
        runNote.setWrapText(true);
        runNote.textProperty().bind(model.runNoteProperty());
        runNote.visibleProperty().bind(model.runNoteProperty().isNotEmpty());
        runNote.managedProperty().bind(runNote.visibleProperty());
        caption.textProperty().bind(model.captionProperty());
        VBox top = new VBox(4, selectors(train), TimeAndHistoryBar.create(model, player), sourceNote, runNote, caption);
        top.setPadding(new Insets(8, 8, 0, 8));
        root.setTop(top);
        scroller.setFitToWidth(true);
        scroller.getStyleClass().add("chart-scroller");
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        unavailable.setId("membrane-unavailable");
        unavailable.getStyleClass().add("unavailable-note");
        unavailable.setWrapText(true);
        unavailable.textProperty().bind(model.unavailableProperty());
        unavailable.visibleProperty().bind(model.unavailableProperty().isNotEmpty());
        scroller.visibleProperty().bind(unavailable.visibleProperty().not());
        StackPane center = new StackPane(scroller, unavailable);
        StackPane.setAlignment(unavailable, Pos.TOP_LEFT);
        StackPane.setMargin(unavailable, new Insets(24));
        root.setCenter(center);
        legend.setWrapText(true);
        legend.getStyleClass().add("legend-text");
        VBox bottom = new VBox(2, summary, legend);
        bottom.setPadding(new Insets(0, 8, 4, 8));
        root.setBottom(bottom);

        model.figureProperty().addListener((obs, old, now) -> redraw());
        // when the charts scroll (many steps, or rows too short to read), the step under the cursor is scrolled to
        model.cursorProperty().addListener((obs, old, now) -> revealStep(now.intValue()));
        active.addListener((obs, old, now) -> redraw());
        context.themeProperty().addListener((obs, old, now) -> redraw());
    }

    public Node root() {
        return root;
    }

    /** Charts are only drawn while the view is on screen. */
    public BooleanProperty activeProperty() {
        return active;
    }

    private Node selectors(TrainViewModel train) {
        ComboBox<String> layer = layerChoice;
        layer.setItems(model.layers());
        layer.setId("layer-choice");
        layer.setTooltip(new Tooltip("The LIF layer whose membrane potentials are shown."));
        model.layerIndexProperty().addListener((obs, old, now) -> layer.getSelectionModel().select(now.intValue()));
        model.layers().addListener((ListChangeListener<String>) c ->
                layer.getSelectionModel().select(model.layerIndexProperty().get()));
        layer.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (now.intValue() >= 0) {
                model.layerIndexProperty().set(now.intValue());
            }
        });
        ComboBox<String> channel = channelChoice;
        channel.setItems(model.channels());
        channel.setId("channel-choice");
        channel.setTooltip(new Tooltip("For a conv layer: all channels together, or one channel (MPBN in channel "
                + "mode normalises each channel with its own mean and variance)."));
        model.channelIndexProperty().addListener((obs, old, now) -> channel.getSelectionModel().select(now.intValue()));
        model.channels().addListener((ListChangeListener<String>) c ->
                channel.getSelectionModel().select(model.channelIndexProperty().get()));
        channel.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (now.intValue() >= 0) {
                model.channelIndexProperty().set(now.intValue());
            }
        });
        channel.setVisibleRowCount(16);

        ToggleGroup sources = new ToggleGroup();
        RadioButton batch = new RadioButton("training batch (batch statistics)");
        batch.setId("source-batch");
        batch.setUserData(StatisticsSource.TRAINING_BATCH);
        batch.setTooltip(new Tooltip(StatisticsSource.TRAINING_BATCH.explanation()));
        RadioButton probe = new RadioButton("test batch, eval mode (running statistics)");
        probe.setId("source-probe");
        probe.setUserData(StatisticsSource.PROBE_BATCH);
        probe.setTooltip(new Tooltip(StatisticsSource.PROBE_BATCH.explanation()));
        batch.setToggleGroup(sources);
        probe.setToggleGroup(sources);
        train.probeSourceProperty().bind(model.recordFromProperty());
        Runnable showSource = () -> sources.selectToggle(
                model.sourceProperty().get() == StatisticsSource.TRAINING_BATCH ? batch : probe);
        showSource.run();
        model.sourceProperty().addListener((obs, old, now) -> showSource.run());
        sources.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.sourceProperty().set((StatisticsSource) now.getUserData());
            }
        });
        batch.setFocusTraversable(false);
        probe.setFocusTraversable(false);
        // the lists are as wide before the first recording as after (empty, they were narrow and the row reflowed);
        // a longer name (bold high-contrast text) widens its list rather than being cut
        layer.setStyle("-fx-min-width: " + LAYER_CHOICE_EM + "em;");
        channel.setStyle("-fx-min-width: " + NEURONS_CHOICE_EM + "em;");
        HBox choices = new HBox(10, new Label("Layer"), layer, new Label("Neurons"), channel);
        HBox recorded = new HBox(10, new Label("Recorded from"), batch, probe);
        for (HBox group : List.of(choices, recorded)) {
            group.setAlignment(Pos.CENTER_LEFT);
            group.setMinWidth(Region.USE_PREF_SIZE);
        }
        // side by side when the window is wide enough, else "Recorded from" on a line of its own, whatever is recorded
        FlowPane row = new FlowPane(24, 6, choices, recorded);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void redraw() {
        MembraneFigure figure = model.figureProperty().get();
        // the choices show the layer and neurons chosen even when no recording of the chosen kind is drawn
        syncSelection(layerChoice, model.layerIndexProperty().get());
        syncSelection(channelChoice, model.channelIndexProperty().get());
        if (figure == null) {
            summary.setText("");
            return;
        }
        String folded = Double.isNaN(figure.thresholdOnMembrane(0)) ? ""
                : "   Dashed purple on u_pre: Ṽ, the threshold MPBN amounts to for this channel (u_pre > Ṽ ⇔ û > V_th).";
        legend.setText(figure.layer().mpbnEnabled()
                ? "Blue, above: " + MembraneQuantity.BEFORE_NORM.explanation() + ".   Orange, below: "
                        + MembraneQuantity.AFTER_NORM.explanation() + ".   Dashed red: V_th.   μ: mean, σ: std." + folded
                : "Blue: " + MembraneQuantity.BEFORE_NORM.explanation() + ". MPBN is off, so this is also the value "
                        + "compared with V_th (dashed red).   μ: mean, σ: std.");
        summary.setText(figure.cursorSummary());
        ensurePanes(figure.timeSteps());
        ChartTheme theme = context.themeProperty().get();
        double least = LEAST_ROW_HEIGHT * theme.fontScale();
        for (RowConstraints row : grid.getRowConstraints()) {
            boolean fitted = row.getPercentHeight() > 0;
            row.setMinHeight(fitted ? least : Math.max(SCROLLED_ROW_HEIGHT, least));
            row.setPrefHeight(fitted ? Region.USE_COMPUTED_SIZE : Math.max(SCROLLED_ROW_HEIGHT, least));
        }
        if (!active.get()) {
            return;
        }
        String explanation = explanation(figure);
        for (int t = 0; t < steps.size(); t++) {
            int step = t;
            ChartPane pane = steps.get(t);
            pane.setExplanation(explanation);
            boolean atCursor = t == figure.cursor();
            if (atCursor != pane.getStyleClass().contains("cursor-step")) {
                if (atCursor) {
                    pane.getStyleClass().add("cursor-step");
                } else {
                    pane.getStyleClass().remove("cursor-step");
                }
            }
            pane.show(() -> HistogramPairChart.create(figure, step, theme, smallest));
        }
    }

    /** Shows {@code index} as selected (a combo box drops its selection when its items are replaced). */
    private static void syncSelection(ComboBox<String> box, int index) {
        if (box.getSelectionModel().getSelectedIndex() != index && index < box.getItems().size()) {
            box.getSelectionModel().select(index);
        }
    }

    private static String explanation(MembraneFigure figure) {
        String text = "Top: " + MembraneQuantity.BEFORE_NORM.explanation() + ".";
        if (figure.layer().mpbnEnabled()) {
            text += "\nBottom: " + MembraneQuantity.AFTER_NORM.explanation() + ".\nStatistics used for û: "
                    + figure.frame().source().explanation() + ".";
        } else {
            text += "\nMPBN is off, so û = u_pre is compared with V_th directly; watch how the distribution drifts "
                    + "over the time steps.";
        }
        return text;
    }

    private void ensurePanes(int count) {
        if (steps.size() == count) {
            return;
        }
        steps.clear();
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        int columns = Math.min(COLUMNS, count);
        int rows = (count + columns - 1) / columns;
        for (int c = 0; c < columns; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / columns);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }
        scroller.setFitToHeight(rows <= FITTED_ROWS);
        for (int r = 0; r < rows; r++) {
            RowConstraints row = new RowConstraints();
            if (rows <= FITTED_ROWS) {
                row.setPercentHeight(100.0 / rows);
            } else {
                row.setMinHeight(SCROLLED_ROW_HEIGHT);
                row.setPrefHeight(SCROLLED_ROW_HEIGHT);
            }
            row.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(row);
        }
        for (int t = 0; t < count; t++) {
            ChartPane pane = new ChartPane(context, "membrane-t" + (t + 1));
            pane.setId("step-chart-" + (t + 1));
            pane.getStyleClass().add("step-chart");
            pane.setPrefSize(300, 300);
            // a panel that changes size changes the smallest one: all panels decide again (they redraw)
            pane.widthProperty().addListener((obs, old, now) -> smallestChanged());
            pane.heightProperty().addListener((obs, old, now) -> smallestChanged());
            steps.add(pane);
            grid.add(pane, t % columns, t / columns);
        }
    }

    /** Scrolls the charts so that step {@code t}'s chart is whole in view (nothing moves when all are in view). */
    private void revealStep(int t) {
        if (t < 0 || t >= steps.size()) {
            return;
        }
        double hidden = grid.getHeight() - scroller.getViewportBounds().getHeight();
        if (hidden <= 0) {
            return;
        }
        javafx.geometry.Bounds chart = steps.get(t).getBoundsInParent();
        double top = scroller.getVvalue() * hidden;
        double viewport = scroller.getViewportBounds().getHeight();
        if (chart.getMinY() < top) {
            top = chart.getMinY();
        } else if (chart.getMaxY() > top + viewport) {
            top = Math.min(chart.getMinY(), chart.getMaxY() - viewport);
        }
        scroller.setVvalue(Math.max(0, Math.min(1, top / hidden)));
    }

    private void smallestChanged() {
        if (smallest.update(steps)) {
            redraw();
        }
    }

    /** The step charts currently shown (for tests). */
    public List<ChartPane> stepCharts() {
        return List.copyOf(steps);
    }
}
