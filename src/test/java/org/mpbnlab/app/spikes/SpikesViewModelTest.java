package org.mpbnlab.app.spikes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.junit.jupiter.api.Test;
import org.mpbnlab.app.charts.TimeCursor;
import org.mpbnlab.app.membrane.MembraneViewModel;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.Encoder;
import org.mpbnlab.data.Encoders;
import org.mpbnlab.probe.Recording;
import org.mpbnlab.probe.SampleRecorder;
import org.mpbnlab.session.CurrentModel;
import org.mpbnlab.session.RegistryDataCatalog;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.snn.LifParameters;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.MpbnParameters;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.NetworkBuilder;
import org.mpbnlab.snn.Presets;
import org.mpbnlab.snn.RunningStatsMode;
import org.mpbnlab.train.InputFeeder;
import org.mpbnlab.train.ModelInfo;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.SettingsTable;
import org.nd4j.linalg.api.buffer.DataType;

/** The Spikes view's state without a screen: the player on a fake clock, the shared cursor, gallery, traces. */
class SpikesViewModelTest {

    private static final RegistryDataCatalog CATALOG = RegistryDataCatalog.standard();

    /** A run that answers model requests only when the test says so (in any order). */
    private static final class HeldSource implements SpikesViewModel.ModelSource {
        final List<CompletableFuture<CurrentModel>> waiting = new ArrayList<>();

        @Override
        public Optional<CompletableFuture<CurrentModel>> request() {
            CompletableFuture<CurrentModel> copy = new CompletableFuture<>();
            waiting.add(copy);
            return Optional.of(copy);
        }
    }

    private static CurrentModel model(String dataset, int steps, long seed) {
        return model(dataset, "mlp", steps, seed);
    }

    private static CurrentModel model(String dataset, String arch, int steps, long seed) {
        return model(dataset, arch, steps, seed, 17);
    }

    /** A network of {@code arch} with weights drawn from {@code seed}, as a run's copy at {@code iteration}. */
    private static CurrentModel model(String dataset, String arch, int steps, long seed, long iteration) {
        Dataset data = CATALOG.load(RunSettings.defaults().with(SettingsTable.DATASET, dataset)
                .with(SettingsTable.TRAIN_SAMPLES, 64).with(SettingsTable.TEST_SAMPLES, 40));
        Encoder encoder = Encoders.defaultFor(data);
        Network network = NetworkBuilder.build(Presets.build(arch, data.frameShape(), data.numClasses(), steps,
                LifParameters.defaults(), MpbnParameters.of(MpbnMode.CHANNEL, RunningStatsMode.SHARED)),
                DataType.FLOAT, seed);
        return new CurrentModel(network, new ModelInfo(data.name(), encoder.name(), 0, null, List.of(),
                "a test network"), data, encoder, iteration);
    }

    /** Everything runs at once on the calling thread, so the test sees each result as soon as it is asked for. */
    private static SpikesViewModel viewModel(SpikesViewModel.ModelSource source, TimeCursor cursor) {
        return new SpikesViewModel(source, cursor, Runnable::run, Runnable::run);
    }

    @Test
    void thePlayerStepsOncePerIntervalOfTheFakeClockAndStopsAtTheLastStep() {
        StepPlayer player = new StepPlayer(new TimeCursor());
        player.timeStepsProperty().set(4);
        player.speedProperty().set(2);
        player.play();
        long second = 1_000_000_000L;
        assertFalse(player.tick(0), "the first tick only starts the clock");
        assertFalse(player.tick(second / 4));
        assertTrue(player.tick(second / 2));
        assertEquals(1, player.cursor().step());
        assertFalse(player.tick(second * 3 / 4));
        assertTrue(player.tick(second));
        assertTrue(player.tick(3 * second / 2));
        assertEquals(3, player.cursor().step());
        assertFalse(player.playingProperty().get(), "playing stops at the last step");
        assertFalse(player.tick(10 * second));
        player.play();
        assertEquals(0, player.cursor().step(), "play at the last step starts again from the first");
        player.stepForward();
        assertFalse(player.playingProperty().get());
        assertEquals(1, player.cursor().step());
        player.scrubTo(99);
        assertEquals(3, player.cursor().step());
        player.speedProperty().set(1000);
        assertEquals(StepPlayer.MAX_SPEED, player.speedProperty().get());
    }

