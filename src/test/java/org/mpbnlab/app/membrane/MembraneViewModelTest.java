package org.mpbnlab.app.membrane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpbnlab.app.charts.TimeCursor;
import org.mpbnlab.probe.LayerProbe;
import org.mpbnlab.probe.MembraneQuantity;
import org.mpbnlab.probe.ProbeFrame;
import org.mpbnlab.probe.StatisticsSource;
import org.mpbnlab.session.FailureCause;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.snn.MpbnMode;

class MembraneViewModelTest {

    private static ProbeFrame early;
    private static ProbeFrame middle;
    private static ProbeFrame latest;

    private final ReadOnlyObjectWrapper<SessionSnapshot> snapshots = new ReadOnlyObjectWrapper<>();
    private final MembraneViewModel model = new MembraneViewModel(snapshots.getReadOnlyProperty());

    @BeforeAll
    static void record() {
        early = ProbeFrames.conv(3, MpbnMode.CHANNEL, 0, 1);
        middle = ProbeFrames.conv(3, MpbnMode.CHANNEL, 10, 2);
        latest = ProbeFrames.conv(3, MpbnMode.CHANNEL, 20, 3);
    }

    /**
     * A new run's short history must not drop live mode through the history scrubber: like TimeAndHistoryBar's
     * Slider, the scrubber here clamps its value to the new end when the size changes and reports the move.
     */
    @Test
    void aNewRunsShorterHistoryKeepsTheViewLiveThroughAClampingScrubber() {
        model.historySizeProperty().addListener((obs, old, now) -> model.scrubTo(
                Math.min(model.historyPositionProperty().get(), Math.max(1, now.intValue() - 1))));
        snapshots.set(ProbeFrames.snapshot(latest, List.of(early, middle, latest)));
        assertTrue(model.followLiveProperty().get());
        snapshots.set(ProbeFrames.snapshot(early, List.of(early)));
        assertTrue(model.followLiveProperty().get(), "the new run is shown live");
        snapshots.set(ProbeFrames.snapshot(middle, List.of(early, middle)));
        assertTrue(model.followLiveProperty().get());
        assertSame(middle, model.figureProperty().get().frame(), "the newest recording of the training run");
        assertEquals("", model.unavailableProperty().get());
    }

    @Test
    void aNewRunStartsLiveEvenWhenTheLastRunWasScrubbedBack() {
        snapshots.set(ProbeFrames.snapshot(latest, List.of(early, middle, latest)));
        model.scrubTo(0);
        assertFalse(model.followLiveProperty().get());
        snapshots.set(ProbeFrames.snapshot(early, List.of(early)));
        assertTrue(model.followLiveProperty().get(), "a new run (its iteration went back) starts live");
        snapshots.set(ProbeFrames.snapshot(middle, List.of(early, middle)));
        assertSame(middle, model.figureProperty().get().frame());
    }

    @Test
    void showsNothingBeforeTheFirstRecording() {
        assertNull(model.figureProperty().get());
        assertTrue(model.layers().isEmpty());
    }

    /** The empty view says what is happening while the engine starts (it was a grey area with two empty lists). */
    @Test
    void beforeTheFirstRecordingTheViewSaysItIsRecordingAndThenDrawsIt() {
        assertEquals(MembraneViewModel.RECORDING, model.unavailableProperty().get());
        snapshots.set(SessionSnapshot.preparing(RunPlan.fromRandomWeights(RunSettings.defaults()),
                StatisticsSource.TRAINING_BATCH));
        assertEquals(MembraneViewModel.RECORDING, model.unavailableProperty().get());
        snapshots.set(ProbeFrames.snapshot(latest, List.of(latest)));
        assertEquals("", model.unavailableProperty().get());
        assertNotNull(model.figureProperty().get());
    }

    /** A run that fails before its first batch is not "recording" for ever. */
    @Test
    void aRunThatFailsBeforeRecordingSaysSo() {
        snapshots.set(SessionSnapshot.failed(RunPlan.fromRandomWeights(RunSettings.defaults()),
                StatisticsSource.TRAINING_BATCH, "could not train: no data", FailureCause.DATA_SET));
        assertEquals(MembraneViewModel.FAILED_BEFORE_RECORDING, model.unavailableProperty().get());
    }

    @Test
    void offersTheLayersAndForAConvLayerEveryChannel() {
        snapshots.set(ProbeFrames.snapshot(latest, List.of(early, middle, latest)));
        assertEquals(List.of("LIF 1 · 32×8×8 conv", "LIF 2 · 64×4×4 conv"), model.layers());
        assertEquals(33, model.channels().size());
        assertEquals("all channels", model.channels().get(0));
        model.layerIndexProperty().set(1);
        assertEquals(65, model.channels().size());
        assertEquals(3, model.timeStepsProperty().get());
    }

