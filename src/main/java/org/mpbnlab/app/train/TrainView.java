package org.mpbnlab.app.train;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;
import org.mpbnlab.app.charts.ChartPane;
import org.mpbnlab.app.charts.ChartTheme;
import org.mpbnlab.app.charts.ViewContext;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.RunningStatsMode;
import org.mpbnlab.snn.Surrogate;

/**
 * The Train view: settings form and controls on the left, loss, accuracy and firing-rate charts on
 * the right. Thin: every action goes to the {@link TrainViewModel}.
 */
public final class TrainView {

    private final TrainViewModel model;
    private final ViewContext context;
    private final BorderPane root = new BorderPane();
    private final ScrollPane controls;
    private final ChartPane loss;
    private final ChartPane accuracy;
    private final ChartPane firing;
    private final Button play = new Button();

    public TrainView(TrainViewModel model, ViewContext context) {
        this.model = model;
        this.context = context;
        loss = new ChartPane(context, "loss");
        accuracy = new ChartPane(context, "accuracy");
        firing = new ChartPane(context, "firing-rate");
        loss.setId("loss-chart");
        accuracy.setId("accuracy-chart");
        firing.setId("firing-chart");
        loss.setExplanation("Cross-entropy of each run. Thin lines: training batches (moving average, training mode, "
                + "MPBN with batch statistics). Thick lines with dots: the first test samples in evaluation mode "
                + "(running statistics). Right-click to export PNG or SVG.");
        accuracy.setExplanation("Fraction of samples classified correctly, same lines as the loss chart.");
        firing.setExplanation("Mean fraction of neurons that spike per step, for each LIF layer of the current run "
                + "(moving average over training batches).");
        controls = new ScrollPane(form());
        controls.setFitToWidth(true);
        controls.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        controls.setPrefWidth(360);
        controls.setMinWidth(300);
        root.setLeft(controls);
        HBox top = new HBox(8, loss, accuracy);
        HBox.setHgrow(loss, Priority.ALWAYS);
        HBox.setHgrow(accuracy, Priority.ALWAYS);
        VBox charts = new VBox(8, top, firing);
        VBox.setVgrow(top, Priority.ALWAYS);
        VBox.setVgrow(firing, Priority.ALWAYS);
        top.setPrefHeight(400);
        firing.setPrefHeight(260);
        charts.setPadding(new Insets(8));
        root.setCenter(charts);
        model.snapshotProperty().addListener((obs, old, now) -> redraw());
        model.runs().addListener((ListChangeListener<RunRecord>) c -> redraw());
        context.themeProperty().addListener((obs, old, now) -> redraw());
    }

    public Node root() {
        return root;
    }

    /** Hides the settings panel (classroom mode can hide controls). */
    public void setControlsVisible(boolean visible) {
        root.setLeft(visible ? controls : null);
    }

    private void redraw() {
        List<RunRecord> started = model.runs().stream()
                .filter(r -> r.latest() != null && r.latest().state() != SessionState.FAILED).toList();
        List<String> labels = RunLabels.legend(started.stream().map(RunRecord::number).toList(),
                started.stream().map(RunRecord::settings).toList());
        String common = RunLabels.common(started.stream().map(RunRecord::settings).toList());
        List<RunCurves> runs = new java.util.ArrayList<>();
        for (int i = 0; i < started.size(); i++) {
            runs.add(new RunCurves(started.get(i).number(), labels.get(i), started.get(i).latest().curves()));
        }
        SessionSnapshot current = model.snapshotProperty().get();
        ChartTheme theme = context.themeProperty().get();
        loss.show(() -> TrainingCharts.comparison(TrainingCharts.Metric.LOSS, runs, common, theme));
        accuracy.show(() -> TrainingCharts.comparison(TrainingCharts.Metric.ACCURACY, runs, common, theme));
        firing.show(() -> TrainingCharts.firingRates(current, theme));
    }

