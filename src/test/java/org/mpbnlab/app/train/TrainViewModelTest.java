package org.mpbnlab.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpbnlab.probe.StatisticsSource;
import org.mpbnlab.session.FailureCause;
import org.mpbnlab.session.RegistryDataCatalog;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.session.TrainingCurves;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.Setting;
import org.mpbnlab.train.settings.SettingsTable;

class TrainViewModelTest {

    private static final Path SAMPLE = Path.of("sample-models", "glyphs-mlp-mpbn.zip");

    private final List<RecordingRunControl> sessions = new ArrayList<>();
    private final RunSettings initial = RunSettings.defaults().with(SettingsTable.DATASET, "xor")
            .with(SettingsTable.ARCH, "mlp-2d").with(SettingsTable.OPTIMIZER, "sgd")
            .with(SettingsTable.LEARNING_RATE, 0.1).with(SettingsTable.BATCH, 16).with(SettingsTable.SEED, 3L);
    private final TrainViewModel model = viewModel(RunPlan.fromRandomWeights(initial));

    private TrainViewModel viewModel(RunPlan first) {
        return new TrainViewModel(RegistryDataCatalog.standard(), RecordingRunControl.factory(sessions), Runnable::run,
                first);
    }

    private static void type(TrainViewModel model, Setting<?> setting, String text) {
        model.form().field(setting).textProperty().set(text);
    }

    private static SessionSnapshot snapshot(RunPlan plan, SessionState state, long iteration) {
        return new SessionSnapshot(plan, state, iteration, 100, 0, TrainingCurves.empty(), List.of(), null,
                List.of(), StatisticsSource.TRAINING_BATCH, 0, "");
    }

    private SessionSnapshot snapshot(SessionState state, long iteration) {
        return snapshot(sessions.get(sessions.size() - 1).plan, state, iteration);
    }

    private static SessionSnapshot failed(RunPlan plan, String message, FailureCause cause) {
        return SessionSnapshot.failed(plan, StatisticsSource.TRAINING_BATCH, message, cause);
    }

    @Test
    void aViewThatHearsOfANewRunAsksTheNewRunForItsWeightsNotTheClosedOne() {
        List<RecordingRunControl> asked = new ArrayList<>();
        model.snapshotProperty().addListener((obs, old, now) -> {
            if (now == null) {
                int[] before = sessions.stream().mapToInt(s -> s.copies.size()).toArray();
                model.copyOfCurrentRun();
                for (int i = 0; i < before.length; i++) {
                    if (sessions.get(i).copies.size() > before[i]) {
                        asked.add(sessions.get(i));
                    }
                }
            }
        });
        model.prepareFirstRun();
        RecordingRunControl first = sessions.get(sessions.size() - 1);
        first.listener.published(snapshot(first.plan, SessionState.READY, 0));
        asked.clear();
        model.startFromRandomWeights();
        RecordingRunControl second = sessions.get(sessions.size() - 1);
        assertTrue(first != second, "a new run was started");
        assertEquals(List.of(second), asked, "the view asked the closed run, whose copy is refused");
    }

    @Test
    void aBlockedActionSaysWhyNextToTheButtonUntilTheSettingsChange() {
        type(model, SettingsTable.SEED, "");
        model.step();
        assertTrue(sessions.isEmpty());
        assertEquals("One batch did not run: seed: must be a whole number ≥ 0, got ''. Correct the setting marked "
                + "in red.", model.actionNoteProperty().get());
        model.playPause();
        assertTrue(model.actionNoteProperty().get().startsWith("Play did not run: seed:"));
        type(model, SettingsTable.SEED, "3");
        assertEquals("", model.actionNoteProperty().get());
    }