    @Test
    void theFigureFollowsTheChosenLayerAndChannel() {
        snapshots.set(ProbeFrames.snapshot(latest, List.of(latest)));
        MembraneFigure first = model.figureProperty().get();
        assertSame(latest.layers().get(0), first.layer());
        assertEquals(LayerProbe.ALL_CHANNELS, first.channel());
        model.layerIndexProperty().set(1);
        assertSame(latest.layers().get(1), model.figureProperty().get().layer());
        model.channelIndexProperty().set(5);
        MembraneFigure channel = model.figureProperty().get();
        assertEquals(4, channel.channel());
        assertEquals(latest.layers().get(1).histogram(MembraneQuantity.AFTER_NORM, 2, 4),
                channel.histogram(MembraneQuantity.AFTER_NORM, 2));
        assertTrue(channel.caption().contains("channel 5"));
        assertTrue(channel.caption().contains("batch statistics (training mode)"));
    }

    @Test
    void theTimeCursorWrapsAroundTheSteps() {
        snapshots.set(ProbeFrames.snapshot(latest, List.of(latest)));
        model.previousStep();
        assertEquals(2, model.cursorProperty().get());
        model.nextStep();
        assertEquals(0, model.cursorProperty().get());
        model.nextStep();
        assertEquals(1, model.figureProperty().get().cursor());
        assertTrue(model.figureProperty().get().cursorSummary().startsWith("t = 2:"));
    }

    @Test
    void scrubbingBackShowsOlderRecordingsAndForwardReturnsToLive() {
        snapshots.set(ProbeFrames.snapshot(latest, List.of(early, middle, latest)));
        model.olderRecording();
        assertFalse(model.followLiveProperty().get());
        assertEquals(20, model.figureProperty().get().frame().iteration(), "starts at the newest kept");
        model.olderRecording();
        model.olderRecording();
        assertEquals(0, model.figureProperty().get().frame().iteration());
        assertFalse(model.figureProperty().get().live());
        assertTrue(model.figureProperty().get().caption().contains("(history)"));
        model.newerRecording();
        assertEquals(10, model.figureProperty().get().frame().iteration());
        model.newerRecording();
        model.newerRecording();
        assertTrue(model.followLiveProperty().get());
        assertSame(latest, model.figureProperty().get().frame());
    }

    @Test
    void whileScrubbingANewLiveRecordingDoesNotMoveTheView() {
        snapshots.set(ProbeFrames.snapshot(middle, List.of(early, middle)));
        model.olderRecording();
        model.olderRecording();
        snapshots.set(ProbeFrames.snapshot(latest, List.of(early, middle, latest)));
        assertEquals(0, model.figureProperty().get().frame().iteration());
        assertEquals(3, model.historySizeProperty().get());
    }

    @Test
    void whatIsDrawnIsAlwaysTheChosenKindOfRecordingOrANoteSaysThereIsNone() {
        ProbeFrame evaluation = ProbeFrames.convEvaluation(3, 20, 4);
        snapshots.set(ProbeFrames.snapshot(evaluation, List.of(early, middle, evaluation)));
        assertEquals(StatisticsSource.TRAINING_BATCH, model.sourceProperty().get());
        assertNull(model.figureProperty().get(), "a test-batch recording is not shown as the training batch");
        assertTrue(model.unavailableProperty().get().contains("training batch of iteration 20 was not recorded"),
                model.unavailableProperty().get());
        model.sourceProperty().set(StatisticsSource.PROBE_BATCH);
        assertEquals("", model.unavailableProperty().get());
        assertTrue(model.figureProperty().get().caption().endsWith("running statistics (evaluation mode)"));

        model.olderRecording();
        model.olderRecording();
        assertNull(model.figureProperty().get(), "iteration 10 was recorded from a training batch");
        assertTrue(model.unavailableProperty().get().startsWith("No test-batch recording at iteration 10"),
                model.unavailableProperty().get());
        model.sourceProperty().set(StatisticsSource.TRAINING_BATCH);
        assertEquals(10, model.figureProperty().get().frame().iteration());
        assertTrue(model.figureProperty().get().caption().endsWith("batch statistics (training mode)"));
    }

    /**
     * Issue 11 M4: a run that has not trained (the app just opened, a model just opened) has no training batch;
     * until the user chooses, its membranes are shown from the test batch, saying so, with the layer and neuron
     * choices filled; once it trains, from the training batch, which the session kept recording meanwhile.
     */
    @Test
    void untilTheUserChoosesAnUntrainedRunIsShownFromTheTestBatchAndATrainedOneFromTheTrainingBatch() {
        ProbeFrame untrained = ProbeFrames.convEvaluation(3, 0, 4);
        snapshots.set(ProbeFrames.snapshot(untrained, List.of(untrained)));
        assertEquals(StatisticsSource.PROBE_BATCH, model.sourceProperty().get());
        assertSame(untrained, model.figureProperty().get().frame());
        assertEquals("", model.unavailableProperty().get());
        assertEquals(2, model.layers().size());
        assertTrue(model.sourceNoteProperty().get().startsWith("Shown from the test batch"),
                model.sourceNoteProperty().get());
        assertEquals(StatisticsSource.TRAINING_BATCH, model.recordFromProperty().get(),
                "the session keeps recording training batches");

        ProbeFrame trained = ProbeFrames.conv(3, MpbnMode.CHANNEL, 1, 5);
        snapshots.set(ProbeFrames.snapshot(trained, List.of(untrained, trained)));
        assertEquals(StatisticsSource.TRAINING_BATCH, model.sourceProperty().get());
        assertSame(trained, model.figureProperty().get().frame());
        assertEquals("", model.sourceNoteProperty().get());
    }