    @Test
    void theTimeCursorIsSharedWithTheMembraneView() {
        TimeCursor cursor = new TimeCursor();
        MembraneViewModel membrane = new MembraneViewModel(new ReadOnlyObjectWrapper<SessionSnapshot>().getReadOnlyProperty(),
                cursor);
        SpikesViewModel spikes = viewModel(Optional::empty, cursor);
        spikes.player().timeStepsProperty().set(4);
        spikes.player().stepForward();
        spikes.player().stepForward();
        assertEquals(2, membrane.cursorProperty().get(), "moving the Spikes cursor moves the Membrane cursor");
        membrane.cursorProperty().set(1);
        assertEquals(1, spikes.player().cursor().step(), "and the other way round");
    }

    @Test
    void aCopyRefusedBecauseTheRunWasReplacedIsAskedAgainOfTheNewRun() {
        HeldSource source = new HeldSource();
        SpikesViewModel vm = viewModel(source, new TimeCursor());
        vm.setShown(true);
        assertEquals(1, source.waiting.size(), "the first showing asks the run");
        vm.runChanged();
        assertEquals(2, source.waiting.size(), "a new run while shown is asked at once");
        source.waiting.get(0).completeExceptionally(new IllegalStateException("the run was closed"));
        assertEquals(2, source.waiting.size(), "the old run's refusal is answered by the newer question");
        source.waiting.get(1).completeExceptionally(new IllegalStateException("the run was closed"));
        assertTrue(vm.statusProperty().get().contains("the run was closed")
                && vm.statusProperty().get().contains("Use current weights"), vm.statusProperty().get());
        vm.refresh();
        vm.runChanged();
        source.waiting.get(2).completeExceptionally(new IllegalStateException("the run was closed"));
        source.waiting.get(3).complete(model("glyphs", 3, 5));
        assertNotNull(vm.recordingProperty().get(), "the new run's weights are shown");
        assertTrue(vm.statusProperty().get().startsWith("sample 0 and the gallery: weights of iteration 17"), vm.statusProperty().get());
    }

    @Test
    void aRefusalAfterTheRunChangedWhileHiddenAsksTheNewRunAndAHiddenViewWaitsForItsShowing() {
        HeldSource source = new HeldSource();
        SpikesViewModel vm = viewModel(source, new TimeCursor());
        vm.setShown(true);
        vm.setShown(false);
        vm.runChanged();
        assertEquals(1, source.waiting.size(), "a hidden view does not record for nobody");
        source.waiting.get(0).completeExceptionally(new IllegalStateException("the run was closed"));
        assertEquals(2, source.waiting.size(), "the replaced run's refusal asks the current run");
        source.waiting.get(1).complete(model("glyphs", 3, 6));
        assertNotNull(vm.recordingProperty().get());
        vm.setShown(true);
        assertEquals(2, source.waiting.size(), "showing again with the current run's weights asks nothing");
        vm.setShown(false);
        vm.runChanged();
        vm.setShown(true);
        assertEquals(3, source.waiting.size(), "showing after a new run asks it");
    }

    @Test
    void aViewShownBeforeAnyRunAsksAgainOnItsNextShowing() {
        List<CompletableFuture<CurrentModel>> asked = new ArrayList<>();
        boolean[] running = {false};
        SpikesViewModel vm = viewModel(() -> {
            if (!running[0]) {
                return Optional.empty();
            }
            asked.add(new CompletableFuture<>());
            return Optional.of(asked.get(asked.size() - 1));
        }, new TimeCursor());
        vm.setShown(true);
        assertTrue(vm.statusProperty().get().startsWith("no model yet"));
        vm.setShown(false);
        running[0] = true;
        vm.setShown(true);
        assertEquals(1, asked.size(), "the run started meanwhile is asked");
    }

    @Test
    void aNewRunOrAResetReplacesTheWeightsButTheNextSnapshotOfTheSameRunDoesNot() {
        org.mpbnlab.session.RunPlan plan = org.mpbnlab.session.RunPlan.fromRandomWeights(RunSettings.defaults());
        SessionSnapshot preparing = SessionSnapshot.preparing(plan, org.mpbnlab.probe.StatisticsSource.TRAINING_BATCH);
        assertFalse(SpikesViewModel.weightsReplaced(null, preparing));
        assertFalse(SpikesViewModel.weightsReplaced(preparing, preparing));
        assertTrue(SpikesViewModel.weightsReplaced(preparing, null), "a new run starts");
        SessionSnapshot other = SessionSnapshot.preparing(org.mpbnlab.session.RunPlan.fromRandomWeights(RunSettings.defaults()),
                org.mpbnlab.probe.StatisticsSource.TRAINING_BATCH);
        assertTrue(SpikesViewModel.weightsReplaced(preparing, other), "another run became current");
    }