    /**
     * The form names the setting its error tells the user to change, to be marked in red: the field that does not
     * parse, or the preset that does not take the user's own data (nothing was marked: "Correct the setting marked in
     * red" pointed at no field).
     */
    @Test
    void theFormNamesTheSettingToChangeAlsoForAPresetThatDoesNotFitOwnData(@org.junit.jupiter.api.io.TempDir Path folder)
            throws Exception {
        assertNull(model.form().invalidSettingProperty().get());
        type(model, SettingsTable.SEED, "abc");
        assertEquals(SettingsTable.SEED, model.form().invalidSettingProperty().get());
        type(model, SettingsTable.SEED, "3");
        String points = java.nio.file.Files.writeString(folder.resolve("points.csv"), "x,y,label\n").toString();
        model.form().knowOwnData(new org.mpbnlab.data.DatasetInfo(points, org.mpbnlab.data.DatasetInfo.Kind.OWN,
                "your data set " + points, List.of("0", "1"), new int[] {2}, 320, 80, 0, points, 0));
        type(model, SettingsTable.ARCH, "conv-small");
        type(model, SettingsTable.DATASET, points);
        // the file named by its name, not its whole path three times
        assertEquals("preset conv-small does not fit data set points.csv: conv-small takes images [C, H, W] with H and"
                + " W divisible by 4 and points.csv has samples of shape [2]; with points.csv use preset mlp or mlp-2d",
                model.form().errorProperty().get());
        assertEquals(SettingsTable.ARCH, model.form().invalidSettingProperty().get());
        type(model, SettingsTable.ARCH, "mlp-2d");
        assertNull(model.form().invalidSettingProperty().get());
        assertEquals("Trains on all 320 points.csv samples; tests on all 80 at each epoch's end (on a subset in"
                + " between).", model.splitProperty().get());
        // the data set box offers the opened file and shows it by its name (it was blank)
        assertTrue(model.form().choices(SettingsTable.DATASET).contains(points));
        assertTrue(model.form().choices(SettingsTable.DATASET).contains("glyphs"));
        assertEquals("points.csv (own)", model.form().shownName(points));
        assertEquals("glyphs", model.form().shownName("glyphs"));
        String longName = java.nio.file.Files.writeString(folder.resolve("two-rings-of-points-for-week-3.csv"),
                "x,y,label\n").toString();
        model.form().knowOwnData(new org.mpbnlab.data.DatasetInfo(longName, org.mpbnlab.data.DatasetInfo.Kind.OWN,
                "your data set " + longName, List.of("0", "1"), new int[] {2}, 320, 80, 0, longName, 0));
        assertEquals("two-ring…eek-3.csv (own)", model.form().shownName(longName), "shortened in the middle");
    }

    /**
     * Play pressed while a new run is being built (Ctrl+N, then Space) turns the button into Pause at once, and the
     * next press pauses (it sent another play, and the button kept saying Play while the run was built: the user's
     * second press, meant as Pause, seemed dropped and the run trained on).
     */
    @Test
    void playWhileTheNewRunIsBuiltSaysPauseAndTheNextPressPauses() {
        model.prepareFirstRun();
        sessions.get(0).listener.published(snapshot(SessionState.READY, 0));
        model.startFromRandomWeights();
        RecordingRunControl building = sessions.get(1);
        model.playPause();
        assertEquals(List.of("start", "play"), building.commands);
        assertEquals("Pause", model.playLabelProperty().get(), "the play is on its way");
        assertTrue(model.nextRunProperty().get().startsWith("Run #2 trains"), model.nextRunProperty().get());
        building.listener.published(snapshot(building.plan, SessionState.READY, 0));
        assertEquals("Pause", model.playLabelProperty().get(), "built, the play not yet handled");
        model.playPause();
        assertEquals(List.of("start", "play", "pause"), building.commands);
        assertEquals("Play", model.playLabelProperty().get());
        building.listener.published(snapshot(building.plan, SessionState.RUNNING, 1));
        building.listener.published(snapshot(building.plan, SessionState.PAUSED, 1));
        assertEquals("Play", model.playLabelProperty().get());
    }

    /**
     * Pause pressed while the run trains turns the button into Play at once, although the engine stops only after the
     * batch it is in (tester 7: the button said Pause for a whole batch, 1-2 s, and the press seemed not taken); a
     * press in that time plays again.
     */
    @Test
    void pauseSaysPlayAtOnceAndThePressAfterItPlaysAgain() {
        model.playPause();
        RecordingRunControl session = sessions.get(0);
        session.listener.published(snapshot(SessionState.RUNNING, 3));
        assertEquals("Pause", model.playLabelProperty().get());
        model.playPause();
        assertEquals("Play", model.playLabelProperty().get(), "the pause is taken, the batch still ends");
        session.listener.published(snapshot(SessionState.RUNNING, 4));
        assertEquals("Play", model.playLabelProperty().get(), "the last batch's snapshot does not undo the pause");
        model.playPause();
        assertEquals("Pause", model.playLabelProperty().get());
        assertEquals("play", session.commands.get(session.commands.size() - 1), "a second press plays again");
        session.listener.published(snapshot(SessionState.RUNNING, 5));
        model.playPause();
        session.listener.published(snapshot(SessionState.PAUSED, 6));
        assertEquals("Play", model.playLabelProperty().get());
        model.playPause();
        session.listener.published(snapshot(SessionState.RUNNING, 7));
        assertEquals("Pause", model.playLabelProperty().get(), "after a pause that took effect, training says Pause");
    }

