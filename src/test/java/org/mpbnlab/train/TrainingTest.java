package org.mpbnlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.DatasetOptions;
import org.mpbnlab.data.DatasetRegistry;
import org.mpbnlab.snn.ArrayValues;
import org.mpbnlab.snn.LifParameters;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.MpbnParameters;
import org.mpbnlab.snn.RunningStatsMode;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Whole training runs: determinism, learning, divergence. */
class TrainingTest {

    static RunSettings settings(String dataset, String arch, MpbnMode mode, int epochs, double lr, long seed) {
        return new RunSettings(dataset, arch, 4, LifParameters.defaults(),
                MpbnParameters.of(mode, RunningStatsMode.SHARED), null,
                new TrainingConfig(epochs, 64, "adam", lr, 0, LearningRateSchedule.COSINE, seed));
    }

    static Dataset glyphs(int train, int test) {
        return DatasetRegistry.standard().load("glyphs", DatasetOptions.defaults().withSizes(train, test));
    }

    @Test
    void theSameSeedGivesBitIdenticalWeightsLossesAndAccuracies() {
        Dataset data = glyphs(640, 128);
        TrainingRun a = TrainingRun.create(settings("glyphs", "mlp", MpbnMode.CHANNEL, 1, 1e-3, 9), data);
        TrainingRun b = TrainingRun.create(settings("glyphs", "mlp", MpbnMode.CHANNEL, 1, 1e-3, 9), data);
        EpochMetrics ma = a.trainer().trainEpoch();
        EpochMetrics mb = b.trainer().trainEpoch();
        assertEquals(ma.trainLoss(), mb.trainLoss(), 0.0);
        assertEquals(ma.testAccuracy(), mb.testAccuracy(), 0.0);
        Map<String, INDArray> sa = a.network().state();
        Map<String, INDArray> sb = b.network().state();
        sa.forEach((name, array) -> assertArrayEquals(ArrayValues.read(array),
                ArrayValues.read(sb.get(name)), 0.0, name));
        TrainingRun c = TrainingRun.create(settings("glyphs", "mlp", MpbnMode.CHANNEL, 1, 1e-3, 10), data);
        assertTrue(c.trainer().trainEpoch().trainLoss() != ma.trainLoss(), "another seed should train differently");
    }

    @Test
    void mlpWithMpbnLearnsGlyphsWellAboveChanceInOneShortEpoch() {
        // 4000 samples, 1 epoch: well above chance (10%); full runs are in the README
        TrainingRun run = TrainingRun.create(settings("glyphs", "mlp", MpbnMode.CHANNEL, 1, 2e-3, 0), glyphs(4000, 1000));
        EpochMetrics m = run.trainer().trainEpoch();
        assertTrue(m.testAccuracy() >= 0.60, "test accuracy " + m.testAccuracy());
        assertTrue(run.trainer().finished());
    }

    @Test
    void tinyMlpLearnsSpiralsWithPerStepMpbnStatistics() {
        // shared running statistics average the steps' different membrane distributions, which on
        // spirals costs a lot in evaluation mode; per-step statistics do not (docs/benchmarks.md)
        Dataset spirals = DatasetRegistry.standard().load("spirals", DatasetOptions.defaults());
        RunSettings base = settings("spirals", "mlp-2d", MpbnMode.CHANNEL, 10, 3e-2, 0);
        RunSettings perStep = new RunSettings(base.dataset(), base.arch(), base.timeSteps(), base.lif(),
                MpbnParameters.of(MpbnMode.CHANNEL, RunningStatsMode.PER_STEP), null, base.training());
        TrainingRun run = TrainingRun.create(perStep, spirals);
        List<EpochMetrics> history = null;
        while (!run.trainer().finished()) {
            run.trainer().trainBatch();
        }
        history = run.trainer().history();
        assertTrue(history.get(history.size() - 1).testAccuracy() >= 0.80,
                "spirals accuracy " + history.get(history.size() - 1).testAccuracy());
    }

    @Test
    void aDivergingRunStopsWithAMessageAndKeepsTheLastGoodWeights() {
        TrainingRun run = TrainingRun.create(settings("glyphs", "mlp", MpbnMode.OFF, 50, 1e38, 1), glyphs(640, 64));
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> {
            while (true) {
                run.trainer().trainBatch();
            }
        });
        assertTrue(e.getMessage().contains("lower the learning rate"), e.getMessage());
        run.network().state().forEach((name, array) -> {
            for (double v : ArrayValues.read(array)) {
                assertTrue(Double.isFinite(v), name + " holds a non-finite value after restore");
            }
        });
    }

    @Test
    void impossibleSettingsAreRefusedWithTheOptionName() {
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(1, 64, "adam", -1, 0,
                LearningRateSchedule.CONSTANT, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingRun.create(new RunSettings("glyphs", "mlp", 4, LifParameters.defaults(),
                        MpbnParameters.off(), null, new TrainingConfig(1, 5000, "adam", 1e-3, 0,
                        LearningRateSchedule.CONSTANT, 0)), glyphs(640, 64)));
        assertTrue(e.getMessage().contains("--batch"), e.getMessage());
    }
}