    @Test
    void theUsersChoiceOfRecordingIsKeptAndAskedOfTheSession() {
        ProbeFrame untrained = ProbeFrames.convEvaluation(3, 0, 4);
        snapshots.set(ProbeFrames.snapshot(untrained, List.of(untrained)));
        model.sourceProperty().set(StatisticsSource.TRAINING_BATCH);
        assertEquals(StatisticsSource.TRAINING_BATCH, model.recordFromProperty().get());
        assertNull(model.figureProperty().get(), "chosen by the user: no test batch shown in its place");
        assertTrue(model.unavailableProperty().get().startsWith("No training batch yet"),
                model.unavailableProperty().get());
        assertEquals("", model.sourceNoteProperty().get());
        model.sourceProperty().set(StatisticsSource.PROBE_BATCH);
        assertEquals(StatisticsSource.PROBE_BATCH, model.recordFromProperty().get());
        ProbeFrame evaluated = ProbeFrames.convEvaluation(3, 5, 6);
        snapshots.set(ProbeFrames.snapshot(evaluated, List.of(untrained, evaluated)));
        assertEquals(StatisticsSource.PROBE_BATCH, model.sourceProperty().get(), "a trained run keeps the choice");
    }

    @Test
    void theHistoryScrubberSitsAtTheNewestRecordingInLiveMode() {
        snapshots.set(ProbeFrames.snapshot(latest, List.of(early, middle, latest)));
        assertTrue(model.followLiveProperty().get());
        assertEquals(2, model.historyPositionProperty().get(), "live = the newest recording, at the right end");
        model.scrubTo(2);
        assertTrue(model.followLiveProperty().get(), "the thumb at its own place does not leave live mode");
        model.scrubTo(0);
        assertFalse(model.followLiveProperty().get());
        assertEquals(0, model.historyPositionProperty().get());
        assertEquals(0, model.figureProperty().get().frame().iteration());
        model.followLiveProperty().set(true);
        assertEquals(2, model.historyPositionProperty().get());
    }

    /**
     * Issue 11 (tester, S3): after run #10 failed, the header showed run #9's last recording without naming a run while
     * the status bar said "Run #10 failed". The header names the run; a note says the current run has none.
     */
    @Test
    void theHeaderNamesTheRunShownAndANoteSaysWhenItIsNotTheCurrentOne() {
        int[] current = {9};
        ReadOnlyObjectWrapper<SessionSnapshot> runs = new ReadOnlyObjectWrapper<>();
        MembraneViewModel named = new MembraneViewModel(runs.getReadOnlyProperty(), new TimeCursor(), () -> current[0]);
        SessionSnapshot ninth = ProbeFrames.snapshot(latest, List.of(early, middle, latest));
        runs.set(ninth);
        assertTrue(named.captionProperty().get().startsWith("run #9 · LIF 1 · "), named.captionProperty().get());
        assertEquals("", named.runNoteProperty().get());

        current[0] = 10;
        runs.set(null);
        assertEquals("Run #10 has no recording yet (it is being built); shown: run #9's last recording.",
                named.runNoteProperty().get());
        runs.set(SessionSnapshot.failed(RunPlan.fromRandomWeights(RunSettings.defaults()),
                StatisticsSource.TRAINING_BATCH, "data set not available offline", FailureCause.DATA_SET));
        assertEquals("Run #10 failed before recording; shown: run #9's last recording. The Train view says why.",
                named.runNoteProperty().get());
        assertTrue(named.captionProperty().get().startsWith("run #9 · "), "the header still names the run shown");

        current[0] = 9; // run #10 dropped: run #9 is current again
        runs.set(ninth);
        assertEquals("", named.runNoteProperty().get());
        assertTrue(named.captionProperty().get().startsWith("run #9 · "));
    }

    /** Issue 11 (tester, S3): with one recording, the live thumb sits at the right end of a 0..1 track and stays live. */
    @Test
    void withOneRecordingTheThumbAtTheNewestEndKeepsTheViewLive() {
        snapshots.set(ProbeFrames.snapshot(early, List.of(early)));
        model.scrubTo(1);
        assertTrue(model.followLiveProperty().get(), "the right end is the newest recording, which live shows");
        assertSame(early, model.figureProperty().get().frame());
    }

    @Test
    void everyStepSharesOneCountAxis() {
        snapshots.set(ProbeFrames.snapshot(latest, List.of(latest)));
        MembraneFigure figure = model.figureProperty().get();
        int peak = figure.sharedPeak();
        for (int t = 0; t < 3; t++) {
            assertTrue(figure.histogram(MembraneQuantity.BEFORE_NORM, t).peak() <= peak);
            assertTrue(figure.histogram(MembraneQuantity.AFTER_NORM, t).peak() <= peak);
        }
        assertNotEquals(0, peak);
    }
}