    /** A diverged run's message is said whole beside the buttons too (the one-line status bar may cut it). */
    @Test
    void aDivergedRunSaysSoBesideTheButtonsUntilItTrainsAgain() {
        model.playPause();
        RecordingRunControl session = sessions.get(0);
        String diverged = "training diverged at iteration 58 (loss is NaN); the last good weights are kept — lower the"
                + " learning rate";
        session.listener.published(new SessionSnapshot(session.plan, SessionState.PAUSED, 57, 100, 0,
                TrainingCurves.empty(), List.of(), null, List.of(), StatisticsSource.TRAINING_BATCH, 0, diverged));
        assertEquals(diverged, model.runNoteProperty().get());
        assertEquals("", model.failureProperty().get());
        model.playPause();
        session.listener.published(snapshot(SessionState.RUNNING, 58));
        assertEquals("", model.runNoteProperty().get());
    }

    @Test
    void aRefusalLeavesTheStatusWhenTheSettingsAreFixedAndDoesNotFollowTheNextRun() {
        model.playPause();
        RecordingRunControl session = sessions.get(0);
        session.listener.published(snapshot(SessionState.RUNNING, 3));
        model.playPause();
        session.listener.published(snapshot(SessionState.PAUSED, 3));
        type(model, SettingsTable.SEED, "");
        model.playPause();
        assertTrue(model.messageProperty().get().startsWith("not started: seed"));
        type(model, SettingsTable.SEED, "3");
        assertEquals("", model.messageProperty().get(), "the refusal belonged to the invalid seed");
        model.playPause();
        assertEquals(1, sessions.size(), "same settings: the run continues");
        session.listener.published(snapshot(SessionState.RUNNING, 4));
        assertEquals("", model.messageProperty().get());
    }

    @Test
    void aResetNoteClearsWhenTrainingMovesOn() {
        model.step();
        RecordingRunControl session = sessions.get(0);
        session.listener.published(snapshot(SessionState.PAUSED, 1));
        model.reset();
        session.listener.published(snapshot(SessionState.READY, 0));
        assertTrue(model.messageProperty().get().startsWith("reset to the random weights of seed 3"),
                model.messageProperty().get());
        model.playPause();
        session.listener.published(snapshot(SessionState.RUNNING, 1));
        assertEquals("", model.messageProperty().get());
    }

    @Test
    void aFailedRunOnTheUsersOwnDataSaysWhyToo(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        model.playPause();
        sessions.get(0).listener.published(snapshot(SessionState.PAUSED, 10));
        // a path not read yet (typed, not opened): the form cannot check it, the run finds out
        Path points = java.nio.file.Files.writeString(folder.resolve("points.csv"), "x,y,label\n");
        type(model, SettingsTable.DATASET, points.toString());
        assertEquals("", model.form().errorProperty().get());
        model.playPause();
        RecordingRunControl broken = sessions.get(1);
        String reason = "could not train: " + points + ", line 2: y is 'abc', not a finite number";
        broken.listener.published(failed(broken.plan, reason, FailureCause.DATA_SET));
        String failure = model.failureProperty().get();
        // the advice is about the file that could not be read, not about model files or settings
        assertEquals("Run #2 failed: " + reason + ". Correct the file, or open another data set (File ▸ Open data"
                + " set…).", failure);
    }

    @Test
    void aRunWhoseModelFileCannotStartItSaysToOpenAnotherModelFile() {
        model.open(new RunPlan(initial, SAMPLE));
        RecordingRunControl broken = sessions.get(sessions.size() - 1);
        String reason = "could not train: model glyphs-mlp-mpbn.zip cannot start this run: its input has 784 values";
        broken.listener.published(failed(broken.plan, reason, FailureCause.MODEL_FILE));
        assertEquals("Run #1 failed: " + reason + ". Open another model file (File ▸ Open model…), or start from"
                + " random weights (File ▸ New run from random weights).", model.failureProperty().get());
    }

