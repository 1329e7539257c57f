package org.mpbnlab.app.data;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mpbnlab.data.DataSplit;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.probe.DecisionMap;
import org.mpbnlab.session.CurrentModel;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.train.InputFeeder;
import org.mpbnlab.train.Predictions;

/**
 * The Data view's state: the task the network learns, so that students see it before they watch membranes.
 * For 2-D point sets: the training points with their classes and the network's decision regions, a
 * {@link DecisionMap} the engine computes on a grid; for image sets: the first test samples with their
 * labels and the network's answers. Both are computed on a copy of the run's weights
 * ({@link ModelSource}) on a background thread, and refreshed as training goes on while the view is shown.
 *
 * <p>Throttled so that training does not slow down: while a run trains, a refresh starts only after the previous
 * one has finished, at least {@link #MIN_INTERVAL_NANOS} later, and at least {@link #COST_FACTOR} times as long after
 * it as its work took, so it never takes more than 1/{@value #COST_FACTOR} of the processor. Its work is the
 * processor time of the computation itself ({@link #threadCpuNanos}), not the time spent waiting for the run's
 * weights or for a busy machine's processor: on a loaded machine that wall-clock time grew the interval to minutes,
 * and the regions stood still for a whole run. A new run is shown at once: its data may be another data set.
 */
public final class DataViewModel {

    /** Where the view gets a copy of the run's current weights ({@code TrainViewModel::requestModel}). */
    @FunctionalInterface
    public interface ModelSource {
        /**
         * Asks for a copy, given to {@code receiver}; when the run ends before making it (closed, replaced by a new
         * run, or failed), {@code refused} gets the reason instead. False when there is no run.
         */
        boolean request(Consumer<CurrentModel> receiver, Consumer<Throwable> refused);
    }

    /** What the dataset's samples look like. */
    public enum Kind {
        /** No data yet (no run has been built). */
        NONE,
        /** 2-D points: a scatter with decision regions. */
        POINTS,
        /** Images (or image sequences): a grid of samples with labels and answers. */
        IMAGES
    }

    /** One test sample of the gallery: its index in the test split, its label and the network's answer. */
    public record Sample(int index, int label, int prediction) {

        public boolean correct() {
            return label == prediction;
        }
    }

    /** Cells per side of the decision grid. */
    public static final int RESOLUTION = 64;
    /** Test samples in the image gallery. */
    public static final int GALLERY_SIZE = 40;
    /** Least time between two refreshes: 1 s. */
    public static final long MIN_INTERVAL_NANOS = 1_000_000_000L;
    /** A refresh waits at least this many times its own duration after the previous one. */
    public static final int COST_FACTOR = 20;