    @Test
    void theGalleryShowsTheModelsAnswersAndFiltersTheMisclassified() {
        HeldSource source = new HeldSource();
        SpikesViewModel vm = viewModel(source, new TimeCursor());
        vm.refresh();
        CurrentModel model = model("glyphs", 4, 1);
        source.waiting.remove(0).complete(model);
        int count = model.dataset().test().count();
        assertEquals(Math.min(SpikesViewModel.GALLERY_SIZE, count), vm.gallery().size());
        int[] indices = new int[vm.gallery().size()];
        java.util.Arrays.setAll(indices, i -> i);
        int[] expected = new SampleRecorder(model.network()).predict(model.dataset().test(), indices,
                new InputFeeder(model.encoder(), 0), 64);
        List<String> names = model.dataset().classNames();
        for (GalleryItem item : vm.gallery()) {
            assertEquals(expected[item.index()], item.prediction());
            assertEquals(model.dataset().test().label(item.index()), item.label());
            // the tile's two lines: the label, then the answer (issue 12: "with label and the model's prediction")
            assertEquals(names.get(item.label()), item.labelText(names));
            assertEquals("→\u00a0" + names.get(item.prediction()), item.answerText(names));
            assertTrue(item.tooltip(names).contains("label " + names.get(item.label()) + "; the model answers "
                    + names.get(item.prediction())), item.tooltip(names));
        }
        long wrong = vm.gallery().stream().filter(GalleryItem::misclassified).count();
        assertTrue(wrong > 0, "an untrained model gets some wrong");
        vm.onlyMisclassifiedProperty().set(true);
        assertEquals(wrong, vm.gallery().size());
        assertTrue(vm.gallery().stream().allMatch(GalleryItem::misclassified));
        Recording first = vm.recordingProperty().get();
        assertNotNull(first, "the first sample is recorded at once");
        assertArrayEquals(new int[] {0}, first.sampleIndices());
        assertEquals(4, vm.player().timeStepsProperty().get());
    }

    @Test
    void anOlderCopyNeverReplacesANewerOne() {
        HeldSource source = new HeldSource();
        SpikesViewModel vm = viewModel(source, new TimeCursor());
        vm.selectSample(3);
        assertEquals(1, source.waiting.size(), "the first choice asks the run for weights");
        vm.refresh();
        vm.selectSample(7);
        assertEquals(2, source.waiting.size(), "a choice while weights are asked for waits for them");
        assertEquals("sample 7 is recorded once the run's weights are here…", vm.statusProperty().get());
        CurrentModel newer = model("glyphs", "mlp", 3, 2, 30);
        source.waiting.get(1).complete(newer);
        assertArrayEquals(new int[] {7}, vm.recordingProperty().get().sampleIndices());
        source.waiting.get(0).complete(model("glyphs", "mlp", 3, 1, 20));
        assertArrayEquals(new int[] {7}, vm.recordingProperty().get().sampleIndices(), "the older copy came late");
        assertEquals(30, vm.galleryIterationProperty().get(), "the gallery keeps the newer copy's answers");
        assertEquals(30, vm.recordingIterationProperty().get());
        assertEquals(newer.dataset().test().label(7), vm.recordingProperty().get().labels()[0]);
    }