    private Node form() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        inputs.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, inputs);
        int row = 0;
        grid.addRow(row++, label("Dataset", "Built-in data; no download needed."),
                choice("dataset", model.form().datasetChoices(), model.form().datasetProperty(), s -> s));
        grid.addRow(row++, label("Preset", "mlp: 512-256 dense; conv-small: two 3×3 conv layers (images only); "
                        + "mlp-2d: 64-64 dense for 2-D toy data."),
                choice("preset", model.form().presetChoices(), model.form().presetProperty(), s -> s));
        grid.addRow(row++, label("T (time steps)", "Simulation steps per sample, 1 to 16."),
                field("time-steps", model.form().timeSteps()));
        grid.addRow(row++, label("τ (decay)", "u_pre[t] = τ·u[t−1] + x[t]; a factor in [0, 1], not a time constant."),
                field("tau", model.form().tau()));
        grid.addRow(row++, label("V_th", "Firing threshold: a neuron spikes when û > V_th."),
                field("threshold", model.form().threshold()));
        grid.addRow(row++, label("MPBN", "off: plain LIF. channel: normalise u_pre per channel with the statistics "
                        + "of this step over (B, H, W). element: per neuron over B."),
                choice("mpbn-mode", List.of(MpbnMode.values()), model.form().mpbnModeProperty(), MpbnMode::id));
        grid.addRow(row++, label("Statistics", "Running statistics MPBN keeps for evaluation: shared by all steps "
                        + "(official), or one set per time step."),
                choice("running-stats", List.of(RunningStatsMode.values()), model.form().runningStatsProperty(),
                        RunningStatsMode::id));
        grid.addRow(row++, label("Surrogate", "The gradient used for the spike in the backward pass."),
                choice("surrogate", List.of(Surrogate.values()), model.form().surrogateProperty(), Surrogate::id));
        grid.addRow(row++, label("Optimiser", "SGD with momentum 0.9, or Adam; cosine learning-rate schedule."),
                choice("optimizer", model.form().optimizerChoices(), model.form().optimizerProperty(), s -> s));
        grid.addRow(row++, label("Learning rate", "η, above 0 and at most 10."), field("learning-rate",
                model.form().learningRate()));
        grid.addRow(row++, label("Batch size", "Samples per step of training, 2 to 512."),
                field("batch-size", model.form().batchSize()));
        grid.addRow(row++, label("Epochs", "Passes over the training set."), field("epochs", model.form().epochs()));
        grid.addRow(row++, label("Seed", "Same seed: same initial weights and batches (reset returns to them)."),
                field("seed", model.form().seed()));

        Label error = new Label();
        error.setId("settings-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(model.form().errorProperty());
        error.visibleProperty().bind(model.form().errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        play.setId("play");
        play.textProperty().bind(model.playLabelProperty());
        play.setOnAction(e -> model.playPause());
        play.setTooltip(new Tooltip("Space: play / pause. Changed settings start a new run; earlier runs stay "
                + "on the charts for comparison."));
        play.setDefaultButton(false);
        Button step = new Button("One batch");
        step.setId("step");
        step.setOnAction(e -> model.step());
        step.setTooltip(new Tooltip("→ : train exactly one batch, then pause."));
        Button reset = new Button("Reset");
        reset.setId("reset");
        reset.setOnAction(e -> model.reset());
        reset.setTooltip(new Tooltip("Back to the same initial weights (same seed); the run's curves restart."));
        HBox buttons = new HBox(6, play, step, reset);
        for (Button b : List.of(play, step, reset)) {
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
            b.setFocusTraversable(false);
        }

        Label actionNote = new Label();
        actionNote.setId("action-note");
        actionNote.getStyleClass().add("error-text");
        actionNote.setWrapText(true);
        actionNote.textProperty().bind(model.actionNoteProperty());
        actionNote.visibleProperty().bind(model.actionNoteProperty().isNotEmpty());
        actionNote.managedProperty().bind(actionNote.visibleProperty());

        Label failureText = new Label();
        failureText.setId("failure-text");
        failureText.getStyleClass().add("error-text");
        failureText.setWrapText(true);
        failureText.textProperty().bind(model.failureProperty());
        Button dropFailed = new Button("Remove this run");
        dropFailed.setId("remove-failed-run");
        dropFailed.setOnAction(e -> model.removeRun(model.currentRun()));
        dropFailed.setFocusTraversable(false);
        VBox failureBox = new VBox(4, failureText, dropFailed);
        failureBox.setId("failure-box");
        failureBox.getStyleClass().add("failure-box");
        failureBox.visibleProperty().bind(model.failureProperty().isNotEmpty());
        failureBox.managedProperty().bind(failureBox.visibleProperty());

        ProgressBar progress = new ProgressBar(0);
        progress.setMaxWidth(Double.MAX_VALUE);
        Label status = new Label();
        status.setId("run-status");
        status.setWrapText(true);
        model.snapshotProperty().addListener((obs, old, now) -> {
            progress.setProgress(now == null ? 0 : now.state() == SessionState.PREPARING ? -1 : now.progress());
            status.setText(describe(now));
        });

        Label runsTitle = new Label("Runs (kept for comparison)");
        runsTitle.getStyleClass().add("section-title");
        ListView<RunRecord> runs = new ListView<>(model.runs());
        runs.setId("runs");
        runs.setPrefHeight(150);
        runs.setCellFactory(list -> new RunCell());
        model.snapshotProperty().addListener((obs, old, now) -> {
            // refreshing re-lays out every cell's wrapped text: only when a run's line changes noticeably
            if (old == null || now == null || old.state() != now.state()
                    || old.iteration() / 20 != now.iteration() / 20) {
                runs.refresh();
            }
        });
        Button remove = new Button("Remove selected run");
        remove.setOnAction(e -> {
            RunRecord selected = runs.getSelectionModel().getSelectedItem();
            if (selected != null) {
                model.removeRun(selected);
            }
        });
        remove.setFocusTraversable(false);

        Label settingsTitle = new Label("Settings");
        settingsTitle.getStyleClass().add("section-title");
        VBox box = new VBox(8, settingsTitle, grid, error, buttons, actionNote, failureBox, progress, status, runsTitle,
                runs, remove);
        box.setPadding(new Insets(10));
        return box;
    }

    private static String describe(SessionSnapshot s) {
        if (s == null) {
            return "";
        }
        if (s.state() == SessionState.PREPARING) {
            return "Preparing " + s.settings().dataset() + " and " + s.settings().preset() + "…";
        }
        String text = String.format(Locale.ROOT, "%s · iteration %d of %d · epoch %d", s.state().label(),
                s.iteration(), s.totalIterations(), s.epoch());
        if (s.curves().testAccuracy().size() > 0) {
            text += String.format(Locale.ROOT, " · test accuracy %.1f%%", 100 * s.curves().testAccuracy().last());
        }
        return text;
    }

    private Label label(String text, String help) {
        Label label = new Label(text);
        label.setTooltip(new Tooltip(help));
        return label;
    }

    private TextField field(String id, ValidatedField<?> field) {
        TextField input = new TextField();
        input.setId(id);
        input.textProperty().bindBidirectional(field.textProperty());
        Tooltip tip = new Tooltip();
        input.setTooltip(tip);
        ObservableValue<String> error = field.errorProperty();
        Runnable mark = () -> {
            boolean invalid = !error.getValue().isEmpty();
            input.getStyleClass().remove("invalid");
            if (invalid) {
                input.getStyleClass().add("invalid");
            }
            tip.setText(invalid ? error.getValue() : field.name());
        };
        error.addListener((obs, old, now) -> mark.run());
        mark.run();
        input.setMaxWidth(Double.MAX_VALUE);
        input.setOnAction(e -> root.requestFocus());
        return input;
    }

    private <T> ComboBox<T> choice(String id, List<T> values, ObjectProperty<T> property, Function<T, String> name) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                return values.stream().filter(v -> name.apply(v).equals(text)).findFirst().orElse(null);
            }
        });
        box.valueProperty().bindBidirectional(property);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setFocusTraversable(false);
        return box;
    }

    /** A run in the list: its colour, its settings and its state. */
    private final class RunCell extends ListCell<RunRecord> {
        @Override
        protected void updateItem(RunRecord run, boolean empty) {
            super.updateItem(run, empty);
            if (empty || run == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            java.awt.Color c = context.themeProperty().get().colour(run.number() - 1);
            Rectangle swatch = new Rectangle(12, 12, javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue()));
            SessionSnapshot s = run.latest();
            String state = s == null ? "" : " — " + s.state().label() + ", it. " + s.iteration();
            setText(run.label() + state);
            setWrapText(true);
            setPrefWidth(0);
            setGraphic(swatch);
        }
    }
}
