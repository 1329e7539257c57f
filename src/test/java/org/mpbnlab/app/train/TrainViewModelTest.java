package org.mpbnlab.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpbnlab.probe.StatisticsSource;
import org.mpbnlab.session.RegistryDataCatalog;
import org.mpbnlab.session.RunSettings;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.session.TrainingCurves;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.RunningStatsMode;
import org.mpbnlab.snn.Surrogate;

class TrainViewModelTest {

    private final List<RecordingRunControl> sessions = new ArrayList<>();
    private final RunSettings initial = new RunSettings("xor", "mlp-2d", 4, 0.25, 0.5, MpbnMode.CHANNEL,
            RunningStatsMode.SHARED, Surrogate.TANH, "sgd", 0.1, 16, 1, 3);
    private final TrainViewModel model = new TrainViewModel(RegistryDataCatalog.standard(64, 32),
            RecordingRunControl.factory(sessions), Runnable::run, initial);

    private static SessionSnapshot snapshot(RunSettings settings, SessionState state, long iteration) {
        return new SessionSnapshot(settings, state, iteration, 100, 0, TrainingCurves.empty(), List.of(), null,
                List.of(), StatisticsSource.TRAINING_BATCH, 0, "");
    }

    private static SessionSnapshot failed(RunSettings settings, String message) {
        return new SessionSnapshot(settings, SessionState.FAILED, 0, 0, 0, TrainingCurves.empty(), List.of(), null,
                List.of(), StatisticsSource.TRAINING_BATCH, 0, message);
    }

    @Test
    void aBlockedActionSaysWhyNextToTheButtonUntilTheSettingsChange() {
        model.form().seed().textProperty().set("");
        model.step();
        assertTrue(sessions.isEmpty());
        assertEquals("One batch did not run: seed: '' is not a whole number ≥ 0. Correct the setting marked in red.",
                model.actionNoteProperty().get());
        model.playPause();
        assertTrue(model.actionNoteProperty().get().startsWith("Play did not run: seed:"));
        model.form().seed().textProperty().set("3");
        assertEquals("", model.actionNoteProperty().get());
    }

    @Test
    void aRefusalLeavesTheStatusWhenTheSettingsAreFixedAndDoesNotFollowTheNextRun() {
        model.playPause();
        RecordingRunControl session = sessions.get(0);
        session.listener.published(snapshot(initial, SessionState.RUNNING, 3));
        model.playPause();
        session.listener.published(snapshot(initial, SessionState.PAUSED, 3));
        model.form().seed().textProperty().set("");
        model.playPause();
        assertTrue(model.messageProperty().get().startsWith("not started: seed"));
        model.form().seed().textProperty().set("3");
        assertEquals("", model.messageProperty().get(), "the refusal belonged to the invalid seed");
        model.playPause();
        assertEquals(1, sessions.size(), "same settings: the run continues");
        session.listener.published(snapshot(initial, SessionState.RUNNING, 4));
        assertEquals("", model.messageProperty().get());
    }

    @Test
    void aResetNoteClearsWhenTrainingMovesOn() {
        model.step();
        RecordingRunControl session = sessions.get(0);
        session.listener.published(snapshot(initial, SessionState.PAUSED, 1));
        model.reset();
        session.listener.published(snapshot(initial, SessionState.READY, 0));
        assertTrue(model.messageProperty().get().startsWith("reset to the initial weights"));
        model.playPause();
        session.listener.published(snapshot(initial, SessionState.RUNNING, 1));
        assertEquals("", model.messageProperty().get());
    }

