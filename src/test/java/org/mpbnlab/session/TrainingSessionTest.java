package org.mpbnlab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mpbnlab.probe.LayerProbe;
import org.mpbnlab.probe.MembraneQuantity;
import org.mpbnlab.probe.ProbeFrame;
import org.mpbnlab.probe.StatisticsSource;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.SettingsTable;

class TrainingSessionTest {

    static RunSettings tinySettings(MpbnMode mode) {
        return RunSettings.defaults().with(SettingsTable.DATASET, "xor").with(SettingsTable.ARCH, "mlp-2d")
                .with(SettingsTable.TIME_STEPS, 3).with(SettingsTable.MPBN, mode.id())
                .with(SettingsTable.OPTIMIZER, "sgd").with(SettingsTable.LEARNING_RATE, 0.1)
                .with(SettingsTable.BATCH, 16).with(SettingsTable.EPOCHS, 2).with(SettingsTable.SEED, 7L)
                .with(SettingsTable.TRAIN_SAMPLES, 160).with(SettingsTable.TEST_SAMPLES, 64);
    }

    static TrainingSession tinySession(RunSettings settings, SessionListener listener) {
        return new TrainingSession(RunPlan.fromRandomWeights(settings), RegistryDataCatalog.standard(),
                new SessionPacing(0, 0, 5, 64, 0, 0), StatisticsSource.TRAINING_BATCH, listener);
    }

    @Test
    void startsReadyWithARecordingOfTheInitialWeightsInEvaluationMode() throws InterruptedException {
        SessionProbe probe = new SessionProbe();
        try (TrainingSession session = tinySession(tinySettings(MpbnMode.CHANNEL), probe)) {
            session.start();
            SessionSnapshot ready = probe.await(s -> s.state() == SessionState.READY
                    && s.curves().testLoss().size() == 1);
            assertEquals(0, ready.iteration());
            assertEquals(2 * 10, ready.totalIterations());
            assertNotNull(ready.probe());
            assertEquals(StatisticsSource.PROBE_BATCH, ready.probe().source());
            assertEquals(2, ready.probe().layers().size());
            assertEquals(3, ready.probe().layers().get(0).timeSteps());
            assertEquals(1, ready.curves().testLoss().size());
        }
    }

    /** A data file that cannot be read fails the run with its reason and says the data set was the cause. */
    @Test
    void aDataFileThatCannotBeReadFailsTheRunWithTheDataSetAsCause(@org.junit.jupiter.api.io.TempDir
                                                                  java.nio.file.Path folder) throws Exception {
        java.nio.file.Path points = java.nio.file.Files.writeString(folder.resolve("points.csv"),
                "x,y,label\n0.1,0.2,0\n1,abc,0\n");
        SessionProbe probe = new SessionProbe();
        RunSettings own = tinySettings(MpbnMode.CHANNEL).with(SettingsTable.DATASET, points.toString())
                .with(SettingsTable.TRAIN_SAMPLES, 0).with(SettingsTable.TEST_SAMPLES, 0);
        try (TrainingSession session = tinySession(own, probe)) {
            session.start();
            SessionSnapshot failed = probe.await(s -> s.state() == SessionState.FAILED);
            assertTrue(failed.message().contains("abc"), failed.message());
            assertEquals(FailureCause.DATA_SET, failed.failureCause());
        }
    }

    @Test
    void stepTrainsExactlyOneBatchAndRecordsTheTrainingBatch() throws InterruptedException {
        SessionProbe probe = new SessionProbe();
        try (TrainingSession session = tinySession(tinySettings(MpbnMode.CHANNEL), probe)) {
            probe.start(session);
            SessionSnapshot stepped = probe.step(session, 1);
            assertEquals(SessionState.PAUSED, stepped.state());
            assertEquals(1, stepped.curves().trainLoss().size());
            assertEquals(StatisticsSource.TRAINING_BATCH, stepped.probe().source());
            assertEquals(1, stepped.probe().iteration());
        }
    }