    private final ModelSource source;
    private final Executor background;
    private final Executor ui;
    private final LongSupplier nanoClock;
    private final LongSupplier workClock;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final ReadOnlyObjectWrapper<Kind> kind = new ReadOnlyObjectWrapper<>(this, "kind", Kind.NONE);
    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>(this, "dataset");
    private final ReadOnlyObjectWrapper<DecisionMap> decisionMap = new ReadOnlyObjectWrapper<>(this, "decisionMap");
    private final ObservableList<Sample> gallery = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper iteration = new ReadOnlyLongWrapper(this, "iteration", -1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectProperty<SessionSnapshot> snapshots;

    private boolean busy;
    private long lastDone = Long.MIN_VALUE / 2;
    private long interval = MIN_INTERVAL_NANOS;
    private RunPlan shownPlan;
    private long shownIteration = -1;
    private int refreshes;

    /**
     * @param snapshots  the current run's snapshots (a new iteration or a new run asks for a refresh)
     * @param background where the engine runs (a low-priority thread in the app, direct in tests)
     * @param ui         runs tasks on the UI thread
     * @param nanoClock  the time in nanoseconds ({@code System::nanoTime} in the app)
     * @param workClock  the processor time of the calling thread in nanoseconds ({@link #threadCpuNanos} in the app)
     */
    public DataViewModel(ModelSource source, ReadOnlyObjectProperty<SessionSnapshot> snapshots, Executor background,
                         Executor ui, LongSupplier nanoClock, LongSupplier workClock) {
        this.source = source;
        this.snapshots = snapshots;
        this.background = background;
        this.ui = ui;
        this.nanoClock = nanoClock;
        this.workClock = workClock;
        snapshots.addListener((obs, old, now) -> refreshIfDue());
        active.addListener((obs, old, now) -> refreshIfDue());
    }

    /** Starts a refresh when the view is shown, the run has moved on, and the throttle allows one. */
    public void refreshIfDue() {
        SessionSnapshot now = snapshots.get();
        if (!active.get() || busy || now == null || now.state() == SessionState.PREPARING
                || now.state() == SessionState.FAILED) {
            return;
        }
        boolean newRun = now.plan() != shownPlan;
        boolean moved = newRun || now.iteration() != shownIteration;
        boolean training = now.state() == SessionState.RUNNING;
        // the throttle protects training speed: a paused or finished run shows its last weights at once, a new run
        // its data at once
        if (!moved || training && !newRun && nanoClock.getAsLong() - lastDone < interval) {
            return;
        }
        busy = true;
        RunPlan plan = now.plan();
        boolean asked = source.request(model -> background.execute(() -> compute(model, plan)),
                failure -> ui.execute(() -> refused(failure)));
        if (!asked) {
            busy = false;
            status.set("no run yet: start or open one on the Train tab");
        }
    }

    /**
     * The run ended before it made the copy: the view says so and is free to ask again, which it does with the next
     * snapshot (of the new run, when one replaced it).
     */
    private void refused(Throwable failure) {
        busy = false;
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        status.set("could not take the run's weights: " + cause.getMessage()
                + ". The view shows the current run's data again as soon as it has weights.");
    }

    /** On the background thread: the engine's decision regions or answers for the copy {@code model}. */
    private void compute(CurrentModel model, RunPlan plan) {
        long start = workClock.getAsLong();
        Dataset data = model.dataset();
        InputFeeder feeder = new InputFeeder(model.encoder(), model.info().seed());
        model.network().setLoopThreads(1);
        try {
            if (isPoints(data)) {
                DecisionMap map = DecisionMap.of(model.network(), data.train(), feeder, RESOLUTION);
                long work = workClock.getAsLong() - start;
                ui.execute(() -> {
                    gallery.clear();
                    show(Kind.POINTS, data, model, plan, work);
                    decisionMap.set(map);
                });
            } else {
                DataSplit first = data.test().limit(GALLERY_SIZE);
                Predictions answers = Predictions.of(model.network(), first, feeder, GALLERY_SIZE);
                List<Sample> samples = new ArrayList<>();
                for (int i = 0; i < first.count(); i++) {
                    samples.add(new Sample(i, answers.labels()[i], answers.predictions()[i]));
                }
                long work = workClock.getAsLong() - start;
                ui.execute(() -> {
                    decisionMap.set(null);
                    show(Kind.IMAGES, data, model, plan, work);
                    gallery.setAll(samples);
                });
            }
        } catch (RuntimeException e) {
            ui.execute(() -> {
                busy = false;
                status.set("could not run the network on the data: " + e.getMessage());
            });
        }
    }

    /** Shows a refresh whose computation took {@code work} nanoseconds of processor time. */
    private void show(Kind what, Dataset data, CurrentModel model, RunPlan plan, long work) {
        iteration.set(model.iteration());
        dataset.set(data);
        kind.set(what);
        shownPlan = plan;
        shownIteration = model.iteration();
        lastDone = nanoClock.getAsLong();
        interval = Math.max(MIN_INTERVAL_NANOS, COST_FACTOR * work);
        refreshes++;
        busy = false;
        status.set("");
    }

    /** The processor time the calling thread has used, in nanoseconds (its wall-clock time where not measured). */
    public static long threadCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /**
     * A class's entry in the legend, "2 arm C": its number (the label the network answers) and its name, the number
     * once when the name is only the number (a CSV's labels 0, 1, … give "0", not "0 0").
     */
    public static String legendEntry(int classIndex, String name) {
        return name == null || name.isBlank() || name.strip().equals(String.valueOf(classIndex))
                ? String.valueOf(classIndex) : classIndex + " " + name;
    }

    /** True for data the view draws as points in the plane: samples of two numbers. */
    static boolean isPoints(Dataset data) {
        return data.temporalSteps() == 0 && data.train().sampleSize() == 2;
    }

    /** Shown on screen: refreshes happen only then. */
    public BooleanProperty activeProperty() {
        return active;
    }

    public ReadOnlyObjectProperty<Kind> kindProperty() {
        return kind.getReadOnlyProperty();
    }

    /**
     * True when the view draws classes in colours (the scatter's points and regions), so that a colour legend
     * means something; the image grid writes class names, and a legend there would be read as a key it is not.
     */
    public javafx.beans.binding.BooleanBinding usesClassColoursProperty() {
        return kind.isEqualTo(Kind.POINTS);
    }

    /** The run's data (its training points or test images). */
    public ReadOnlyObjectProperty<Dataset> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    /** The decision regions (points only), or null. */
    public ReadOnlyObjectProperty<DecisionMap> decisionMapProperty() {
        return decisionMap.getReadOnlyProperty();
    }

    /** The gallery's samples with the network's answers (images only). */
    public ObservableList<Sample> gallery() {
        return gallery;
    }

    /** The training iteration whose weights the shown regions or answers come from (−1 before the first). */
    public ReadOnlyLongProperty iterationProperty() {
        return iteration.getReadOnlyProperty();
    }

    /** Why nothing is shown (no run, or the network could not run), or empty. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Refreshes completed so far (for tests and the view's caption). */
    public int refreshes() {
        return refreshes;
    }
}