    @Test
    void aFailedRunSaysWhyInFullWithWhatToDoAndCanBeRemoved() {
        model.playPause();
        sessions.get(0).listener.published(snapshot(SessionState.PAUSED, 10));
        type(model, SettingsTable.DATASET, "mnist");
        type(model, SettingsTable.ARCH, "mlp");
        model.playPause();
        RecordingRunControl broken = sessions.get(1);
        String reason = "could not train: mnist is not available offline and could not be downloaded (no network)."
                + " Put train-images-idx3-ubyte.gz into ~/.cache/mpbn-lab/mnist (or into a folder given by"
                + " --data-dir or MPBN_DATA_DIR), or set MPBN_DATASET_MIRROR to a reachable mirror";
        broken.listener.published(failed(broken.plan, reason, FailureCause.DATA_SET));
        String failure = model.failureProperty().get();
        // the app's words, short: what happened and what to do in the app, no command line, folders or variables
        assertEquals("Run #2 failed: mnist is not on this computer and could not be downloaded. Choose a built-in"
                + " data set such as glyphs, or train once with mnist where there is a network: it is downloaded then"
                + " and kept for later runs.", failure);
        String next = model.nextRunProperty().get();
        assertTrue(next.startsWith("Run #2 failed: Play starts a new run"), next);
        model.removeRun(model.currentRun());
        assertEquals(1, model.runs().size(), "the failed run is dropped");
        assertEquals(1, model.currentRun().number());
        assertEquals("", model.failureProperty().get());
        assertTrue(broken.commands.contains("close"));
        assertEquals("Start new run", model.playLabelProperty().get());
        // the form back at run #1's settings: the note says why #1 cannot go on, not that it is merely paused
        type(model, SettingsTable.DATASET, model.currentRun().plan().settings().dataset());
        type(model, SettingsTable.ARCH, model.currentRun().plan().settings().arch());
        String note = model.nextRunProperty().get();
        assertTrue(note.startsWith("Run #1 cannot train any more: its training stopped when the next run was started."
                + " Start new run trains a new one from"), note);
        assertFalse(note.contains("paused"), note);
        assertEquals("Start new run", model.playLabelProperty().get());
        type(model, SettingsTable.DATASET, "xor");
        type(model, SettingsTable.ARCH, "mlp-2d");
        model.playPause();
        assertEquals(3, sessions.size(), "a new run, never the closed one");
    }

    /**
     * A finished run shown again after the failed run started after it was removed says it is finished, as it did
     * before: not that a later run stopped it (tester: "Run #7 cannot train any more: a later run was started after
     * it", with run #8 gone).
     */
    @Test
    void aFinishedRunShownAgainAfterRemovingAFailedLaterRunSaysItIsFinished() {
        model.playPause();
        sessions.get(0).listener.published(snapshot(SessionState.FINISHED, 120));
        String before = model.nextRunProperty().get();
        assertTrue(before.startsWith("Run #1 is finished: Play starts a new run from"), before);
        model.playPause();
        RecordingRunControl broken = sessions.get(1);
        broken.listener.published(failed(broken.plan, "could not train: the data file has no rows",
                FailureCause.DATA_SET));
        model.removeRun(model.currentRun());
        assertEquals(1, model.currentRun().number());
        assertEquals(before, model.nextRunProperty().get(), "the true reason, as before the failed run");
        assertEquals("Start new run", model.playLabelProperty().get());
    }

    /**
     * Remove selected run acts on an earlier run, never silently does nothing: the current run, which Play continues,
     * cannot be removed unless it failed, and says so by being refused before the click (tester: a click on Remove
     * selected run with the current run selected did nothing and said nothing).
     */
    @Test
    void onlyAnEarlierRunOrAFailedCurrentOneCanBeRemoved() {
        model.playPause();
        sessions.get(0).listener.published(snapshot(SessionState.PAUSED, 10));
        RunRecord first = model.currentRun();
        assertTrue(!model.removable(first), "the current run");
        assertTrue(!model.removable(null), "no run selected");
        type(model, SettingsTable.SEED, "4");
        model.playPause();
        assertTrue(model.removable(first), "an earlier run");
        assertTrue(!model.removable(model.currentRun()), "the new current run");
        RecordingRunControl second = sessions.get(1);
        second.listener.published(failed(second.plan, "could not train: the data file has no rows",
                FailureCause.DATA_SET));
        assertTrue(model.removable(model.currentRun()), "a failed current run");
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
        type(model, SettingsTable.TIME_STEPS, "zero");
        assertFalse(model.form().field(SettingsTable.TIME_STEPS).isValid());
        assertEquals("T: must be a whole number from 1 to 16, got 'zero'", model.form().errorProperty().get());
        assertEquals(4, model.form().field(SettingsTable.TIME_STEPS).value(), "the last valid value is kept");
        assertNull(model.settings());
        model.playPause();
        assertTrue(sessions.isEmpty(), "no run starts with invalid settings");
        assertTrue(model.messageProperty().get().startsWith("not started: T:"));
    }

