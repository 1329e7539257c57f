package org.mpbnlab.app.spikes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.mpbnlab.app.charts.TimeCursor;
import org.mpbnlab.data.DataSplit;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.Normalisation;
import org.mpbnlab.probe.LayerRecording;
import org.mpbnlab.probe.Recording;
import org.mpbnlab.probe.SampleRecorder;
import org.mpbnlab.session.CurrentModel;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.train.InputFeeder;

/**
 * The Spikes view's state: the gallery of test samples with the model's answers, the chosen (or drawn)
 * input, its {@link Recording} (made by the engine's {@link SampleRecorder}, the same path as the
 * {@code record} command), the step player on the shared time cursor, and the neurons whose traces are
 * shown. Plain Java with JavaFX properties, used on the UI thread; the engine work runs on
 * {@code background} with a copy of the run's network, so training and the UI go on meanwhile. The gallery's
 * answers and every recording come from one copy, taken by {@link #refresh()} ("Use current weights").
 */
public final class SpikesViewModel {

    /**
     * Where the model comes from: asks the current run for a copy of its network (empty when there is no run).
     * The copy fails when the run ends before making it (closed, replaced by a new run, or failed).
     */
    @FunctionalInterface
    public interface ModelSource {
        Optional<CompletableFuture<CurrentModel>> request();
    }

    /** Test samples shown in the gallery (the first ones of the test set). */
    public static final int GALLERY_SIZE = 200;
    /**
     * Samples per engine pass when the gallery's answers are computed: small, so that the engine's arrays stay
     * small (13 MB per layer buffer for conv-small at T = 16, instead of 103 MB at 64) and the garbage collector,
     * which must otherwise start a marking cycle for each such array, does not stall the window.
     */
    static final int GALLERY_BATCH = 8;
    /** Neuron traces shown at once. */
    public static final int MAX_TRACES = 6;
    /** Side of the drawing pad, for 28×28 datasets. */
    public static final int PAD_SIZE = 28;
    /** The sample of a recording the view shows: recordings made here hold one, the chosen sample or drawing. */
    static final int SHOWN_SAMPLE = 0;
    /** Marks a drawn input in {@link #selectedSampleProperty()}. */
    public static final int DRAWN = -2;

