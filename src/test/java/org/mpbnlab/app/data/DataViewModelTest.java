package org.mpbnlab.app.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.junit.jupiter.api.Test;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.Encoder;
import org.mpbnlab.data.Encoders;
import org.mpbnlab.probe.DecisionMap;
import org.mpbnlab.probe.StatisticsSource;
import org.mpbnlab.session.CurrentModel;
import org.mpbnlab.session.RegistryDataCatalog;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.session.TrainingCurves;
import org.mpbnlab.snn.LifParameters;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.MpbnParameters;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.NetworkBuilder;
import org.mpbnlab.snn.Presets;
import org.mpbnlab.snn.RunningStatsMode;
import org.mpbnlab.train.InputFeeder;
import org.mpbnlab.train.ModelInfo;
import org.mpbnlab.train.Predictions;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.SettingsTable;
import org.nd4j.linalg.api.buffer.DataType;

/** The Data view's state without a screen: a fake clock, requests answered on the calling thread. */
class DataViewModelTest {

    private static final RegistryDataCatalog CATALOG = RegistryDataCatalog.standard();

    private final List<Consumer<CurrentModel>> requests = new ArrayList<>();
    private final List<Consumer<Throwable>> refusals = new ArrayList<>();
    private final ReadOnlyObjectWrapper<SessionSnapshot> snapshots = new ReadOnlyObjectWrapper<>();
    private long now = 0;
    /** The fake processor clock: each reading advances it by {@link #workPerCall}, so a computation costs that. */
    private long work = 0;
    private long workPerCall = 0;
    private final DataViewModel model = new DataViewModel((receiver, refused) -> {
        requests.add(receiver);
        refusals.add(refused);
        return true;
    }, snapshots.getReadOnlyProperty(), Runnable::run, Runnable::run, () -> now, () -> work += workPerCall);

    private static RunSettings settings(String dataset, String arch) {
        return RunSettings.defaults().with(SettingsTable.DATASET, dataset).with(SettingsTable.ARCH, arch)
                .with(SettingsTable.TRAIN_SAMPLES, 64).with(SettingsTable.TEST_SAMPLES, 50);
    }

    private static CurrentModel model(RunSettings settings, long iteration) {
        Dataset data = CATALOG.load(settings);
        Encoder encoder = Encoders.defaultFor(data);
        Network network = NetworkBuilder.build(Presets.build(settings.get(SettingsTable.ARCH), data.frameShape(),
                data.numClasses(), 3, LifParameters.defaults(), MpbnParameters.of(MpbnMode.CHANNEL,
                        RunningStatsMode.SHARED)), DataType.FLOAT, 5);
        return new CurrentModel(network, new ModelInfo(data.name(), encoder.name(), 0, null, List.of(), "test"), data,
                encoder, iteration);
    }

    private static SessionSnapshot snapshot(RunPlan plan, long iteration) {
        return new SessionSnapshot(plan, SessionState.RUNNING, iteration, 100, 0, TrainingCurves.empty(), List.of(),
                null, List.of(), StatisticsSource.TRAINING_BATCH, 0, "");
    }

    @Test
    void pointsGetTheEnginesDecisionRegionsOverTheTrainingPoints() {
        RunSettings xor = settings("xor", "mlp-2d");
        model.activeProperty().set(true);
        snapshots.set(snapshot(RunPlan.fromRandomWeights(xor), 3));
        assertEquals(1, requests.size());
        CurrentModel copy = model(xor, 3);
        requests.get(0).accept(copy);
        assertEquals(DataViewModel.Kind.POINTS, model.kindProperty().get());
        assertTrue(model.usesClassColoursProperty().get(), "the scatter's colours need their legend");
        assertEquals(3, model.iterationProperty().get());
        DecisionMap expected = DecisionMap.of(copy.network(), copy.dataset().train(),
                new InputFeeder(copy.encoder(), 0), DataViewModel.RESOLUTION);
        assertArrayEquals(expected.classes(), model.decisionMapProperty().get().classes());
        assertTrue(model.gallery().isEmpty());
    }

    @Test
    void imagesGetTheirLabelsAndTheNetworksAnswers() {
        RunSettings glyphs = settings("glyphs", "mlp");
        model.activeProperty().set(true);
        snapshots.set(snapshot(RunPlan.fromRandomWeights(glyphs), 0));
        CurrentModel copy = model(glyphs, 0);
        requests.get(0).accept(copy);
        assertEquals(DataViewModel.Kind.IMAGES, model.kindProperty().get());
        assertFalse(model.usesClassColoursProperty().get(), "issue 11 D2: the image grid uses no class colours");
        assertNull(model.decisionMapProperty().get());
        Predictions answers = Predictions.of(copy.network(), copy.dataset().test().limit(DataViewModel.GALLERY_SIZE),
                new InputFeeder(copy.encoder(), 0), 16);
        assertEquals(DataViewModel.GALLERY_SIZE, model.gallery().size());
        for (int i = 0; i < model.gallery().size(); i++) {
            assertEquals(answers.labels()[i], model.gallery().get(i).label());
            assertEquals(answers.predictions()[i], model.gallery().get(i).prediction());
        }
    }

