package org.mpbnlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpbnlab.io.ModelFileException;
import org.mpbnlab.probe.StatisticsSource;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.SettingsTable;

class SampleModelsTest {

    private static final Path SAMPLE = Path.of("sample-models", SampleModels.PREFERRED);

    @Test
    void readsTheSettingsAModelWasTrainedWith() throws ModelFileException {
        RunPlan plan = SampleModels.planOf(SAMPLE);
        RunSettings settings = plan.settings();
        assertEquals("glyphs", settings.dataset());
        assertEquals("mlp", settings.arch());
        assertEquals(MpbnMode.CHANNEL, settings.mpbnMode());
        assertEquals(2, settings.epochs());
        assertEquals("adam", settings.get(SettingsTable.OPTIMIZER));
        assertEquals(0.0, settings.get(SettingsTable.WEIGHT_DECAY));
        assertEquals("cosine", settings.get(SettingsTable.SCHEDULE));
        assertEquals(SAMPLE, plan.startingModel());
        assertTrue(plan.label().endsWith("from " + SampleModels.PREFERRED), plan.label());
    }

    @Test
    void findsThePreferredModelInTheFirstFolderThatHasIt(@TempDir Path empty) {
        assertEquals(Optional.empty(), SampleModels.find(List.of(empty)));
        assertEquals(SAMPLE.toAbsolutePath(), SampleModels.find(List.of(empty, Path.of("sample-models"))).orElseThrow());
    }

    @Test
    void refusesAFileThatIsNotAModel(@TempDir Path folder) throws Exception {
        Path junk = Files.writeString(folder.resolve("junk.zip"), "not a zip");
        assertThrows(ModelFileException.class, () -> SampleModels.planOf(junk));
    }

    @Test
    void aRunFromTheSampleStartsTrainedAndResetReturnsToItsWeights() throws Exception {
        RunPlan sample = SampleModels.planOf(SAMPLE);
        RunPlan plan = new RunPlan(sample.settings().with(SettingsTable.TRAIN_SAMPLES, 128)
                .with(SettingsTable.TEST_SAMPLES, 256), sample.startingModel());
        SessionProbe probe = new SessionProbe();
        try (TrainingSession session = new TrainingSession(plan, RegistryDataCatalog.standard(),
                new SessionPacing(0, 0, 5, 256, 0, 0), StatisticsSource.TRAINING_BATCH, probe)) {
            session.start();
            SessionSnapshot ready = probe.await(s -> s.state() == SessionState.READY
                    && s.curves().testAccuracy().size() == 1);
            double accuracy = ready.curves().testAccuracy().last();
            assertTrue(accuracy > 0.5, "a trained model classifies glyphs: " + accuracy);
            session.step();
            probe.await(s -> s.iteration() == 1);
            session.reset();
            SessionSnapshot again = probe.await(s -> s.state() == SessionState.READY
                    && s.curves().testAccuracy().size() == 1);
            assertEquals(accuracy, again.curves().testAccuracy().last(), 0.0);
        }
    }
}