    /**
     * Issue 11 (S3): while a run trained, the gallery answered for sample 0 with the weights of iteration 12 and the
     * recording of sample 0 beside it, made at iteration 14, answered otherwise. The recording is made with the
     * gallery's weights; "Use current weights" takes newer weights for both.
     */
    @Test
    void theGalleryAndTheRecordingBesideItAnswerWithTheSameWeights() {
        HeldSource source = new HeldSource();
        SpikesViewModel vm = viewModel(source, new TimeCursor());
        vm.refresh();
        source.waiting.remove(0).complete(model("glyphs", "mlp", 3, 1, 12));
        for (int sample = 0; sample < 12; sample++) {
            vm.selectSample(sample);
            // training goes on: whenever the view asks the run again, the run has other weights
            while (!source.waiting.isEmpty()) {
                source.waiting.remove(0).complete(model("glyphs", "mlp", 3, 2, 14));
            }
            Recording recorded = vm.recordingProperty().get();
            assertArrayEquals(new int[] {sample}, recorded.sampleIndices());
            assertEquals(vm.gallery().get(sample).prediction(), recorded.predictionAfter(recorded.timeSteps() - 1, 0),
                    "sample " + sample + ": its tile and its recording give the same answer");
            assertEquals(12, vm.recordingIterationProperty().get(), "the recording is made with the gallery's weights");
            assertTrue(vm.statusProperty().get().startsWith("sample " + sample + " and the gallery: weights of "
                    + "iteration 12 ("), vm.statusProperty().get());
        }
        vm.refresh();
        source.waiting.remove(0).complete(model("glyphs", "mlp", 3, 2, 14));
        Recording recorded = vm.recordingProperty().get();
        assertEquals(14, vm.galleryIterationProperty().get());
        assertEquals(14, vm.recordingIterationProperty().get(), "Use current weights takes new weights for both");
        assertEquals(vm.gallery().get(11).prediction(), recorded.predictionAfter(recorded.timeSteps() - 1, 0));
    }

    @Test
    void aDrawnDigitIsRecordedWithoutALabel() {
        HeldSource source = new HeldSource();
        SpikesViewModel vm = viewModel(source, new TimeCursor());
        assertFalse(vm.canDraw(), "no dataset yet");
        vm.selectSample(0);
        source.waiting.remove(0).complete(model("glyphs", 3, 3));
        assertTrue(vm.canDraw());
        float[] pad = new float[28 * 28];
        for (int r = 4; r < 24; r++) {
            pad[r * 28 + 14] = 1f;
        }
        vm.selectDrawing(pad);
        assertTrue(source.waiting.isEmpty(), "recorded with the gallery's weights, the run is not asked again");
        Recording drawn = vm.recordingProperty().get();
        assertArrayEquals(new int[] {-1}, drawn.labels());
        assertEquals(SpikesViewModel.DRAWN, vm.selectedSampleProperty().get());
        float[] input = drawn.inputAt(0, 0);
        assertTrue(input[10 * 28 + 14] > input[10 * 28 + 3], "the stroke is brighter than the background");
        assertArrayEquals(pad, vm.drawingProperty().get(), "the pad keeps the drawing while it is the input");
        vm.selectSample(2);
        assertNull(vm.drawingProperty().get(), "a sample picked: the pad no longer shows the drawing as the input");
    }

    @Test
    void aDrawingOrTracesThatDoNotFitTheNewModelsDataGiveWayToItsFirstSample() {
        HeldSource source = new HeldSource();
        SpikesViewModel vm = viewModel(source, new TimeCursor());
        vm.selectSample(0);
        source.waiting.remove(0).complete(model("glyphs", 3, 3));
        vm.selectDrawing(new float[28 * 28]);
        assertTrue(vm.toggleTrace(0, 300));
        vm.refresh();
        source.waiting.remove(0).complete(model("xor", "mlp-2d", 3, 3));
        assertEquals(0, vm.selectedSampleProperty().get(), "a 2-D set has no drawing: its first point is shown");
        assertNull(vm.drawingProperty().get(), "the pad is wiped: the drawing is no longer the input");
        assertFalse(vm.statusProperty().get().startsWith("could not"), vm.statusProperty().get());
        assertEquals(2, vm.recordingProperty().get().inputAt(0, 0).length);
        assertTrue(vm.traces().isEmpty(), "neuron 300 of a glyph layer is not a neuron of the 2-D model");
    }

    @Test
    void neuronsAreTracedInTheirOwnColoursToggledAndCapped() {
        HeldSource source = new HeldSource();
        SpikesViewModel vm = viewModel(source, new TimeCursor());
        assertFalse(vm.toggleTrace(0, 0), "nothing to trace before a recording");
        vm.selectSample(1);
        source.waiting.remove(0).complete(model("glyphs", 3, 4));
        assertTrue(vm.toggleTrace(0, 5));
        assertTrue(vm.toggleTrace(1, 9));
        assertEquals(List.of(new TracedNeuron(0, 5, 0), new TracedNeuron(1, 9, 1)), vm.traces());
        assertTrue(vm.toggleTrace(0, 5), "a second click removes the trace");
        assertEquals(List.of(new TracedNeuron(1, 9, 1)), vm.traces());
        assertTrue(vm.toggleTrace(0, 6));
        assertEquals(0, vm.traces().get(1).colour(), "a freed colour is used again");
        assertFalse(vm.toggleTrace(0, 512), "mlp's first LIF layer has neurons 0–511");
        assertFalse(vm.toggleTrace(2, 0));
        for (int n = 10; n < 20; n++) {
            vm.toggleTrace(0, n);
        }
        assertEquals(SpikesViewModel.MAX_TRACES, vm.traces().size());
        assertEquals(19, vm.traces().get(SpikesViewModel.MAX_TRACES - 1).neuron());
        vm.clearTraces();
        assertTrue(vm.traces().isEmpty());
    }