    @Test
    void theFormUsesTheLimitsOfTheSettingsTable() {
        type(model, SettingsTable.TAU, "1.5");
        assertEquals("τ: must be a number from 0 to 1, got 1.5", model.form().errorProperty().get());
        type(model, SettingsTable.TAU, "0.5");
        type(model, SettingsTable.THRESHOLD, "0");
        assertEquals("V_th: must be a number above 0 and at most 100, got 0", model.form().errorProperty().get());
        type(model, SettingsTable.THRESHOLD, "0.5");
        type(model, SettingsTable.BATCH, "1");
        assertEquals("batch size: must be a whole number from 2 to 512, got 1", model.form().errorProperty().get());
        type(model, SettingsTable.BATCH, "16");
        assertEquals("", model.form().errorProperty().get());
        for (Setting<?> setting : SettingsTable.all()) {
            assertNotNull(model.form().field(setting), "a field for every setting of the table: " + setting);
        }
    }

    @Test
    void weightDecayFollowsTheOptimiserUntilTyped() {
        assertEquals("5e-4", model.form().field(SettingsTable.WEIGHT_DECAY).textProperty().get());
        type(model, SettingsTable.OPTIMIZER, "adam");
        assertEquals("0", model.form().field(SettingsTable.WEIGHT_DECAY).textProperty().get());
        assertEquals(0.0, model.settings().get(SettingsTable.WEIGHT_DECAY));
        type(model, SettingsTable.WEIGHT_DECAY, "1e-4");
        type(model, SettingsTable.OPTIMIZER, "sgd");
        assertEquals(1e-4, model.settings().get(SettingsTable.WEIGHT_DECAY), "a typed value stays");
    }

    /** Issue 11, defect 9: a preset that does not take the data's input is refused, derived from the shapes. */
    @Test
    void aPresetThatDoesNotFitTheDatasetIsRefusedWithTheFittingOnes() {
        type(model, SettingsTable.ARCH, "conv-small");
        assertTrue(model.form().errorProperty().get().startsWith("preset conv-small does not fit data set xor: "
                + "conv-small takes images"), model.form().errorProperty().get());
        assertTrue(model.form().errorProperty().get().endsWith("with xor use preset mlp or mlp-2d"));
        assertNull(model.settings());
        type(model, SettingsTable.DATASET, "glyphs");
        assertEquals("", model.form().errorProperty().get());
        type(model, SettingsTable.ARCH, "mlp-2d");
        assertEquals("preset mlp-2d does not fit data set glyphs: mlp-2d takes 2-D points (input [2]) and glyphs "
                + "has samples of shape [1, 28, 28]; with glyphs use preset mlp or conv-small",
                model.form().errorProperty().get());
        model.playPause();
        assertTrue(sessions.isEmpty());
    }

    @Test
    void playStartsARunAndSpaceAgainPausesIt() {
        model.playPause();
        assertEquals(1, sessions.size());
        RecordingRunControl session = sessions.get(0);
        assertEquals(List.of("start", "play"), session.commands);
        session.listener.published(snapshot(SessionState.RUNNING, 3));
        assertEquals("Pause", model.playLabelProperty().get());
        model.playPause();
        assertEquals("pause", session.commands.get(2));
        session.listener.published(snapshot(SessionState.PAUSED, 5));
        assertEquals("Play", model.playLabelProperty().get());
        model.playPause();
        assertEquals(1, sessions.size(), "the same run continues");
        assertEquals("play", session.commands.get(3));
    }

    @Test
    void stepAndResetGoToTheCurrentRun() {
        model.step();
        RecordingRunControl session = sessions.get(0);
        session.listener.published(snapshot(SessionState.PAUSED, 1));
        model.reset();
        assertEquals(List.of("start", "step", "reset"), session.commands);
        assertTrue(model.messageProperty().get().contains("seed 3"));
    }

