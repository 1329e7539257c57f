package org.mpbnlab.app.spikes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.mpbnlab.app.charts.SteadyToggleButton;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.probe.LayerRecording;
import org.mpbnlab.probe.Recording;

/**
 * The Spikes view: choose or draw an input, play the recording step by step and watch the spikes of every
 * LIF layer, the input, and the output forming; click neurons to follow their membranes. Thin: state lives in
 * {@link SpikesViewModel}; every number comes from its {@link Recording}.
 *
 * <p>With {@code -Dmpbnlab.spikesFps=true} the view plays its recording over and over, a new step at every
 * JavaFX pulse, and writes the frames per second and the drawing time per frame to standard error
 * every 5 s (the measurement behind docs' frame-rate figures).
 */
public final class SpikesView {

    private static final long REPORT_EVERY_NANOS = 5_000_000_000L;
    /** Runs of equal answers the output's caption names; earlier ones are told as "changing". */
    private static final int MAX_RUNS_TOLD = 3;

    private final SpikesViewModel model;
    private final BorderPane root = new BorderPane();
    private final VBox layers = new VBox(4);
    private final List<LayerPanel> panels = new ArrayList<>();
    private final InputCanvas input = new InputCanvas();
    private final LogitsCanvas logits = new LogitsCanvas();
    private final TraceChart traces = new TraceChart();
    private final Label inputCaption = new Label("Input");
    private final Label outputCaption = new Label("Output");
    private final Label status = new Label();
    /** "speed": a plain label, whose font is the theme's body font. */
    private final Label speedCaption = new Label("speed");
    private final ComboBox<String> traceLayer = new ComboBox<>();
    private final TextField traceIndex = new TextField();
    private final FlowPane traceLegend = new FlowPane(8, 2);
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final VBox left = new VBox(4);
    private final DrawingPad pad;
    private final boolean measureFps = Boolean.getBoolean("mpbnlab.spikesFps");
    /** Shows a new recording over a few pulses, a layer at a time. */
    private final PulseSteps showing = new PulseSteps();
    private final ReadOnlyObjectWrapper<Recording> shown = new ReadOnlyObjectWrapper<>(this, "shownRecording");
    /** Where the mouse is over the layer panels, in the scene; null when it is not over them. */
    private Point2D mouseOverLayers;
    // frame-rate measurement
    private long frames;
    private long frameNanos;
    private long maxFrameNanos;
    private long reportStart = -1;