    @Test
    void aFailedRunSaysWhyInFullWithWhatToDoAndCanBeRemoved() {
        TrainViewModel images = new TrainViewModel(RegistryDataCatalog.standard(64, 32),
                RecordingRunControl.factory(sessions), Runnable::run, initial);
        images.playPause();
        sessions.get(0).listener.published(snapshot(initial, SessionState.PAUSED, 10));
        images.form().datasetProperty().set("mnist");
        images.form().presetProperty().set("mlp");
        images.playPause();
        RecordingRunControl broken = sessions.get(1);
        String reason = "could not train: cannot reach the download server (no network)";
        broken.listener.published(failed(broken.settings, reason));
        String failure = images.failureProperty().get();
        assertTrue(failure.startsWith("Run #2 failed: " + reason + "."), failure);
        assertTrue(failure.contains("datasets fetch mnist"), failure);
        assertTrue(failure.contains("choose a built-in dataset"), failure);
        images.removeRun(images.currentRun());
        assertEquals(1, images.runs().size(), "the failed run is dropped");
        assertEquals(1, images.currentRun().number());
        assertEquals("", images.failureProperty().get());
        assertTrue(broken.commands.contains("close"));
        assertEquals("Start new run", images.playLabelProperty().get());
        images.form().datasetProperty().set("xor");
        images.form().presetProperty().set("mlp-2d");
        images.playPause();
        assertEquals(3, sessions.size(), "a new run, never the closed one");
    }

    @Test
    void theInitialSettingsAreValidAndNothingRunsYet() {
        assertEquals("", model.form().errorProperty().get());
        assertEquals(initial, model.settings());
        assertTrue(sessions.isEmpty());
        assertEquals("Start new run", model.playLabelProperty().get());
    }

    @Test
    void anInvalidNumberIsMarkedExplainedAndNeverAccepted() {
        model.form().timeSteps().textProperty().set("zero");
        assertFalse(model.form().timeSteps().isValid());
        assertEquals("T: 'zero' is not a whole number (use 1 to 16)", model.form().errorProperty().get());
        assertEquals(4, model.form().timeSteps().value(), "the last valid value is kept");
        assertNull(model.settings());
        model.playPause();
        assertTrue(sessions.isEmpty(), "no run starts with invalid settings");
        assertTrue(model.messageProperty().get().startsWith("not started: T:"));
    }

    @Test
    void outOfRangeValuesAreRefusedForEveryField() {
        model.form().tau().textProperty().set("1.5");
        assertTrue(model.form().errorProperty().get().startsWith("τ: 1.5 must be at least 0 and at most 1"));
        model.form().tau().textProperty().set("0.5");
        model.form().threshold().textProperty().set("0");
        assertTrue(model.form().errorProperty().get().startsWith("V_th: 0 must be above 0"));
        model.form().threshold().textProperty().set("0.5");
        model.form().batchSize().textProperty().set("1");
        assertEquals("batch size: 1 is outside 2 to 512", model.form().errorProperty().get());
        model.form().batchSize().textProperty().set("16");
        assertEquals("", model.form().errorProperty().get());
    }

    @Test
    void aPresetThatDoesNotFitTheDatasetIsRefused() {
        model.form().presetProperty().set("conv-small");
        assertTrue(model.form().errorProperty().get().startsWith("conv-small needs image input"),
                model.form().errorProperty().get());
        assertNull(model.settings());
        model.form().datasetProperty().set("glyphs");
        assertEquals("", model.form().errorProperty().get());
    }

    @Test
    void playStartsARunAndSpaceAgainPausesIt() {
        model.playPause();
        assertEquals(1, sessions.size());
        RecordingRunControl session = sessions.get(0);
        assertEquals(List.of("start", "play"), session.commands);
        session.listener.published(snapshot(initial, SessionState.RUNNING, 3));
        assertEquals("Pause", model.playLabelProperty().get());
        model.playPause();
        assertEquals("pause", session.commands.get(2));
        session.listener.published(snapshot(initial, SessionState.PAUSED, 5));
        assertEquals("Play", model.playLabelProperty().get());
        model.playPause();
        assertEquals(1, sessions.size(), "the same run continues");
        assertEquals("play", session.commands.get(3));
    }

    @Test
    void stepAndResetGoToTheCurrentRun() {
        model.step();
        RecordingRunControl session = sessions.get(0);
        session.listener.published(snapshot(initial, SessionState.PAUSED, 1));
        model.reset();
        assertEquals(List.of("start", "step", "reset"), session.commands);
        assertTrue(model.messageProperty().get().contains("seed 3"));
    }

