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
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.SettingsTable;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Whole training runs: determinism, learning, divergence. */
class TrainingTest {

    static RunSettings settings(String dataset, String arch, MpbnMode mode, int epochs, double lr, long seed) {
        return RunSettings.defaults().with(SettingsTable.DATASET, dataset).with(SettingsTable.ARCH, arch)
                .with(SettingsTable.MPBN, mode.id()).with(SettingsTable.EPOCHS, epochs)
                .with(SettingsTable.LEARNING_RATE, lr).with(SettingsTable.SEED, seed);
    }

    static Dataset glyphs(int train, int test) {
        return DatasetRegistry.standard().load("glyphs", DatasetOptions.defaults().withSizes(train, test));
    }

    @Test
    void theSameSeedGivesBitIdenticalWeightsLossesAndAccuracies() {
        Dataset data = glyphs(640, 128);
        TrainingRun a = RunFactory.create(settings("glyphs", "mlp", MpbnMode.CHANNEL, 1, 1e-3, 9), data);
        TrainingRun b = RunFactory.create(settings("glyphs", "mlp", MpbnMode.CHANNEL, 1, 1e-3, 9), data);
        EpochMetrics ma = a.trainer().trainEpoch();
        EpochMetrics mb = b.trainer().trainEpoch();
        assertEquals(ma.trainLoss(), mb.trainLoss(), 0.0);
        assertEquals(ma.testAccuracy(), mb.testAccuracy(), 0.0);
        Map<String, INDArray> sa = a.network().state();
        Map<String, INDArray> sb = b.network().state();
        sa.forEach((name, array) -> assertArrayEquals(ArrayValues.read(array),
                ArrayValues.read(sb.get(name)), 0.0, name));
        TrainingRun c = RunFactory.create(settings("glyphs", "mlp", MpbnMode.CHANNEL, 1, 1e-3, 10), data);
        assertTrue(c.trainer().trainEpoch().trainLoss() != ma.trainLoss(), "another seed should train differently");
    }

    @Test
    void mlpWithMpbnLearnsGlyphsWellAboveChanceInOneShortEpoch() {
        // 4000 samples, 1 epoch: well above chance (10%); full runs are in the README
        TrainingRun run = RunFactory.create(settings("glyphs", "mlp", MpbnMode.CHANNEL, 1, 2e-3, 0), glyphs(4000, 1000));
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
        RunSettings perStep = base.with(SettingsTable.MPBN_STATS, "per-step");
        TrainingRun run = RunFactory.create(perStep, spirals);
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
        // a learning rate far beyond the settings' limit of 10, given to the trainer directly
        TrainingRun run = RunFactory.create(settings("glyphs", "mlp", MpbnMode.OFF, 50, 1e-3, 1), glyphs(640, 64));
        Trainer trainer = new Trainer(run.network(), run.dataset(), run.feeder(),
                new TrainingConfig(50, 64, "adam", 1e38, 0, LearningRateSchedule.COSINE, 1));
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> {
            while (true) {
                trainer.trainBatch();
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
                () -> RunFactory.create(settings("glyphs", "mlp", MpbnMode.OFF, 1, 1e-3, 0)
                        .with(SettingsTable.BATCH, 500), glyphs(320, 64)));
        assertTrue(e.getMessage().contains("--batch"), e.getMessage());
    }
}
