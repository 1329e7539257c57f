package org.mpbnlab.app.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpbnlab.session.RegistryDataCatalog;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SampleModels;
import org.mpbnlab.session.SessionFactory;
import org.mpbnlab.session.SessionPacing;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.snn.ArrayValues;
import org.mpbnlab.train.ModelFile;
import org.mpbnlab.train.RunFactory;
import org.mpbnlab.train.TrainingRun;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.SettingsTable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Issue 11, item 13: Save while a real run trains. The file must hold the weights of one whole iteration k (exactly
 * those of the same settings trained k batches by {@code RunFactory}, as {@code train} does), never a mix of two,
 * and the run must go on training. The view model runs on a single "UI" thread; the test waits for its futures and
 * snapshots, never for a time.
 */
class SaveWhileTrainingTest {

    private static final RunSettings SETTINGS = RunSettings.defaults().with(SettingsTable.DATASET, "xor")
            .with(SettingsTable.ARCH, "mlp-2d").with(SettingsTable.TIME_STEPS, 3).with(SettingsTable.OPTIMIZER, "adam")
            .with(SettingsTable.LEARNING_RATE, 0.01).with(SettingsTable.BATCH, 16).with(SettingsTable.EPOCHS, 200)
            .with(SettingsTable.SEED, 7L).with(SettingsTable.TRAIN_SAMPLES, 320).with(SettingsTable.TEST_SAMPLES, 64);

    @TempDir
    Path folder;

    @Test
    void theFileHoldsOneWholeIterationAndTheRunGoesOn() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        TrainViewModel[] made = new TrainViewModel[1];
        try {
            BlockingQueue<SessionSnapshot> snapshots = new LinkedBlockingQueue<>();
            RegistryDataCatalog catalog = RegistryDataCatalog.standard();
            SessionFactory sessions = SessionFactory.of(catalog, new SessionPacing(0, 0, 1000, 64, 0, 0));
            Path target = folder.resolve("live.zip");
            TrainViewModel train = ui.submit(() -> new TrainViewModel(catalog, sessions, ui,
                    RunPlan.fromRandomWeights(SETTINGS))).get();
            made[0] = train;
            ModelSaving saving = ui.submit(() -> {
                ModelSaving s = new ModelSaving(train, writer, ui, ModelSaving.MODEL_FILE, file -> false, folder);
                s.setDialog((start, name, title) -> Optional.of(target));
                train.snapshotProperty().addListener((obs, old, now) -> {
                    if (now != null) {
                        snapshots.add(now);
                    }
                });
                train.playPause();
                return s;
            }).get();
            awaitIteration(snapshots, 10);

            boolean written = ui.submit(saving::save).get().get(120, TimeUnit.SECONDS);
            assertTrue(written, () -> String.valueOf(saving.problemProperty().get()));
            long saved = ui.submit(saving::savedIteration).get();
            assertTrue(saved >= 10, "saved at iteration " + saved);
            SessionSnapshot later = awaitIteration(snapshots, saved + 5);
            assertEquals(SessionState.RUNNING, later.state(), "the run trains on after the save");
            assertTrue(ui.submit(() -> saving.modifiedProperty().get()).get(), "it has moved past the file");
            ui.submit(train::shutdown).get();

            TrainingRun replay = RunFactory.create(SETTINGS, catalog.load(SETTINGS));
            for (long i = 0; i < saved; i++) {
                replay.trainer().trainBatch();
            }
            Map<String, INDArray> inFile = ModelFile.load(target).network().state();
            assertEquals(replay.network().state().keySet(), inFile.keySet());
            replay.network().state().forEach((name, array) -> assertArrayEquals(ArrayValues.readFloats(array),
                    ArrayValues.readFloats(inFile.get(name)), name + " at iteration " + saved));
            assertEquals(SETTINGS, SampleModels.planOf(target).settings(), "Open model restores every setting");
        } finally {
            if (made[0] != null) {
                // a run left open would hold the engine and keep the next test's runs waiting
                ui.submit(made[0]::shutdown).get();
            }
            ui.shutdownNow();
            writer.shutdownNow();
        }
    }

    /** The first snapshot at or past {@code iteration} (snapshots come at every batch with this pacing). */
    private static SessionSnapshot awaitIteration(BlockingQueue<SessionSnapshot> snapshots, long iteration)
            throws InterruptedException {
        while (true) {
            SessionSnapshot next = snapshots.poll(120, TimeUnit.SECONDS);
            assertNotNull(next, "no snapshot reached iteration " + iteration);
            if (next.iteration() >= iteration) {
                return next;
            }
        }
    }
}
