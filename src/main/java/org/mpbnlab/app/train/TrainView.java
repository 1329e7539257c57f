package org.mpbnlab.app.train;

import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.mpbnlab.app.charts.ChartPane;
import org.mpbnlab.app.charts.ChartTheme;
import org.mpbnlab.app.charts.RunSwatch;
import org.mpbnlab.app.charts.ViewContext;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.train.settings.Setting;
import org.mpbnlab.train.settings.SettingsTable;

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
    private final Button play = new SteadyButton(TrainViewModel.PLAY_LABELS);
    private final Label chartNotes = new Label();
    private final Label sharedSettings = new Label();
    private final RunLegend legend = new RunLegend();
    private final SettingsGrid groups = new SettingsGrid();
    private final ListView<RunRecord> runs;
    /** Each setting's control on the form, to mark and show the one to change. */
    private final java.util.Map<Setting<?>, Control> inputs = new java.util.HashMap<>();

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
                + "MPBN with batch statistics). Thick lines with dots: test samples in evaluation mode (running "
                + "statistics): the first ones every few iterations, all of them at each epoch's end (the run's status "
                + "under the buttons says which the newest point is). Right-click to export PNG or SVG.");
        accuracy.setExplanation("Fraction of samples classified correctly, same lines as the loss chart.");
        firing.setExplanation("Mean fraction of neurons that spike per step, for each LIF layer of the current run "
                + "(moving average over training batches).");
        runs = new ListView<>(model.runs());
        controls = new ScrollPane(form());
        controls.setId("settings-panel");
        controls.setFitToWidth(true);
        controls.setFitToHeight(true);
        controls.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        controls.setPrefWidth(440);
        controls.setMinWidth(380);
        root.setLeft(controls);
        HBox top = new HBox(8, loss, accuracy);
        HBox.setHgrow(loss, Priority.ALWAYS);
        HBox.setHgrow(accuracy, Priority.ALWAYS);
        chartNotes.setId("chart-notes");
        chartNotes.getStyleClass().add("chart-notes");
        chartNotes.setWrapText(true);
        chartNotes.setMinHeight(Region.USE_PREF_SIZE);
        chartNotes.setText(TrainingCharts.LINE_STYLES_SHORT);
        chartNotes.setTooltip(new Tooltip(TrainingCharts.LINE_STYLES));
        sharedSettings.setId("shared-settings");
        sharedSettings.getStyleClass().add("chart-notes");
        sharedSettings.setWrapText(true);
        sharedSettings.setMinHeight(Region.USE_PREF_SIZE);
        // the runs' legend before the settings they share: when the column is short, the shared ones scroll away first
        RowViewport header = new RowViewport(new VBox(2, chartNotes, legend, sharedSettings));
        header.setId("chart-header");
        // the current run's colour stays in view: the legend follows it whenever another run becomes current, and
        // the run selected in the list of runs when the user selects one
        model.runs().addListener((ListChangeListener<RunRecord>) c -> header.follow(
                () -> model.currentRun() == null ? null : legend.entry(model.currentRun().number())));
        runs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                header.follow(() -> legend.entry(now.number()));
            }
        });
        top.setPrefHeight(280);
        firing.setPrefHeight(350);
        ChartColumn charts = new ChartColumn(header, top, loss, firing, () -> context.themeProperty().get().fontScale(),
                () -> lineHeight(chartNotes));
        charts.setPadding(new Insets(8));
        root.setCenter(charts);
        model.snapshotProperty().addListener((obs, old, now) -> redraw());
        model.runs().addListener((ListChangeListener<RunRecord>) c -> redraw());
        context.themeProperty().addListener((obs, old, now) -> redraw());
    }

    /** The height of a line of {@code label}'s text in its font. */
    private static double lineHeight(Label label) {
        javafx.scene.text.Text line = new javafx.scene.text.Text("Xg");
        line.setFont(label.getFont());
        return line.getLayoutBounds().getHeight();
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
                started.stream().map(RunRecord::plan).toList());
        String common = RunLabels.common(started.stream().map(RunRecord::plan).toList());
        List<RunCurves> runs = new java.util.ArrayList<>();
        for (int i = 0; i < started.size(); i++) {
            runs.add(new RunCurves(started.get(i).number(), labels.get(i), started.get(i).latest().curves()));
        }
        SessionSnapshot current = model.snapshotProperty().get();
        ChartTheme theme = context.themeProperty().get();
        sharedSettings.setText(common.isEmpty() ? "" : TrainingCharts.sharedSettings(runs.size(), common));
        sharedSettings.setManaged(!common.isEmpty());
        legend.show(runs, theme);
        for (TrainingCharts.Metric metric : TrainingCharts.Metric.values()) {
            ChartPane pane = metric == TrainingCharts.Metric.LOSS ? loss : accuracy;
            pane.show(() -> TrainingCharts.withoutNotesAndLegend(TrainingCharts.comparison(metric, runs, common,
                            theme)),
                    () -> TrainingCharts.comparison(metric, runs, common, theme));
        }
        firing.show(() -> TrainingCharts.firingRates(current, theme));
    }

    private Node form() {
        // as high as the longest split says: choosing another data set never moves the rows and buttons under it
        Label split = ReservedNote.fixed(model.form()::splitReference);
        split.setId("split");
        split.textProperty().bind(model.splitProperty());
        for (Setting.Group group : Setting.Group.values()) {
            groups.group(group.title());
            for (Setting<?> setting : SettingsTable.all()) {
                if (setting.group() == group) {
                    String help = setting.description() + "\n" + consequence(setting);
                    // the data set's own files have long names: its box has a row of its own
                    groups.add(label(setting.label(), help), input(setting, help), setting == SettingsTable.DATASET);
                }
            }
            if (group == Setting.Group.DATA) {
                groups.note(split);
            }
        }

        Label error = new Label();
        error.setId("settings-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(model.form().errorProperty());
        // a refused action's note repeats the error: one of the two is shown
        error.visibleProperty().bind(model.form().errorProperty().isNotEmpty()
                .and(model.actionNoteProperty().isEmpty()));
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
        reset.setTooltip(new Tooltip("Back to the starting weights with the form's settings, without training: "
                + "the same run when nothing changed, else a new run (the line below says from which weights)."));
        HBox buttons = new HBox(6, play, step, reset);
        Label nextRun = new Label();
        nextRun.setId("next-run");
        nextRun.setWrapText(true);
        nextRun.textProperty().bind(model.nextRunProperty());
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
        // a refused action says "Correct the setting marked in red": show that setting's group
        model.actionNoteProperty().addListener((obs, old, now) -> {
            Control wrong = inputs.get(model.form().invalidSettingProperty().get());
            if (!now.isEmpty() && wrong != null) {
                groups.reveal(wrong);
            }
        });

        Label failureText = new Label();
        failureText.setId("failure-text");
        failureText.getStyleClass().add("error-text");
        failureText.setWrapText(true);
        failureText.textProperty().bind(model.failureProperty());
        Button dropFailed = new Button("Remove this run");
        dropFailed.setId("remove-failed-run");
        dropFailed.setOnAction(e -> model.removeRun(model.currentRun()));
        dropFailed.setFocusTraversable(false);
        dropFailed.setTooltip(new Tooltip("Drops the failed run from the list of runs and from the charts."));
        VBox failureBox = new VBox(4, dropFailed, failureText); // the button first: in view however long the reason
        failureBox.setId("failure-box");
        failureBox.getStyleClass().add("failure-box");
        failureBox.visibleProperty().bind(model.failureProperty().isNotEmpty());
        failureBox.managedProperty().bind(failureBox.visibleProperty());

        ProgressBar progress = new ProgressBar(0);
        progress.setMaxWidth(Double.MAX_VALUE);
        Label status = ReservedNote.growing(() -> RunStatusText.LONG_EXAMPLE);
        status.setId("run-status");
        model.snapshotProperty().addListener((obs, old, now) -> {
            progress.setProgress(now == null ? 0 : now.state() == SessionState.PREPARING ? -1 : now.progress());
            status.setText(RunStatusText.describe(now));
        });

        Label runsTitle = new Label("Runs (kept for comparison)");
        runsTitle.getStyleClass().add("section-title");
        runs.setId("runs");
        runs.setCellFactory(list -> new RunCell());
        // the current run is the one selected and in view whenever the list changes (a new run, a run removed): the
        // list showed #1-#4 while the new current #6 was out of sight, and after a removal the selection fell on #1,
        // a run the user had not picked, ready for the next Remove
        model.runs().addListener((ListChangeListener<RunRecord>) c -> {
            RunRecord current = model.currentRun();
            if (current != null && runs.getItems().contains(current)) {
                runs.getSelectionModel().select(current);
                Platform.runLater(this::showSelectedRun);
            }
        });
        // a list laid out anew (its tab opened, the window resized) keeps the selected run in view
        // (after the pass that lays out its cells: a list just shown has none yet to scroll)
        runs.heightProperty().addListener((obs, old, now) -> Platform.runLater(this::showSelectedRun));
        Button remove = new Button("Remove selected run");
        remove.setId("remove-run");
        remove.setOnAction(e -> {
            RunRecord selected = runs.getSelectionModel().getSelectedItem();
            if (selected != null) {
                model.removeRun(selected);
            }
        });
        remove.setFocusTraversable(false);
        remove.setMinWidth(Region.USE_PREF_SIZE);
        // greyed out for the current run (it stays unless it failed) rather than a click that does nothing
        remove.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !model.removable(runs.getSelectionModel().getSelectedItem()),
                runs.getSelectionModel().selectedItemProperty(), model.snapshotProperty(), model.runs()));
        remove.setTooltip(new Tooltip("Drops the selected run from the list and the charts (asks first if its "
                + "trained weights are not saved). The current run, the one Play continues, stays."));
        List<Node> saveRows = saveRows(remove);

        Label runNote = new Label();
        runNote.setId("run-note");
        runNote.getStyleClass().add("error-text");
        runNote.setWrapText(true);
        runNote.textProperty().bind(model.runNoteProperty());
        runNote.visibleProperty().bind(model.runNoteProperty().isNotEmpty());
        runNote.managedProperty().bind(runNote.visibleProperty());
        MessageArea messages = new MessageArea(List.of(failureBox, runNote, actionNote, error, nextRun));
        model.failureProperty().addListener((obs, old, now) -> messages.showFirst());
        return new ControlsPanel(() -> controls.getViewportBounds(), groups, buttons, messages, progress, status,
                runsTitle, runs, saveRows);
    }

    /**
     * Save model (as Ctrl+S in the File menu) beside {@code removeRun}, and under them which file the run's weights
     * are in, saved or modified.
     */
    private List<Node> saveRows(Button removeRun) {
        ModelSaving saving = model.saving();
        Button save = new Button("Save model");
        save.setId("save-model-button");
        save.setOnAction(e -> saving.save());
        save.disableProperty().bind(saving.savingProperty());
        save.setFocusTraversable(false);
        save.setTooltip(new Tooltip("Ctrl+S: save the current weights and every setting to the run's model file "
                + "(asks for a file the first time). Ctrl+Shift+S: save as another file."));
        save.setMinWidth(Region.USE_PREF_SIZE);
        Label state = ReservedNote.growing(() -> ModelSaving.NOT_SAVED);
        state.setId("save-state");
        state.textProperty().bind(saving.stateProperty());
        Runnable mark = () -> {
            state.getStyleClass().remove("error-text");
            if (saving.problemProperty().get() != null) {
                state.getStyleClass().add("error-text");
            }
        };
        saving.problemProperty().addListener((obs, old, now) -> mark.run());
        return List.of(new HBox(6, removeRun, save), state);
    }

    private Label label(String text, String help) {
        Label label = new Label(text);
        label.setTooltip(FormTips.wrapped(help));
        return label;
    }

    /** What changing {@code setting} does to the current run, said in its tooltip before the user changes it. */
    private static String consequence(Setting<?> setting) {
        return setting.change() == Setting.Change.KEEPS_WEIGHTS
                ? "Changing it starts a new run from the same starting weights as the current run."
                : "Changing it starts a new run from the random weights of the seed.";
    }

    /** The control of one setting: a list for choices, a check box for on/off, else a validated text field. */
    private Control input(Setting<?> setting, String help) {
        Control control = control(setting);
        inputs.put(setting, control);
        markWhenWrong(control, setting, help);
        return control;
    }

    private Control control(Setting<?> setting) {
        ValidatedField<?> field = model.form().field(setting);
        javafx.collections.ObservableList<String> choices = model.form().choices(setting);
        String id = "setting-" + setting.name();
        if (!choices.isEmpty()) {
            ComboBox<String> box = new ChoiceField(model.form()::shownName, List.copyOf(choices));
            box.setId(id);
            box.setItems(choices);
            box.valueProperty().bindBidirectional(field.textProperty());
            box.setMaxWidth(Double.MAX_VALUE);
            return box;
        }
        if (setting.type() == Boolean.class) {
            CheckBox box = new CheckBox();
            box.setId(id);
            box.setSelected(Boolean.parseBoolean(field.textProperty().get()));
            box.selectedProperty().addListener((obs, old, now) -> field.textProperty().set(String.valueOf(now)));
            field.textProperty().addListener((obs, old, now) -> box.setSelected(Boolean.parseBoolean(now)));
            box.setFocusTraversable(false);
            return box;
        }
        TextField input = new TextField();
        input.setId(id);
        input.setPrefColumnCount(5);
        // never narrower than five characters: a wide choice beside it must not squeeze a number out of sight
        input.setMinWidth(Region.USE_PREF_SIZE);
        input.textProperty().bindBidirectional(field.textProperty());
        input.setMaxWidth(Double.MAX_VALUE);
        input.setOnAction(e -> root.requestFocus());
        return input;
    }

    /**
     * Marks {@code control} in red, its tooltip saying why, while its value does not parse or while the form's error
     * tells the user to change it (a preset that does not take the data set's samples); else the tooltip is
     * {@code help}.
     */
    private void markWhenWrong(Control control, Setting<?> setting, String help) {
        ValidatedField<?> field = model.form().field(setting);
        ObservableValue<String> ownError = field.errorProperty();
        Tooltip tip = FormTips.wrapped(help);
        control.setTooltip(tip);
        Runnable mark = () -> {
            String why = !ownError.getValue().isEmpty() ? ownError.getValue()
                    : model.form().invalidSettingProperty().get() == setting ? model.form().errorProperty().get() : "";
            control.getStyleClass().remove("invalid");
            if (!why.isEmpty()) {
                control.getStyleClass().add("invalid");
            }
            // a value the box shows by a shorter name (an own data set's path) is given whole
            String value = field.textProperty().get();
            String shown = model.form().shownName(value);
            String whole = control instanceof ChoiceField && value != null
                    && (!value.equals(shown) || value.contains("/") || value.contains("\\"))
                    ? setting.label() + ": " + value + "\n" : "";
            tip.setText(whole + (why.isEmpty() ? help : why));
        };
        ownError.addListener((obs, old, now) -> mark.run());
        field.textProperty().addListener((obs, old, now) -> mark.run());
        model.form().invalidSettingProperty().addListener((obs, old, now) -> mark.run());
        model.form().errorProperty().addListener((obs, old, now) -> mark.run());
        mark.run();
    }

    /**
     * A run in the list: its colour, number and state on one line, its settings in the tooltip. The text follows each
     * run's own snapshots, the current run's and those that come from a run after another has replaced it (its pause,
     * say).
     */
    private final class RunCell extends ListCell<RunRecord> {
        @Override
        protected void updateItem(RunRecord run, boolean empty) {
            super.updateItem(run, empty);
            textProperty().unbind();
            if (empty || run == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            textProperty().bind(run.listTextProperty());
            setGraphic(RunSwatch.of(run.number(), context.themeProperty().get()));
            setTooltip(new Tooltip(run.label()));
        }
    }

    /** Scrolls the list of runs as little as needed to show its selected run whole. */
    private void showSelectedRun() {
        int selected = runs.getSelectionModel().getSelectedIndex();
        if (selected >= 0 && runs.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(selected);
        }
    }
}