    @Test
    void playTrainsUntilPausedAndKeepsCurvesAndHistory() throws InterruptedException {
        SessionProbe probe = new SessionProbe();
        // 200 epochs: the run cannot finish (and so never pause) before the pause arrives on a busy machine
        RunSettings manyEpochs = tinySettings(MpbnMode.ELEMENT).with(SettingsTable.EPOCHS, 200);
        try (TrainingSession session = tinySession(manyEpochs, probe)) {
            probe.start(session);
            session.play();
            probe.await(s -> s.iteration() >= 6);
            session.pause();
            SessionSnapshot paused = probe.await(s -> s.state() == SessionState.PAUSED);
            assertTrue(paused.curves().trainLoss().size() >= 6);
            assertEquals(paused.iteration(), paused.curves().trainLoss().size());
            assertTrue(paused.curves().testLoss().size() >= 2, "test evaluated every 5 batches");
            assertEquals(2, paused.curves().firingRates().size());
            assertTrue(paused.history().size() >= 2);
        }
    }

    @Test
    void aModelCopyHasTheTrainedWeightsInArraysOfItsOwn() throws Exception {
        SessionProbe probe = new SessionProbe();
        try (TrainingSession session = tinySession(tinySettings(MpbnMode.CHANNEL), probe)) {
            probe.start(session);
            probe.step(session, 1);
            CurrentModel first = session.copyModel().get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(1, first.iteration());
            assertEquals("xor", first.info().dataset());
            assertTrue(first.info().history().isEmpty(), "no epoch finished yet");
            probe.step(session, 2);
            CurrentModel second = session.copyModel().get(30, java.util.concurrent.TimeUnit.SECONDS);
            var before = first.network().state();
            var after = second.network().state();
            assertEquals(before.keySet(), after.keySet());
            assertTrue(before.keySet().stream().anyMatch(k -> !before.get(k).equals(after.get(k))),
                    "training the second batch changed the run's weights but not the first copy");
        }
    }

    @Test
    void aCopyAskedForAfterTheRunClosedFails() throws Exception {
        SessionProbe probe = new SessionProbe();
        TrainingSession session = tinySession(tinySettings(MpbnMode.OFF), probe);
        probe.start(session);
        session.close();
        var copy = session.copyModel();
        assertTrue(session.awaitTermination(30_000));
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                () -> copy.get(30, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("closed"));
    }

    @Test
    void runsToTheEndAndFinishes() throws InterruptedException {
        SessionProbe probe = new SessionProbe();
        try (TrainingSession session = tinySession(tinySettings(MpbnMode.OFF), probe)) {
            probe.start(session);
            session.play();
            SessionSnapshot done = probe.await(s -> s.state() == SessionState.FINISHED);
            assertEquals(20, done.iteration());
            assertEquals(2, done.epoch());
        }
    }

    /**
     * The newest test figure says what it measured: the first {@code testSamples} (32 of 64) every 5 iterations,
     * all 64 at an epoch's end (10 iterations), and keeps the iteration it was measured at in between.
     */
    @Test
    void theNewestTestMeasurementSaysWhichSamplesAndWhichIteration() throws InterruptedException {
        SessionProbe probe = new SessionProbe();
        try (TrainingSession session = new TrainingSession(
                RunPlan.fromRandomWeights(tinySettings(MpbnMode.CHANNEL)), RegistryDataCatalog.standard(),
                new SessionPacing(0, 0, 5, 32, 0, 0), StatisticsSource.TRAINING_BATCH, probe)) {
            session.start();
            SessionSnapshot ready = probe.await(s -> s.state() == SessionState.READY && s.latestTest() != null);
            assertEquals(new TestMeasurement(0, 32, 64, ready.curves().testAccuracy().last(),
                    ready.curves().testLoss().last()), ready.latestTest());
            assertFalse(ready.latestTest().wholeSplit());
            SessionSnapshot at5 = null;
            for (int i = 1; i <= 5; i++) {
                at5 = probe.step(session, i);
            }
            assertEquals(5, at5.latestTest().iteration());
            assertEquals(32, at5.latestTest().samples());
            probe.step(session, 6);
            SessionSnapshot at7 = probe.step(session, 7);
            assertEquals(at5.latestTest(), at7.latestTest(), "measured at iteration 5, shown as such at 7");
            SessionSnapshot epochEnd = null;
            for (int i = 8; i <= 10; i++) {
                epochEnd = probe.step(session, i);
            }
            TestMeasurement whole = epochEnd.latestTest();
            assertEquals(10, whole.iteration());
            assertTrue(whole.wholeSplit());
            assertEquals(64, whole.samples());
            assertEquals(epochEnd.curves().testAccuracy().last(), whole.accuracy());
            org.mpbnlab.train.EpochMetrics epoch = session.copyModel().join().info().history().get(0);
            assertEquals(epoch.testAccuracy(), whole.accuracy(), "the figure `train` reports for the epoch");
        }
    }