    /** Issue 11, defect 7: Reset with T = 8 in the form gives a T = 8 run. */
    @Test
    void resetUsesTheEditedSettings() {
        model.step();
        sessions.get(0).listener.published(snapshot(SessionState.PAUSED, 1));
        type(model, SettingsTable.TIME_STEPS, "8");
        model.reset();
        assertEquals(2, sessions.size(), "a run with the form's settings");
        assertEquals(8, sessions.get(1).plan.settings().timeSteps());
        assertEquals(List.of("start"), sessions.get(1).commands, "reset does not train");
        assertTrue(sessions.get(0).commands.contains("close"));
        assertFalse(model.pendingChangesProperty().get());
        // short in the one-line status bar (which names run #2); whole in the line under Play
        assertEquals("reset: new run from the random weights of seed 3", model.messageProperty().get());
        assertTrue(model.nextRunProperty().get().startsWith("Play continues run #2, started from the random weights"
                + " of seed 3."), model.nextRunProperty().get());
    }

    @Test
    void changedSettingsStartANewRunAndKeepTheOldOneForComparison() {
        model.playPause();
        sessions.get(0).listener.published(snapshot(SessionState.RUNNING, 10));
        model.playPause();
        sessions.get(0).listener.published(snapshot(SessionState.PAUSED, 10));
        type(model, SettingsTable.MPBN, "off");
        assertTrue(model.pendingChangesProperty().get());
        assertEquals("Start new run", model.playLabelProperty().get());
        model.playPause();
        assertEquals(2, sessions.size());
        assertTrue(sessions.get(0).commands.contains("close"), "only one run trains at a time");
        assertEquals(MpbnMode.OFF, sessions.get(1).plan.settings().mpbnMode());
        assertEquals(2, model.runs().size());
        assertNotNull(model.runs().get(0).latest(), "the first run keeps its curves");
        assertEquals(10, model.runs().get(0).latest().iteration());
        assertEquals(2, model.currentRun().number());
    }

    @Test
    void snapshotsOfAStoppedRunDoNotReplaceTheCurrentOne() {
        model.playPause();
        RecordingRunControl first = sessions.get(0);
        first.listener.published(snapshot(first.plan, SessionState.PAUSED, 5));
        type(model, SettingsTable.SEED, "4");
        model.playPause();
        first.listener.published(snapshot(first.plan, SessionState.PAUSED, 7));
        assertNull(model.snapshotProperty().get());
        assertEquals(7, model.runs().get(0).latest().iteration());
    }

    @Test
    void aFinishedRunIsNotContinuedButRestartedAsANewRun() {
        model.playPause();
        sessions.get(0).listener.published(snapshot(SessionState.FINISHED, 100));
        assertEquals("Start new run", model.playLabelProperty().get());
        assertEquals("Run #1 is finished: Play starts a new run from the random weights of seed 3.",
                model.nextRunProperty().get());
        model.playPause();
        assertEquals(2, sessions.size());
    }

    @Test
    void choosingRunningStatisticsTellsTheSession() {
        model.playPause();
        model.probeSourceProperty().set(StatisticsSource.PROBE_BATCH);
        assertEquals("record PROBE_BATCH", sessions.get(0).commands.get(2));
    }