    public SpikesView(SpikesViewModel model) {
        this.model = model;
        this.pad = new DrawingPad(model);
        root.setId("spikes-view");
        GalleryPane gallery = new GalleryPane(model);
        VBox.setVgrow(gallery.root(), Priority.ALWAYS);
        left.getChildren().add(gallery.root());
        left.setPrefWidth(galleryWidth(13));
        left.setMinWidth(220);
        // three gallery columns in the desk font, two in a projector's larger fonts (wider in the classroom theme)
        speedCaption.fontProperty().addListener((obs, old, now) -> left.setPrefWidth(galleryWidth(now.getSize())));
        root.setLeft(left);
        ScrollPane scroller = new ScrollPane(layers);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.setMinHeight(80);
        scroller.setId("spikes-layers");
        followTheMouseWhenScrolled(scroller);
        layers.setPadding(new Insets(4));
        // the rasters above (scrolling when there are many layers), the traces of the neurons clicked on them below
        VBox.setVgrow(scroller, Priority.ALWAYS);
        root.setCenter(new VBox(scroller, tracePanel()));
        root.setRight(outputColumn());
        root.setTop(controls());

        model.recordingProperty().addListener((obs, old, now) -> showRecording(now));
        model.player().cursor().stepProperty().addListener((obs, old, now) -> update());
        model.traces().addListener((ListChangeListener<TracedNeuron>) c -> {
            updateLegend();
            update();
        });
        model.datasetProperty().addListener((obs, old, now) -> showPad(now));
        status.textProperty().bind(model.statusProperty());
        active.addListener((obs, old, now) -> model.setShown(now));
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                tick(now);
            }
        }.start();
    }

    public BorderPane root() {
        return root;
    }

    /** True while the view is shown; it then asks the run for a model when it has none of the current run. */
    public BooleanProperty activeProperty() {
        return active;
    }

    public SpikesViewModel model() {
        return model;
    }

    /**
     * The recording every panel shows: the model's recording once its layers, input and output have all been
     * drawn, a few pulses after it arrived (null before the first).
     */
    public ReadOnlyObjectProperty<Recording> shownRecordingProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The raster of LIF layer {@code index} (neurons × steps). */
    public SpikeRasterCanvas raster(int index) {
        return panels.get(index).raster();
    }

    /** The spike maps of LIF layer {@code index} (conv layers). */
    public SpikeRasterCanvas maps(int index) {
        return panels.get(index).maps();
    }

    public TraceChart traceChart() {
        return traces;
    }

    /** The output panel: the logits forming and the strip of the answer after each step. */
    public LogitsCanvas logits() {
        return logits;
    }

    private Node controls() {
        Button refresh = new Button("Use current weights");
        refresh.setId("spikes-refresh");
        refresh.setTooltip(new Tooltip("Copy the run's weights now (training goes on): the gallery answers again and "
                + "the sample is recorded again, both with them; the samples you choose next are recorded with them too"));
        refresh.setOnAction(e -> model.refresh());
        StepPlayer player = model.player();
        Button back = new Button("◀");
        back.setTooltip(new Tooltip("Previous time step"));
        back.setOnAction(e -> player.stepBack());
        ToggleButton play = new SteadyToggleButton("Play", "Pause");
        play.setId("spikes-play");
        play.setTooltip(new Tooltip("Play the steps one after another (from the first when at the last)"));
        play.setOnAction(e -> {
            if (play.isSelected()) {
                player.play();
            } else {
                player.pause();
            }
        });
        player.playingProperty().addListener((obs, old, now) -> {
            play.setSelected(now);
        });
        Button forward = new Button("▶");
        forward.setId("spikes-step");
        forward.setTooltip(new Tooltip("Next time step"));
        forward.setOnAction(e -> player.stepForward());
        Slider scrub = new Slider(1, 1, 1);
        scrub.setId("spikes-scrub");
        scrub.setMajorTickUnit(1);
        scrub.setMinorTickCount(0);
        scrub.setSnapToTicks(true);
        scrub.setShowTickMarks(true);
        scrub.setPrefWidth(220);
        scrub.valueProperty().addListener((obs, old, now) -> {
            int t = (int) Math.round(now.doubleValue()) - 1;
            if (t != player.cursor().step() && (scrub.isValueChanging() || scrub.isPressed())) {
                player.scrubTo(t);
            }
        });
        Label stepLabel = new Label();
        stepLabel.setId("spikes-step-label");
        // the thumb and the label follow the cursor and the recording's T together: the cursor may move (in the
        // Membrane view) before a recording with enough steps is here, and the slider clamps a value past its max
        Runnable showStep = () -> {
            int steps = Math.max(1, player.timeStepsProperty().get());
            int shown = Math.min(player.cursor().step(), steps - 1) + 1;
            scrub.setMax(steps);
            scrub.setValue(shown);
            stepLabel.setText(player.timeStepsProperty().get() == 0 ? "" : "step " + shown + " of " + steps);
        };
        player.cursor().stepProperty().addListener((obs, old, now) -> showStep.run());
        player.timeStepsProperty().addListener((obs, old, now) -> showStep.run());
        Slider speed = new Slider(Math.log(StepPlayer.MIN_SPEED), Math.log(StepPlayer.MAX_SPEED), Math.log(2));
        speed.setId("spikes-speed");
        speed.setPrefWidth(110);
        Label speedLabel = new Label();
        speed.valueProperty().addListener((obs, old, now) -> player.speedProperty().set(Math.exp(now.doubleValue())));
        player.speedProperty().addListener((obs, old, now) -> speedLabel.setText(String.format(Locale.ROOT,
                "%.1f steps/s", now.doubleValue())));
        speedLabel.setText("2.0 steps/s");
        speed.setTooltip(new Tooltip("Playing speed, steps per second"));
        for (Node n : List.of(back, play, forward, scrub, speed, refresh)) {
            n.setFocusTraversable(false);
        }
        status.getStyleClass().add("caption");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        // three groups that wrap as wholes onto a second row when the window is narrow, none of them cut
        HBox steps = group(back, play, forward, scrub, stepLabel);
        HBox pace = group(speedCaption, speed, speedLabel);
        FlowPane row = new FlowPane(16, 6, refresh, steps, pace);
        row.setAlignment(Pos.CENTER_LEFT);
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        VBox top = new VBox(4, row, status);
        top.setPadding(new Insets(6, 8, 2, 8));
        return top;
    }

    /**
     * Keeps the raster and map tooltips true when the panels scroll under a mouse at rest (the wheel moves them, not
     * the mouse): where the mouse is over {@code scroller} is noted, and each time the panels move in the window the
     * tooltips are told again what is under it.
     */
    private void followTheMouseWhenScrolled(ScrollPane scroller) {
        scroller.addEventFilter(MouseEvent.MOUSE_MOVED, e -> mouseOverLayers = new Point2D(e.getSceneX(), e.getSceneY()));
        scroller.addEventFilter(ScrollEvent.SCROLL, e -> mouseOverLayers = new Point2D(e.getSceneX(), e.getSceneY()));
        scroller.setOnMouseExited(e -> mouseOverLayers = null);
        layers.localToSceneTransformProperty().addListener((obs, old, now) -> {
            for (LayerPanel panel : panels) {
                panel.mouseAt(mouseOverLayers);
            }
        });
    }

    /** The tooltip text of LIF layer {@code index}'s channel maps now (for tests). */
    String mapsTooltip(int index) {
        return panels.get(index).mapsTooltip();
    }

    /**
     * The gallery's width for the font size {@code font}: tiles of 7.5 em of a 0.8 em text (the theme's
     * .gallery-answer) plus their border and gap, three columns up to a 14 px font, two beyond; plus the
     * gallery's padding and its scroll bar (about a font size wide, with some slack).
     */
    private static double galleryWidth(double font) {
        double tile = 7.5 * 0.8 * font + 2 * 2 + 2 * 2 + 4;
        int columns = font <= 14 ? 3 : 2;
        return columns * tile + 2 * 4 + 2 * 4 + 1.2 * font; // the scroll bar grows with the font
    }

    /** A row of controls that stays whole: never narrower than its controls' full text. */
    private static HBox group(Node... nodes) {
        for (Node n : nodes) {
            if (n instanceof Region r && !(n instanceof Slider)) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    /** The input and the output forming: captions wrap, the input image gives way before the logits' rows. */
    private Node outputColumn() {
        inputCaption.getStyleClass().add("caption");
        outputCaption.getStyleClass().add("caption");
        inputCaption.setId("spikes-input-caption");
        outputCaption.setId("spikes-output-caption");
        for (Label caption : List.of(inputCaption, outputCaption)) {
            caption.setWrapText(true);
            caption.setMinHeight(Region.USE_PREF_SIZE);
        }
        input.setPrefSize(150, 150);
        logits.setId("spikes-logits");
        outputCaption.setTooltip(new Tooltip("The answer after each step so far, a run of steps with the same answer"
                + " at a time (✓: the label, ✗: another class); the strip under the bars shows the same runs"));
        VBox right = new VBox(4, inputCaption, input, outputCaption, logits);
        right.setPadding(new Insets(4, 8, 8, 4));
        // wide enough for the longest class names and their values in the font in use
        right.setMinWidth(280);
        outputCaption.fontProperty().addListener((obs, old, now) -> right.setPrefWidth(Math.max(340, 16 * now.getSize())));
        right.setPrefWidth(340);
        return right;
    }

    /** Neuron traces: the legend of traced neurons, the line key, the chart, and under it the row to pick a neuron. */
    private Node tracePanel() {
        traceLayer.setPromptText("layer");
        traceLayer.setId("trace-layer");
        traceIndex.setPromptText("neuron #");
        traceIndex.setTooltip(new Tooltip("The neuron's number in the chosen layer, counted from 1"));
        traceIndex.setPrefColumnCount(5);
        traceIndex.setId("trace-index");
        Button add = new Button("Add trace");
        add.setId("trace-add");
        add.setOnAction(e -> addTraceByIndex());
        traceIndex.setOnAction(e -> addTraceByIndex());
        Button clear = new Button("Clear");
        clear.setId("trace-clear");
        clear.setTooltip(new Tooltip("Remove every trace"));
        clear.setOnAction(e -> model.clearTraces());
        Label heading = new Label("Neuron traces");
        heading.getStyleClass().add("caption");
        for (Region r : List.of(heading, traceLayer, traceIndex, add, clear)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        FlowPane pick = new FlowPane(8, 4, heading, traceLayer, traceIndex, add, clear);
        pick.setAlignment(Pos.CENTER_LEFT);
        pick.setMinHeight(Region.USE_PREF_SIZE);
        traces.setId("trace-chart");
        traces.setPrefHeight(170);
        VBox.setVgrow(traces, Priority.ALWAYS);
        traceLegend.setId("trace-legend");
        // a traced neuron's long name (its array element included) wraps inside the view instead of widening it
        // past the window (in classroom fonts at 1024 × 768 it pushed the input and the logits off screen)
        traceLegend.setMinWidth(0);
        // each entry wraps whole (no-break spaces inside it): in classroom fonts "0" was left alone on a line
        Label lines = new Label(java.util.stream.Stream.of("— u_pre", "- - û", "··· x", "┄ Ṽ (folded)", "▬ ▬ V_th",
                "▼ spike, then reset to 0").map(entry -> entry.replace(' ', '\u00a0'))
                .collect(java.util.stream.Collectors.joining("   ")));
        lines.setId("trace-key");
        lines.setWrapText(true);
        lines.setMinHeight(Region.USE_PREF_SIZE);
        lines.getStyleClass().add("trace-key");
        lines.setTooltip(new Tooltip("u_pre[t] = τ·u[t−1] + x[t]: the membrane after charging (solid line with dots)\n"
                + "û[t]: after MPBN, compared with V_th (dashed; only with MPBN)\n"
                + "x[t]: the input current (dotted)\n"
                + "Ṽ: the folded threshold of the neuron's channel: u_pre above Ṽ exactly when û above V_th (thin steps)\n"
                + "V_th: the firing threshold (black dashes)\n"
                + "▼: the neuron spiked; the dotted drop is the reset of the raw membrane, u = u_pre·(1 − s) = 0"));
        // why a typed number was refused, under the field the user typed it in (not only in a tooltip)
        Label problem = new Label();
        problem.setId("trace-problem");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(model.traceProblemProperty());
        problem.visibleProperty().bind(model.traceProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        // the theme's red ring inside the field (a wider border would grow the row and move Add trace)
        model.traceProblemProperty().addListener((obs, old, now) -> {
            traceIndex.getStyleClass().remove("invalid");
            if (!now.isEmpty()) {
                traceIndex.getStyleClass().add("invalid");
            }
        });
        // the row to add a trace is at the bottom, the window's edge: the legend's lines and a refused number's message
        // come above it, so that it stays where it is under the mouse while traces are added one after another
        traceLegend.setMinHeight(Region.USE_PREF_SIZE);
        VBox panel = new VBox(4, traceLegend, lines, traces, problem, pick);
        panel.setPadding(new Insets(4, 4, 4, 4));
        return panel;
    }

    private void addTraceByIndex() {
        model.toggleTraceByNumber(traceLayer.getSelectionModel().getSelectedIndex(), traceIndex.getText());
    }

    private void showPad(Dataset dataset) {
        left.getChildren().remove(pad.root());
        if (model.canDraw()) {
            left.getChildren().add(pad.root());
        }
    }

    /**
     * Shows a new recording a layer per pulse ({@link PulseSteps}): each layer's panel made (at a pulse of its
     * own, for a network of another shape) and drawn at its own pulse, then the input, the output and the
     * traces; the recording is then
     * {@linkplain #shownRecordingProperty() shown}. Until then a panel still shows the previous recording's layer.
     */
    private void showRecording(Recording recording) {
        if (recording == null) {
            return;
        }
        boolean sameShape = panels.size() == recording.layers().size();
        for (int l = 0; sameShape && l < panels.size(); l++) {
            sameShape = panels.get(l).fits(recording.layers().get(l));
        }
        List<Runnable> steps = new ArrayList<>();
        if (!sameShape) {
            panels.clear();
            layers.getChildren().clear();
            for (int l = 0; l < recording.layers().size(); l++) {
                LayerRecording layer = recording.layers().get(l);
                int position = l;
                // a new panel is styled and laid out at one pulse, drawn at the next
                steps.add(() -> {
                    LayerPanel panel = new LayerPanel(model, layer.index(), layer);
                    panels.add(panel);
                    layers.getChildren().add(panel.root());
                });
                steps.add(() -> {
                    LayerPanel panel = panels.get(position);
                    panel.show(layer);
                    panel.update(shownStep(recording), model.traces());
                });
            }
            steps.add(() -> {
                traceLayer.getItems().setAll(recording.layers().stream().map(l -> "LIF " + (l.index() + 1)).toList());
                traceLayer.getSelectionModel().select(0);
            });
        } else {
            for (int l = 0; l < panels.size(); l++) {
                LayerPanel panel = panels.get(l);
                LayerRecording layer = recording.layers().get(l);
                steps.add(() -> {
                    panel.show(layer);
                    panel.update(shownStep(recording), model.traces());
                });
            }
        }
        steps.add(() -> {
            updateLegend();
            update();
            shown.set(recording);
        });
        showing.replaceWith(steps);
    }

    /** The step the cursor shows in {@code recording} (the cursor may stand past a shorter recording's end). */
    private int shownStep(Recording recording) {
        return Math.min(model.player().cursor().step(), recording.timeSteps() - 1);
    }

    /** Redraws everything that depends on the step and the traces. */
    private void update() {
        Recording recording = model.recordingProperty().get();
        if (recording == null || panels.isEmpty()) {
            return;
        }
        int step = shownStep(recording);
        int sample = model.sampleInRecordingProperty().get();
        for (LayerPanel panel : panels) {
            panel.update(step, model.traces());
        }
        Dataset dataset = model.datasetProperty().get();
        input.setContent(recording, dataset, model.gallery(), sample, step);
        inputCaption.setText(recording.inputSteps() == 1 ? "Input, the same at every step" : "Input at step " + (step + 1));
        logits.setContent(recording, dataset == null ? null : dataset.classNames(), sample, step);
        int label = recording.labels()[sample];
        int answer = recording.predictionAfter(step, sample);
        List<String> names = dataset == null ? List.of() : dataset.classNames();
        // the answers so far told by their changes, the last one the answer now; the label is marked ✓ in the rows
        // below, and the caption names it only when the answer now is wrong
        int[] answers = new int[step + 1];
        for (int t = 0; t <= step; t++) {
            answers[t] = recording.predictionAfter(t, sample);
        }
        outputCaption.setText("After " + AnswerRuns.describe(AnswerRuns.of(answers), names, label, MAX_RUNS_TOLD)
                + (label < 0 ? " (your drawing)" : answer == label ? "" : " (label: " + name(names, label) + ")"));
        traces.setContent(recording, model.traces(), sample, step);
    }

    /** One coloured name per traced neuron; a click on it removes the trace. */
    private void updateLegend() {
        Recording recording = model.recordingProperty().get();
        traceLegend.getChildren().clear();
        if (recording == null) {
            return;
        }
        for (TracedNeuron t : model.traces()) {
            LayerRecording layer = recording.layers().get(t.layer());
            Label entry = new Label("● " + NeuronNames.withArrayElement(layer, t.neuron()));
            entry.setTextFill(TracePalette.colour(t.colour()));
            entry.setWrapText(true);
            entry.setMinWidth(0);
            entry.maxWidthProperty().bind(traceLegend.widthProperty());
            entry.setTooltip(new Tooltip("Its lines are drawn in this colour, and it is outlined on its raster. "
                    + "Click to remove its trace.\nThe app counts layers, neurons, channels, y, x and steps from 1; "
                    + "record's .npz counts from 0: " + NeuronNames.arrayElement(layer, t.neuron())
                    + " is its u_pre at every step (step t on screen is row t − 1), s = the sample's place in "
                    + "--samples; the same index picks its x, u_hat and spikes."));
            entry.setOnMouseClicked(e -> model.toggleTrace(t.layer(), t.neuron()));
            traceLegend.getChildren().add(entry);
        }
    }

    private static String name(List<String> names, int k) {
        return k >= 0 && k < names.size() ? names.get(k) : Integer.toString(k);
    }

    private void tick(long now) {
        StepPlayer player = model.player();
        if (!measureFps) {
            player.tick(now);
            return;
        }
        if (model.recordingProperty().get() == null) {
            return;
        }
        // the measurement: a new step at every pulse, round and round
        long start = System.nanoTime();
        player.cursor().next(player.timeStepsProperty().get());
        long spent = System.nanoTime() - start;
        frames++;
        frameNanos += spent;
        maxFrameNanos = Math.max(maxFrameNanos, spent);
        if (reportStart < 0) {
            reportStart = now;
            frames = 0;
            frameNanos = 0;
            maxFrameNanos = 0;
        } else if (now - reportStart >= REPORT_EVERY_NANOS) {
            Recording r = model.recordingProperty().get();
            long neurons = r.layers().stream().mapToLong(LayerRecording::neurons).sum();
            System.err.printf(Locale.ROOT, "spikes-fps: %.1f frames/s (a new step each frame) over %d frames; drawing "
                            + "a frame %.2f ms mean, %.2f ms max; %d LIF layers, %d neurons, T = %d%n",
                    frames / ((now - reportStart) / 1e9), frames, frameNanos / 1e6 / Math.max(1, frames),
                    maxFrameNanos / 1e6, r.layers().size(), neurons, r.timeSteps());
            reportStart = now;
            frames = 0;
            frameNanos = 0;
            maxFrameNanos = 0;
        }
    }
}