    @Test
    void afterTheTestEvaluationTheTrainingBatchOfTheLastIterationCanStillBeChosen() throws InterruptedException {
        SessionProbe probe = new SessionProbe();
        try (TrainingSession session = tinySession(tinySettings(MpbnMode.CHANNEL), probe)) {
            probe.start(session);
            session.play();
            SessionSnapshot done = probe.await(s -> s.state() == SessionState.FINISHED);
            assertEquals(StatisticsSource.TRAINING_BATCH, done.probe().source());
            session.recordFrom(StatisticsSource.PROBE_BATCH);
            ProbeFrame evaluation = probe.await(s -> s.probe().source() == StatisticsSource.PROBE_BATCH).probe();
            assertEquals(20, evaluation.iteration());
            session.recordFrom(StatisticsSource.TRAINING_BATCH);
            SessionSnapshot back = probe.await(s -> s.probeSource() == StatisticsSource.TRAINING_BATCH
                    && s.probe() != evaluation);
            assertEquals(StatisticsSource.TRAINING_BATCH, back.probe().source(),
                    "the last pass was the evaluation, but the last training batch's recording is kept");
            assertEquals(20, back.probe().iteration());
        }
    }

    @Test
    void closeReturnsAtOnceAndTheWorkerEndsAfterItsBatch() throws InterruptedException {
        SessionProbe probe = new SessionProbe();
        TrainingSession session = tinySession(tinySettings(MpbnMode.CHANNEL), probe);
        probe.start(session);
        session.play();
        probe.await(s -> s.iteration() >= 2);
        session.close();
        assertTrue(session.awaitTermination(60_000));
    }

    @Test
    void resetReturnsToTheSameInitialWeightsAndTheSameFirstBatches() throws InterruptedException {
        SessionProbe probe = new SessionProbe();
        try (TrainingSession session = tinySession(tinySettings(MpbnMode.CHANNEL), probe)) {
            session.start();
            ProbeFrame initial = probe.await(s -> s.state() == SessionState.READY).probe();
            probe.await(s -> s.curves().testLoss().size() == 1);
            session.step();
            session.step();
            double[] losses = probe.await(s -> s.iteration() == 2 && s.state() == SessionState.PAUSED)
                    .curves().trainLoss().values();
            session.reset();
            SessionSnapshot again = probe.await(s -> s.state() == SessionState.READY);
            probe.await(s -> s.curves().testLoss().size() == 1);
            assertEquals(0, again.curves().trainLoss().size());
            assertSameHistograms(initial, again.probe());
            session.step();
            session.step();
            double[] replayed = probe.await(s -> s.iteration() == 2 && s.state() == SessionState.PAUSED)
                    .curves().trainLoss().values();
            assertArrayEquals(losses, replayed, 0.0);
        }
    }

    @Test
    void switchingToRunningStatisticsReRecordsFromTheProbeBatch() throws InterruptedException {
        SessionProbe probe = new SessionProbe();
        try (TrainingSession session = tinySession(tinySettings(MpbnMode.CHANNEL), probe)) {
            probe.start(session);
            probe.step(session, 1);
            session.recordFrom(StatisticsSource.PROBE_BATCH);
            SessionSnapshot switched = probe.await(s -> s.probeSource() == StatisticsSource.PROBE_BATCH);
            assertEquals(StatisticsSource.PROBE_BATCH, switched.probe().source());
            assertEquals(1, switched.probe().iteration());
        }
    }

    private static void assertSameHistograms(ProbeFrame expected, ProbeFrame actual) {
        for (int l = 0; l < expected.layers().size(); l++) {
            LayerProbe a = expected.layers().get(l);
            LayerProbe b = actual.layers().get(l);
            for (int t = 0; t < a.timeSteps(); t++) {
                assertArrayEquals(a.histogram(MembraneQuantity.BEFORE_NORM, t, LayerProbe.ALL_CHANNELS).counts(),
                        b.histogram(MembraneQuantity.BEFORE_NORM, t, LayerProbe.ALL_CHANNELS).counts());
                assertEquals(a.histogram(MembraneQuantity.AFTER_NORM, t, LayerProbe.ALL_CHANNELS).mean(),
                        b.histogram(MembraneQuantity.AFTER_NORM, t, LayerProbe.ALL_CHANNELS).mean(), 0.0);
            }
        }
    }
}