    private final ModelSource source;
    private final Executor background;
    private final Executor ui;
    private final StepPlayer player;
    private final ObservableList<GalleryItem> gallery = FXCollections.observableArrayList();
    private final FilteredList<GalleryItem> shownGallery = new FilteredList<>(gallery);
    private final BooleanProperty onlyMisclassified = new SimpleBooleanProperty(this, "onlyMisclassified", false);
    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>(this, "dataset");
    private final ReadOnlyObjectWrapper<Recording> recording = new ReadOnlyObjectWrapper<>(this, "recording");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyIntegerWrapper selectedSample = new ReadOnlyIntegerWrapper(this, "selectedSample", -1);
    private final ReadOnlyIntegerWrapper galleryIteration = new ReadOnlyIntegerWrapper(this, "galleryIteration", 0);
    private final ReadOnlyIntegerWrapper recordingIteration = new ReadOnlyIntegerWrapper(this, "recordingIteration", 0);
    private final IntegerProperty sampleInRecording = new SimpleIntegerProperty(this, "sampleInRecording", 0);
    /** The recording's spikes counted per layer off the UI thread; set with each recording, before it. */
    private List<SpikeTally> tallies = List.of();
    private final ObservableList<TracedNeuron> traces = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper traceProblem = new ReadOnlyStringWrapper(this, "traceProblem", "");
    /** Numbers the requests, so that an answer to an older request never replaces a newer one. */
    private final AtomicLong requests = new AtomicLong();
    /** Counts the runs (and resets) seen, so that a copy refused by a replaced run is asked again of the new one. */
    private long runChanges;
    private boolean shown;
    private boolean stale = true;
    /**
     * The copy of the run's weights the gallery's answers come from, which every recording is made with: one set of
     * weights on screen, so that the gallery and the recording never give two answers for one sample. Null while new
     * weights are asked for (or after the run changed); replaced by {@link #refresh()} only.
     */
    private CurrentModel weights;
    private SampleRecorder weightsRecorder;
    /** True from asking the run for a copy until the copy's answers arrive or it is refused. */
    private boolean asking;
    /** The drawn input while it is the one shown; null once another input is (the pad then shows a blank page). */
    private final javafx.beans.property.ReadOnlyObjectWrapper<float[]> drawing =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "drawing");

    public SpikesViewModel(ModelSource source, TimeCursor cursor, Executor background, Executor ui) {
        this.source = source;
        this.background = background;
        this.ui = ui;
        this.player = new StepPlayer(cursor);
        // the pad keeps a drawing only while it is the input: after a gallery pick or a model change to its first
        // sample, a drawing left on the pad would look like the input
        selectedSample.addListener((obs, old, now) -> {
            if (now.intValue() != DRAWN) {
                drawing.set(null);
            }
        });
        onlyMisclassified.addListener((obs, old, now) ->
                shownGallery.setPredicate(now ? GalleryItem::misclassified : null));
        recording.addListener((obs, old, now) -> {
            if (now != null) {
                player.timeStepsProperty().set(now.timeSteps());
                player.cursor().moveTo(player.cursor().step(), now.timeSteps());
                dropTracesOutside(old, now);
            }
        });
    }

    /**
     * Takes the run's current weights: predicts the gallery again and records the chosen input again, both with
     * these weights, which every later choice of an input is recorded with too (until the next refresh): the gallery
     * and the recording beside it never answer for one sample with two different weights.
     */
    public void refresh() {
        stale = false;
        weights = null;
        asking = true;
        long id = requests.incrementAndGet();
        status.set("asking the run for its current weights…");
        ask(id, model -> background.execute(() -> {
            model.network().setLoopThreads(1);
            SampleRecorder recorder = new SampleRecorder(model.network());
            DataSplit test = model.dataset().test();
            int[] indices = new int[Math.min(GALLERY_SIZE, test.count())];
            Arrays.setAll(indices, i -> i);
            int[] predictions;
            try {
                predictions = recorder.predict(test, indices, new InputFeeder(model.encoder(), model.info().seed()),
                        GALLERY_BATCH);
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    if (id == requests.get()) {
                        asking = false;
                        status.set("could not run the model: " + e.getMessage());
                    }
                });
                return;
            }
            List<GalleryItem> items = new ArrayList<>();
            for (int i : indices) {
                items.add(new GalleryItem(i, test.label(i), predictions[i]));
            }
            ui.execute(() -> {
                if (id != requests.get()) {
                    return;
                }
                asking = false;
                weights = model;
                weightsRecorder = recorder;
                dataset.set(model.dataset());
                gallery.setAll(items);
                galleryIteration.set((int) model.iteration());
                status.set("answers of the model at iteration " + model.iteration());
                if (!fitsTheData(selectedSample.get(), model.dataset()) && !items.isEmpty()) {
                    selectedSample.set(items.get(0).index());
                }
                recordSelection(model, recorder);
            });
        }));
    }

    /**
     * True when {@code selected} can be recorded on {@code data}: a test sample it has, or a drawing when its samples
     * are 28×28 images (a model of another data set, opened meanwhile, may have neither).
     */
    private boolean fitsTheData(int selected, Dataset data) {
        return selected == DRAWN ? canDraw() : selected >= 0 && selected < data.test().count();
    }

    /**
     * The view was shown ({@code true}) or hidden: on showing, it takes the current run's weights when it has
     * none of that run yet (its first showing, or a new run or reset since).
     */
    public void setShown(boolean now) {
        shown = now;
        if (shown && stale) {
            refresh();
        }
    }

    /**
     * The current run changed (a new run for Open model, Reset with other settings or New run; or a reset of
     * the same run): the shown answers belong to weights that are gone, so the new run is asked at once when
     * the view is shown, else on its next showing.
     */
    public void runChanged() {
        runChanges++;
        stale = true;
        weights = null;
        if (shown) {
            refresh();
        }
    }

    /**
     * True when the run's snapshot going from {@code before} to {@code now} means other weights: a new run
     * starts (no snapshot yet), another run became current, or the run was reset (its iteration went back).
     */
    public static boolean weightsReplaced(SessionSnapshot before, SessionSnapshot now) {
        if (now == null) {
            return before != null;
        }
        return before != null && (before.plan() != now.plan() || now.iteration() < before.iteration());
    }

    /**
     * Asks the current run for a copy for request {@code id}. A copy refused because the run was replaced meanwhile
     * is asked again of the new run; any other refusal says so and what to do, so the status never stays at "asking".
     */
    private void ask(long id, Consumer<CurrentModel> receiver) {
        long runAsked = runChanges;
        Optional<CompletableFuture<CurrentModel>> copy = source.request();
        if (copy.isEmpty()) {
            status.set("no model yet: start or open a run on the Train tab");
            stale = true;
            asking = false;
            return;
        }
        copy.get().whenComplete((model, failure) -> {
            if (failure == null) {
                receiver.accept(model);
            } else {
                ui.execute(() -> refused(id, runAsked, failure));
            }
        });
    }

    private void refused(long id, long runAsked, Throwable failure) {
        if (id != requests.get()) {
            return;
        }
        if (runAsked != runChanges) {
            refresh();
            return;
        }
        asking = false;
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        status.set("could not take the weights: " + cause.getMessage() + ". Start or open a run on the Train tab, "
                + "then press Use current weights.");
    }

    /** Records test sample {@code index} with the gallery's weights (see {@link #refresh()}). */
    public void selectSample(int index) {
        selectedSample.set(index);
        requestRecording();
    }

    /**
     * Records a drawn input: {@code intensities} of a {@value #PAD_SIZE}×{@value #PAD_SIZE} pad in [0, 1], row by
     * row, turned into the dataset's features as its own images are.
     */
    public void selectDrawing(float[] intensities) {
        if (!canDraw()) {
            throw new IllegalStateException("drawing needs a dataset of 28×28 single-channel images");
        }
        drawing.set(intensities.clone());
        selectedSample.set(DRAWN);
        requestRecording();
    }

    /** True when the dataset's samples are 28×28 single-channel images, so that a drawn input fits. */
    public boolean canDraw() {
        Dataset data = dataset.get();
        return data != null && Arrays.equals(data.test().sampleShape(), new int[] {1, PAD_SIZE, PAD_SIZE});
    }

    /**
     * Records the chosen input with the weights the gallery answered with; while new weights are being asked for,
     * the recording waits for them (it is made with the gallery's new answers); with none, asks the run for them.
     */
    private void requestRecording() {
        if (weights != null) {
            recordSelection(weights, weightsRecorder);
        } else if (asking) {
            status.set((selectedSample.get() == DRAWN ? "your drawing" : "sample " + selectedSample.get())
                    + " is recorded once the run's weights are here…");
        } else {
            refresh();
        }
    }

    /** Records the selected sample or drawing on the background thread; publishes it on the UI thread. */
    private void recordSelection(CurrentModel model, SampleRecorder recorder) {
        long id = requests.incrementAndGet();
        status.set(selectedSample.get() == DRAWN ? "recording your drawing…"
                : "recording sample " + selectedSample.get() + "…");
        int selected = selectedSample.get();
        float[] drawn = drawing.get();
        background.execute(() -> {
            Recording made;
            List<SpikeTally> counted;
            try {
                if (selected == DRAWN) {
                    made = recorder.record(drawnSplit(model.dataset(), drawn), new int[] {0},
                            new InputFeeder(model.encoder(), model.info().seed()), new int[] {-1}, false);
                } else if (selected >= 0) {
                    made = recorder.record(model.dataset().test(), new int[] {selected},
                            new InputFeeder(model.encoder(), model.info().seed()));
                } else {
                    return;
                }
                counted = made.layers().stream().map(layer -> SpikeTally.of(layer, SHOWN_SAMPLE)).toList();
            } catch (RuntimeException e) {
                ui.execute(() -> status.set("could not record: " + e.getMessage()));
                return;
            }
            ui.execute(() -> {
                if (id == requests.get()) {
                    dataset.set(model.dataset());
                    tallies = counted;
                    recordingIteration.set((int) model.iteration());
                    recording.set(made);
                    // one line in classroom fonts at 1024 px, so that the view below does not move at each choice
                    status.set((selected == DRAWN ? "your drawing" : "sample " + selected) + " and the gallery: weights"
                            + " of iteration " + model.iteration() + " (" + made.network() + ", evaluation mode)");
                }
            });
        });
    }

    /** A one-sample split holding the drawing as the dataset's features (label unknown). */
    private static DataSplit drawnSplit(Dataset data, float[] intensities) {
        Normalisation n = data.test().normalisation();
        float[] features = new float[intensities.length];
        for (int i = 0; i < features.length; i++) {
            features[i] = n.normalise(n.rawMin() + intensities[i] * (n.rawMax() - n.rawMin()));
        }
        return new DataSplit(features, new int[] {0}, data.test().sampleShape(), n);
    }

    /**
     * Adds the trace of neuron {@code neuron} of LIF layer {@code layer}, or removes it when it is shown
     * already. At most {@value #MAX_TRACES}: the oldest goes. Returns false for a neuron that does not exist.
     */
    public boolean toggleTrace(int layer, int neuron) {
        Recording now = recording.get();
        if (now == null || layer < 0 || layer >= now.layers().size() || neuron < 0
                || neuron >= now.layers().get(layer).neurons()) {
            return false;
        }
        for (TracedNeuron t : traces) {
            if (t.layer() == layer && t.neuron() == neuron) {
                traces.remove(t);
                return true;
            }
        }
        if (traces.size() == MAX_TRACES) {
            traces.remove(0);
        }
        traces.add(new TracedNeuron(layer, neuron, freeColour()));
        return true;
    }

    /**
     * Adds (or removes) the trace of the neuron the user typed, {@code typed}, in LIF layer {@code layer}: neurons
     * are numbered from 1 on screen (see {@link NeuronNames}), so "117" is the neuron at index 116. When that neuron
     * does not exist, nothing changes and {@link #traceProblemProperty()} says why and what to type; it is cleared
     * once a trace is added. Returns true when a trace was added or removed.
     */
    public boolean toggleTraceByNumber(int layer, String typed) {
        Recording now = recording.get();
        if (now == null) {
            traceProblem.set("Choose a sample first: its recording holds the neurons.");
            return false;
        }
        if (layer < 0 || layer >= now.layers().size()) {
            traceProblem.set("Choose a layer first.");
            return false;
        }
        LayerRecording l = now.layers().get(layer);
        String range = String.format(Locale.ROOT, "LIF %d has neurons 1–%,d%s", layer + 1, l.neurons(),
                l.convolutional() ? " (channel by channel, row by row; or click one on its maps)" : "");
        String text = typed == null ? "" : typed.trim();
        int number;
        try {
            number = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            traceProblem.set((text.isEmpty() ? "Type a neuron number: " : "'" + text + "' is not a neuron number: ")
                    + range + ".");
            return false;
        }
        if (number < 1 || number > l.neurons()) {
            traceProblem.set("There is no neuron " + number + ": " + range + ".");
            return false;
        }
        traceProblem.set("");
        return toggleTrace(layer, number - 1);
    }

    /** Why the typed neuron number was refused (what to type instead), or "" when it was not. */
    public ReadOnlyStringProperty traceProblemProperty() {
        return traceProblem.getReadOnlyProperty();
    }

    public void clearTraces() {
        traces.clear();
    }

    private int freeColour() {
        for (int c = 0; ; c++) {
            final int colour = c;
            if (traces.stream().noneMatch(t -> t.colour() == colour)) {
                return colour;
            }
        }
    }

    /** Traces of neurons the new recording does not have, or of a network of another shape, go. */
    private void dropTracesOutside(Recording before, Recording now) {
        if (before != null && !sameLayers(before, now)) {
            traces.clear();
        }
        traces.removeIf(t -> t.layer() >= now.layers().size() || t.neuron() >= now.layers().get(t.layer()).neurons());
    }

    private static boolean sameLayers(Recording a, Recording b) {
        if (a.layers().size() != b.layers().size()) {
            return false;
        }
        for (int l = 0; l < a.layers().size(); l++) {
            if (a.layers().get(l).neurons() != b.layers().get(l).neurons()) {
                return false;
            }
        }
        return true;
    }

    /** Spikes of each step of layer {@code layer} for the shown sample (counted from the recording). */
    public int[] spikeCounts(int layer) {
        return spikeTally(layer).perStep();
    }

    /**
     * The spikes of layer {@code layer} of the recording, for the shown sample, counted with the recording on the
     * background thread ({@link SpikeTally}), so that the view draws without counting.
     */
    public SpikeTally spikeTally(int layer) {
        int sample = sampleInRecording.get();
        return sample == SHOWN_SAMPLE && layer < tallies.size() ? tallies.get(layer)
                : SpikeTally.of(recording.get().layers().get(layer), sample);
    }

    public StepPlayer player() {
        return player;
    }

    /** The gallery as filtered ("misclassified" only, or all). */
    public ObservableList<GalleryItem> gallery() {
        return shownGallery;
    }

    public BooleanProperty onlyMisclassifiedProperty() {
        return onlyMisclassified;
    }

    public ReadOnlyObjectProperty<Recording> recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Dataset> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The drawn input (row by row, in [0, 1]) while it is the input shown, else null. */
    public javafx.beans.property.ReadOnlyObjectProperty<float[]> drawingProperty() {
        return drawing.getReadOnlyProperty();
    }

    /** The test-set index shown, {@link #DRAWN} for a drawing, −1 for none. */
    public ReadOnlyIntegerProperty selectedSampleProperty() {
        return selectedSample.getReadOnlyProperty();
    }

    /** The training iteration whose weights gave the gallery's answers. */
    public ReadOnlyIntegerProperty galleryIterationProperty() {
        return galleryIteration.getReadOnlyProperty();
    }

    /** The training iteration whose weights made the recording shown: always the gallery's (see {@link #refresh()}). */
    public ReadOnlyIntegerProperty recordingIterationProperty() {
        return recordingIteration.getReadOnlyProperty();
    }

    /** Which sample of the recording is shown (recordings made here hold one). */
    public IntegerProperty sampleInRecordingProperty() {
        return sampleInRecording;
    }

    public ObservableList<TracedNeuron> traces() {
        return traces;
    }
}