    @Test
    void changedSettingsStartANewRunAndKeepTheOldOneForComparison() {
        model.playPause();
        sessions.get(0).listener.published(snapshot(initial, SessionState.RUNNING, 10));
        model.playPause();
        sessions.get(0).listener.published(snapshot(initial, SessionState.PAUSED, 10));
        model.form().mpbnModeProperty().set(MpbnMode.OFF);
        assertTrue(model.pendingChangesProperty().get());
        assertEquals("Start new run", model.playLabelProperty().get());
        model.playPause();
        assertEquals(2, sessions.size());
        assertTrue(sessions.get(0).commands.contains("close"), "only one run trains at a time");
        assertEquals(MpbnMode.OFF, sessions.get(1).settings.mpbnMode());
        assertEquals(2, model.runs().size());
        assertNotNull(model.runs().get(0).latest(), "the first run keeps its curves");
        assertEquals(10, model.runs().get(0).latest().iteration());
        assertEquals(2, model.currentRun().number());
    }

    @Test
    void snapshotsOfAStoppedRunDoNotReplaceTheCurrentOne() {
        model.playPause();
        RecordingRunControl first = sessions.get(0);
        model.form().seed().textProperty().set("4");
        model.playPause();
        first.listener.published(snapshot(initial, SessionState.PAUSED, 7));
        assertNull(model.snapshotProperty().get());
        assertEquals(7, model.runs().get(0).latest().iteration());
    }

    @Test
    void aFinishedRunIsNotContinuedButRestartedAsANewRun() {
        model.playPause();
        sessions.get(0).listener.published(snapshot(initial, SessionState.FINISHED, 100));
        assertEquals("Start new run", model.playLabelProperty().get());
        model.playPause();
        assertEquals(2, sessions.size());
    }

    @Test
    void choosingRunningStatisticsTellsTheSession() {
        model.playPause();
        model.probeSourceProperty().set(StatisticsSource.PROBE_BATCH);
        assertEquals("record PROBE_BATCH", sessions.get(0).commands.get(2));
    }

    @Test
    void aRunFromAModelFileKeepsItUntilASettingIsEdited() {
        java.nio.file.Path model = java.nio.file.Path.of("sample-models", "glyphs-mlp-mpbn.zip");
        TrainViewModel fromModel = new TrainViewModel(RegistryDataCatalog.standard(64, 32),
                RecordingRunControl.factory(sessions), Runnable::run, initial.startingFrom(model));
        fromModel.prepareFirstRun();
        assertEquals(model, sessions.get(0).settings.initialModel());
        assertEquals(List.of("start"), sessions.get(0).commands);
        fromModel.playPause();
        assertEquals(1, sessions.size(), "play continues the model's run");
        fromModel.form().learningRate().textProperty().set("0.05");
        assertNull(fromModel.settings().initialModel(), "edited settings describe a fresh network");
        fromModel.playPause();
        assertEquals(2, sessions.size());
        assertNull(sessions.get(1).settings.initialModel());
    }

    @Test
    void openingAModelFillsTheFormAndBuildsItsRunWhileANewRunFromRandomWeightsDropsIt() {
        java.nio.file.Path file = java.nio.file.Path.of("some.zip");
        RunSettings loaded = new RunSettings("spirals", "mlp-2d", 6, 0.5, 0.75, MpbnMode.ELEMENT,
                RunningStatsMode.PER_STEP, Surrogate.ARCTAN, "adam", 0.03, 32, 20, 0, file);
        model.open(loaded);
        assertEquals(loaded, sessions.get(0).settings);
        assertEquals("6", model.form().timeSteps().textProperty().get());
        assertEquals("0.03", model.form().learningRate().textProperty().get());
        assertEquals(Surrogate.ARCTAN, model.form().surrogateProperty().get());
        assertFalse(model.pendingChangesProperty().get());
        model.startFromRandomWeights();
        assertEquals(loaded.startingFrom(null), sessions.get(1).settings);
    }

    @Test
    void atMostEightRunsAreKept() {
        for (int seed = 10; seed < 20; seed++) {
            model.form().seed().textProperty().set(String.valueOf(seed));
            model.playPause();
        }
        assertEquals(TrainViewModel.MAX_RUNS, model.runs().size());
        assertEquals(3, model.runs().get(0).number());
    }
}