    @Test
    void aTypedNeuronNumberCountsFromOneAndARefusalSaysWhatToType() {
        HeldSource source = new HeldSource();
        SpikesViewModel vm = viewModel(source, new TimeCursor());
        assertFalse(vm.toggleTraceByNumber(0, "5"));
        assertEquals("Choose a sample first: its recording holds the neurons.", vm.traceProblemProperty().get());
        vm.selectSample(1);
        source.waiting.remove(0).complete(model("glyphs", 3, 4));
        assertTrue(vm.toggleTraceByNumber(0, " 117 "));
        assertEquals(List.of(new TracedNeuron(0, 116, 0)), vm.traces(), "neuron 117 on screen is index 116");
        assertEquals("", vm.traceProblemProperty().get());
        assertFalse(vm.toggleTraceByNumber(0, "9999"));
        assertEquals("There is no neuron 9999: LIF 1 has neurons 1–512.", vm.traceProblemProperty().get());
        assertFalse(vm.toggleTraceByNumber(1, "abc"));
        assertEquals("'abc' is not a neuron number: LIF 2 has neurons 1–256.", vm.traceProblemProperty().get());
        assertFalse(vm.toggleTraceByNumber(0, "0"), "numbers start at 1");
        assertFalse(vm.toggleTraceByNumber(0, ""));
        assertEquals("Type a neuron number: LIF 1 has neurons 1–512.", vm.traceProblemProperty().get());
        assertEquals(1, vm.traces().size(), "a refused number changes no trace");
        assertTrue(vm.toggleTraceByNumber(0, "512"), "the last neuron");
        assertEquals(511, vm.traces().get(1).neuron());
    }

    @Test
    void aNeuronIsNamedCountingFromOneBesideItsElementOfRecordsArrays() {
        HeldSource source = new HeldSource();
        SpikesViewModel vm = viewModel(source, new TimeCursor());
        vm.selectSample(0);
        source.waiting.remove(0).complete(model("glyphs", "conv-small", 2, 4));
        Recording recording = vm.recordingProperty().get();
        org.mpbnlab.probe.LayerRecording conv = recording.layers().get(0);
        assertArrayEquals(new int[] {32, 28, 28}, conv.shape());
        int neuron = (1 * 28 + 17) * 28 + 13;
        assertEquals("LIF 1 · channel 2, y 18, x 14 = 0.u_pre[:, s, 1, 17, 13]",
                NeuronNames.withArrayElement(conv, neuron));
        org.mpbnlab.probe.LayerRecording second = recording.layers().get(1);
        assertEquals("LIF 2 · channel 1, y 1, x 1 = 1.u_pre[:, s, 0, 0, 0]", NeuronNames.withArrayElement(second, 0));
        assertTrue(vm.toggleTraceByNumber(0, Integer.toString(neuron + 1)));
        assertEquals(neuron, vm.traces().get(0).neuron(), "the typed number is the flat index + 1");
        assertFalse(vm.toggleTraceByNumber(0, "25089"));
        assertEquals("There is no neuron 25089: LIF 1 has neurons 1–25,088 (channel by channel, row by row; or click "
                + "one on its maps).", vm.traceProblemProperty().get());
    }

    @Test
    void aDenseNeuronIsNamedCountingFromOneBesideItsElementOfRecordsArrays() {
        HeldSource source = new HeldSource();
        SpikesViewModel vm = viewModel(source, new TimeCursor());
        vm.selectSample(0);
        source.waiting.remove(0).complete(model("glyphs", 2, 4));
        org.mpbnlab.probe.LayerRecording first = vm.recordingProperty().get().layers().get(0);
        assertEquals("LIF 1 · neuron 117 = 0.u_pre[:, s, 116]", NeuronNames.withArrayElement(first, 116));
    }
}
