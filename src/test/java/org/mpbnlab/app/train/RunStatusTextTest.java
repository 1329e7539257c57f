package org.mpbnlab.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpbnlab.probe.StatisticsSource;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.session.TestMeasurement;
import org.mpbnlab.session.TrainingCurves;
import org.mpbnlab.train.settings.RunSettings;

/** The run's status line says what the test accuracy beside the iteration was measured on, and when (T4). */
class RunStatusTextTest {

    private static SessionSnapshot paused(long iteration, TestMeasurement test) {
        return new SessionSnapshot(RunPlan.fromRandomWeights(RunSettings.defaults()), SessionState.PAUSED, iteration,
                374, (int) (iteration / 187), TrainingCurves.empty(), List.of(), null, List.of(),
                StatisticsSource.TRAINING_BATCH, 0, "", test);
    }

    @Test
    void aSubsetFigureFromAnOlderIterationSaysSo() {
        assertEquals("paused · iteration 168 of 374 · epoch 0 · test accuracy 85.2\u00a0% (first 256 test samples, "
                + "iteration 150)", RunStatusText.describe(paused(168, new TestMeasurement(150, 256, 2000, 0.852, 0.4))));
    }

    @Test
    void anEpochsEndFigureSaysAllTestSamples() {
        assertEquals("paused · iteration 190 of 374 · epoch 1 · test accuracy 84.6\u00a0% (all 2 000 test samples, "
                + "iteration 187)", RunStatusText.describe(paused(190, new TestMeasurement(187, 2000, 2000, 0.846, 0.5))));
    }

    @Test
    void beforeAnyMeasurementNoTestAccuracyIsClaimed() {
        assertEquals("paused · iteration 0 of 374 · epoch 0", RunStatusText.describe(paused(0, null)));
    }
}