    /**
     * Issue 11, defect 6: with the sample model loaded, changing how it is trained (epochs, learning rate)
     * starts a new run from the model's weights, not from random ones; changing what the network is (T)
     * starts from random weights; the line under Play says which before it happens.
     */
    @Test
    void editsSayBeforePlayWhichWeightsTheNextRunStartsFrom() {
        RunSettings sample = initial.with(SettingsTable.DATASET, "glyphs").with(SettingsTable.ARCH, "mlp");
        TrainViewModel fromModel = viewModel(new RunPlan(sample, SAMPLE));
        fromModel.prepareFirstRun();
        assertEquals(SAMPLE, sessions.get(0).plan.startingModel());
        assertEquals(List.of("start"), sessions.get(0).commands);
        assertEquals("Play continues run #1, started from the weights of glyphs-mlp-mpbn.zip. Continuing with a "
                + "fresh optimiser (its learning-rate schedule starts again) may first lose a little accuracy.",
                fromModel.nextRunProperty().get(), "said before a model from a file trains for the first time");
        fromModel.playPause();
        assertEquals(1, sessions.size(), "play continues the model's run");
        sessions.get(0).listener.published(snapshot(SessionState.RUNNING, 4));
        fromModel.playPause();
        sessions.get(0).listener.published(snapshot(SessionState.PAUSED, 5));
        assertEquals("Play continues run #1, started from the weights of glyphs-mlp-mpbn.zip.",
                fromModel.nextRunProperty().get(), "once it has trained, its optimiser is warm");

        type(fromModel, SettingsTable.EPOCHS, "3");
        type(fromModel, SettingsTable.LEARNING_RATE, "0.05");
        assertEquals("Changing epochs, learning rate starts a new run from the weights of glyphs-mlp-mpbn.zip.",
                fromModel.nextRunProperty().get());
        fromModel.playPause();
        assertEquals(2, sessions.size());
        assertEquals(SAMPLE, sessions.get(1).plan.startingModel(), "the model's weights, not random ones");
        assertEquals(3, sessions.get(1).plan.settings().epochs());
        sessions.get(1).listener.published(snapshot(SessionState.PAUSED, 1)); // paused after its first batch

        type(fromModel, SettingsTable.TIME_STEPS, "8");
        assertEquals("Changing T starts a new run from the random weights of seed 3.",
                fromModel.nextRunProperty().get());
        fromModel.playPause();
        assertNull(sessions.get(2).plan.startingModel());
    }

    @Test
    void openingAModelFillsTheFormAndBuildsItsRunWhileANewRunFromRandomWeightsDropsIt() {
        Path file = Path.of("some.zip");
        RunSettings loaded = initial.with(SettingsTable.DATASET, "spirals").with(SettingsTable.TIME_STEPS, 6)
                .with(SettingsTable.TAU, 0.5).with(SettingsTable.MPBN, "element")
                .with(SettingsTable.MPBN_STATS, "per-step").with(SettingsTable.SURROGATE, "arctan")
                .with(SettingsTable.OPTIMIZER, "adam").with(SettingsTable.LEARNING_RATE, 0.03)
                .with(SettingsTable.WEIGHT_DECAY, 1e-4).with(SettingsTable.SCHEDULE, "constant")
                .with(SettingsTable.DETACH_RESET, true).with(SettingsTable.ENCODER, "rate").with(SettingsTable.EPOCHS, 20);
        model.open(new RunPlan(loaded, file));
        assertEquals(new RunPlan(loaded, file), sessions.get(0).plan);
        assertEquals(loaded, model.settings(), "every setting of the model is restored");
        assertEquals("6", model.form().field(SettingsTable.TIME_STEPS).textProperty().get());
        assertEquals("0.03", model.form().field(SettingsTable.LEARNING_RATE).textProperty().get());
        assertEquals("arctan", model.form().field(SettingsTable.SURROGATE).textProperty().get());
        assertEquals("true", model.form().field(SettingsTable.DETACH_RESET).textProperty().get());
        assertFalse(model.pendingChangesProperty().get());
        model.startFromRandomWeights();
        assertEquals(RunPlan.fromRandomWeights(loaded), sessions.get(1).plan);
    }

    /** Issue 11, defect 11: the split is in the view and the full set can be chosen. */
    @Test
    void theSplitIsStatedAndTheFullSetCanBeChosen() {
        type(model, SettingsTable.DATASET, "glyphs");
        type(model, SettingsTable.ARCH, "mlp");
        assertEquals("Trains on all 12 000 glyphs samples; tests on all 2 000 at each epoch's end (on a subset in "
                + "between).", model.splitProperty().get());
        type(model, SettingsTable.TRAIN_SAMPLES, "6000");
        type(model, SettingsTable.TEST_SAMPLES, "1000");
        assertEquals("Trains on 6 000 of 12 000 glyphs samples; tests on 1 000 of 2 000 at each epoch's end (on a "
                + "subset in between).", model.splitProperty().get());
        model.playPause();
        assertEquals(6000, sessions.get(0).plan.settings().trainSamples());
    }

    @Test
    void atMostEightRunsAreKept() {
        for (int seed = 10; seed < 20; seed++) {
            type(model, SettingsTable.SEED, String.valueOf(seed));
            model.playPause();
            // paused before its first batch: nothing to save, so it may be dropped
            sessions.get(sessions.size() - 1).listener.published(snapshot(SessionState.PAUSED, 0));
        }
        assertEquals(TrainViewModel.MAX_RUNS, model.runs().size());
        assertEquals(3, model.runs().get(0).number());
    }
}