    @Test
    void refreshesOnlyWhileShownOneAtATimeAndNotMoreOftenThanTheThrottleAllows() {
        RunSettings xor = settings("xor", "mlp-2d");
        RunPlan plan = RunPlan.fromRandomWeights(xor);
        snapshots.set(snapshot(plan, 1));
        assertTrue(requests.isEmpty(), "hidden: no work");
        model.activeProperty().set(true);
        assertEquals(1, requests.size());
        snapshots.set(snapshot(plan, 2));
        assertEquals(1, requests.size(), "one refresh at a time");
        now = 5_000_000L;
        requests.get(0).accept(model(xor, 2));
        snapshots.set(snapshot(plan, 3));
        assertEquals(1, requests.size(), "too soon after the last refresh");
        now += DataViewModel.MIN_INTERVAL_NANOS - 1;
        snapshots.set(snapshot(plan, 4));
        assertEquals(1, requests.size());
        now += 1;
        snapshots.set(snapshot(plan, 5));
        assertEquals(2, requests.size(), "a second later: the next refresh");
        requests.get(1).accept(model(xor, 5));
        now += 10 * DataViewModel.MIN_INTERVAL_NANOS;
        snapshots.set(snapshot(plan, 5));
        assertEquals(2, requests.size(), "the same iteration is not computed twice");
        snapshots.set(new SessionSnapshot(plan, SessionState.FINISHED, 7, 100, 0, TrainingCurves.empty(), List.of(),
                null, List.of(), StatisticsSource.TRAINING_BATCH, 0, ""));
        assertEquals(3, requests.size(), "a finished run shows its last weights at once");
        requests.get(2).accept(model(xor, 7));
        model.activeProperty().set(false);
        snapshots.set(snapshot(plan, 8));
        assertEquals(3, requests.size());
        assertEquals(3, model.refreshes());
        assertNotNull(model.datasetProperty().get());
    }

    @Test
    void aNewRunIsShownAtOnceWhateverTheThrottle() {
        // tester 7: run #2 trained to the end while the Data tab still showed run #1's glyphs
        RunSettings glyphs = settings("glyphs", "mlp");
        RunSettings xor = settings("xor", "mlp-2d");
        model.activeProperty().set(true);
        snapshots.set(snapshot(RunPlan.fromRandomWeights(glyphs), 0));
        requests.get(0).accept(model(glyphs, 0));
        assertEquals(DataViewModel.Kind.IMAGES, model.kindProperty().get());
        now += 1;
        snapshots.set(snapshot(RunPlan.fromRandomWeights(xor), 1));
        assertEquals(2, requests.size(), "a new run, maybe on other data, is not held back by the throttle");
        requests.get(1).accept(model(xor, 1));
        assertEquals(DataViewModel.Kind.POINTS, model.kindProperty().get());
    }

    @Test
    void theThrottleCountsTheComputationsProcessorTimeNotTheWaitForTheWeights() {
        // tester 7 (machine load 17-23): the refresh's wall-clock time, waiting included, grew the interval to
        // minutes, and the decision regions stood still from iteration 65 to the run's end
        RunSettings xor = settings("xor", "mlp-2d");
        RunPlan plan = RunPlan.fromRandomWeights(xor);
        model.activeProperty().set(true);
        snapshots.set(snapshot(plan, 1));
        now += 60 * DataViewModel.MIN_INTERVAL_NANOS; // the copy comes a minute later: not the view's work
        requests.get(0).accept(model(xor, 1));
        now += DataViewModel.MIN_INTERVAL_NANOS;
        snapshots.set(snapshot(plan, 2));
        assertEquals(2, requests.size(), "one second after: the next refresh, not a minute times " +
                DataViewModel.COST_FACTOR);
        // a computation that costs 100 ms of processor time is followed by 20 × 100 ms = 2 s of rest
        workPerCall = 100_000_000L;
        requests.get(1).accept(model(xor, 2));
        now += 2 * DataViewModel.MIN_INTERVAL_NANOS - 1;
        snapshots.set(snapshot(plan, 3));
        assertEquals(2, requests.size(), "within 20 times its work");
        now += 1;
        snapshots.set(snapshot(plan, 4));
        assertEquals(3, requests.size());
    }

    @Test
    void aCopyRefusedBecauseTheRunWasReplacedIsSaidAndTheNewRunIsAskedWithItsFirstSnapshot() {
        RunSettings xor = settings("xor", "mlp-2d");
        model.activeProperty().set(true);
        snapshots.set(snapshot(RunPlan.fromRandomWeights(xor), 4));
        assertEquals(1, requests.size());
        refusals.get(0).accept(new java.util.concurrent.CompletionException(
                new IllegalStateException("the run was closed")));
        assertTrue(model.statusProperty().get().contains("the run was closed"), model.statusProperty().get());
        snapshots.set(snapshot(RunPlan.fromRandomWeights(xor), 0));
        assertEquals(2, requests.size(), "the new run is asked: the view is not stuck waiting for the old one");
        requests.get(1).accept(model(xor, 0));
        assertEquals(DataViewModel.Kind.POINTS, model.kindProperty().get());
    }

    @Test
    void withoutARunTheViewSaysWhereToStartOne() {
        DataViewModel none = new DataViewModel((receiver, refused) -> false, snapshots.getReadOnlyProperty(),
                Runnable::run, Runnable::run, () -> now, () -> now);
        none.activeProperty().set(true);
        snapshots.set(snapshot(RunPlan.fromRandomWeights(settings("xor", "mlp-2d")), 0));
        assertTrue(none.statusProperty().get().contains("Train tab"), none.statusProperty().get());
        assertEquals(DataViewModel.Kind.NONE, none.kindProperty().get());
    }

    @Test
    void aClassWhoseNameIsItsNumberIsNamedOnceInTheLegend() {
        assertEquals("0", DataViewModel.legendEntry(0, "0"));
        assertEquals("1", DataViewModel.legendEntry(1, "1"));
        assertEquals("2 arm C", DataViewModel.legendEntry(2, "arm C"));
        assertEquals("1 0", DataViewModel.legendEntry(1, "0"), "a name that is another number is kept");
    }
}
