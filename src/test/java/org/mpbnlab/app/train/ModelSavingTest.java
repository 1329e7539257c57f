package org.mpbnlab.app.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.io.AtomicFiles;
import org.mpbnlab.probe.StatisticsSource;
import org.mpbnlab.session.CurrentModel;
import org.mpbnlab.session.RegistryDataCatalog;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SampleModels;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.session.TrainingCurves;
import org.mpbnlab.snn.ArrayValues;
import org.mpbnlab.train.ModelFile;
import org.mpbnlab.train.RunFactory;
import org.mpbnlab.train.TrainingRun;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.SettingsTable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Issue 11, item 13: Save model and Save model as, headless. Sessions only record commands; the copies they are
 * asked for are completed by hand with a real network, and everything runs on the test thread, so each save has
 * finished when {@code save()} returns.
 */
class ModelSavingTest {

    private static final Path SAMPLE = Path.of("sample-models", "glyphs-mlp-mpbn.zip");

    @TempDir
    Path folder;

    private final List<RecordingRunControl> sessions = new ArrayList<>();
    private final RunSettings settings = RunSettings.defaults().with(SettingsTable.DATASET, "xor")
            .with(SettingsTable.ARCH, "mlp-2d").with(SettingsTable.OPTIMIZER, "sgd")
            .with(SettingsTable.LEARNING_RATE, 0.1).with(SettingsTable.BATCH, 16).with(SettingsTable.SEED, 3L)
            .with(SettingsTable.TRAIN_SAMPLES, 320).with(SettingsTable.TEST_SAMPLES, 32)
            .with(SettingsTable.EPOCHS, 2);
    /** What the save dialog was asked: folder and proposed name, one entry per time it opened. */
    private final List<String> asked = new ArrayList<>();
    private Optional<Path> answer = Optional.empty();

    private TrainViewModel train(RunPlan first) {
        return new TrainViewModel(RegistryDataCatalog.standard(), RecordingRunControl.factory(sessions), Runnable::run,
                first);
    }

    private ModelSaving saving(TrainViewModel train, ModelSaving.ModelWriter writer) {
        ModelSaving saving = new ModelSaving(train, Runnable::run, Runnable::run, writer,
                file -> SampleModels.isIn(file, List.of(Path.of("sample-models"))), folder);
        saving.setDialog((start, name) -> {
            asked.add(start + " | " + name);
            return answer;
        });
        return saving;
    }

    private void publish(SessionState state, long iteration) {
        RecordingRunControl session = sessions.get(sessions.size() - 1);
        session.listener.published(new SessionSnapshot(session.plan, state, iteration, 100, 0, TrainingCurves.empty(),
                List.of(), null, List.of(), StatisticsSource.TRAINING_BATCH, 0, ""));
    }

    /** A real network of the run's settings, trained {@code iteration} batches, as the run's worker copies it. */
    private CurrentModel copyAt(RunSettings of, long iteration) {
        Dataset data = RegistryDataCatalog.standard().load(of);
        TrainingRun run = RunFactory.create(of, data);
        for (long i = 0; i < iteration; i++) {
            run.trainer().trainBatch();
        }
        return new CurrentModel(run.network(), run.info(), data, RunFactory.encoder(of, data), iteration);
    }

    /** The last copy the current session was asked for, completed with {@code model}. */
    private void deliver(CurrentModel model) {
        List<CompletableFuture<CurrentModel>> copies = sessions.get(sessions.size() - 1).copies;
        copies.get(copies.size() - 1).complete(model);
    }

    private static void assertSameWeights(Map<String, INDArray> expected, Path file) throws Exception {
        Map<String, INDArray> saved = ModelFile.load(file).network().state();
        assertEquals(expected.keySet(), saved.keySet());
        expected.forEach((name, array) -> assertArrayEquals(ArrayValues.readFloats(array),
                ArrayValues.readFloats(saved.get(name)), name));
    }

    @Test
    void aRunWithoutAFileAsksOnTheFirstSaveThenSavesThereWithoutAsking() throws Exception {
        TrainViewModel train = train(RunPlan.fromRandomWeights(settings));
        ModelSaving saving = saving(train, ModelSaving.MODEL_FILE);
        train.playPause();
        publish(SessionState.RUNNING, 5);
        assertNull(saving.fileProperty().get());
        assertTrue(saving.modifiedProperty().get());
        assertEquals("run #1 (not saved) — modified", saving.titleProperty().get());

        answer = Optional.of(folder.resolve("lesson"));
        CompletableFuture<Boolean> first = saving.save();
        assertEquals(List.of(folder + " | xor-mlp-2d-run1.zip"), asked, "no file yet: Save asks (Save as)");
        assertTrue(saving.savingProperty().get());
        assertEquals("Saving the weights of run #1…", saving.stateProperty().get());
        CurrentModel atFive = copyAt(settings, 5);
        deliver(atFive);
        assertTrue(first.getNow(false));
        Path lesson = folder.resolve("lesson.zip");
        assertEquals(lesson, saving.fileProperty().get(), "a name without extension gets .zip");
        assertSameWeights(atFive.network().state(), lesson);
        assertEquals(settings, SampleModels.planOf(lesson).settings(), "every setting is in the file");
        assertFalse(saving.modifiedProperty().get());
        assertEquals("Saved in lesson.zip (iteration 5).", saving.stateProperty().get());
        assertEquals("lesson.zip", saving.titleProperty().get());

        publish(SessionState.RUNNING, 9);
        assertTrue(saving.modifiedProperty().get(), "training changed the weights");
        assertEquals("lesson.zip — modified", saving.titleProperty().get());
        CompletableFuture<Boolean> second = saving.save();
        assertEquals(1, asked.size(), "the remembered file: no dialog");
        CurrentModel atNine = copyAt(settings, 9);
        deliver(atNine);
        assertTrue(second.getNow(false));
        assertSameWeights(atNine.network().state(), lesson);
        assertEquals(9, saving.savedIteration());
    }

    @Test
    void savingWhileTrainingGoesOnLeavesTheRunModified() {
        TrainViewModel train = train(RunPlan.fromRandomWeights(settings));
        List<Path> written = new ArrayList<>();
        ModelSaving saving = saving(train, (file, model) -> written.add(file));
        train.playPause();
        publish(SessionState.RUNNING, 3);
        answer = Optional.of(folder.resolve("m.zip"));
        saving.save();
        publish(SessionState.RUNNING, 7); // the run trains on while the copy of iteration 3 is written
        deliver(copyAt(settings, 3));
        assertEquals(List.of(folder.resolve("m.zip")), written);
        assertEquals(3, saving.savedIteration());
        assertTrue(saving.modifiedProperty().get(), "the file holds iteration 3, the run is at 7");
        assertEquals("Modified since m.zip was saved: Save model (Ctrl+S) writes it there.",
                saving.stateProperty().get());
        assertEquals(List.of("start", "play", "copy"), sessions.get(0).commands, "the run is never paused for it");
    }

    @Test
    void anOpenedModelIsInItsFileUntilItTrainsAndSaveThenWritesThereWithoutAsking() throws Exception {
        Path own = folder.resolve("own.zip");
        Files.copy(SAMPLE, own);
        TrainViewModel train = train(SampleModels.planOf(own));
        List<Path> written = new ArrayList<>();
        ModelSaving saving = saving(train, (file, model) -> written.add(file));
        train.prepareFirstRun();
        publish(SessionState.READY, 0);
        assertEquals(own, saving.fileProperty().get());
        assertFalse(saving.modifiedProperty().get(), "opened, not trained");
        assertEquals("own.zip", saving.titleProperty().get());
        assertEquals("As opened from own.zip; not trained since.", saving.stateProperty().get());
        publish(SessionState.PAUSED, 4);
        assertTrue(saving.modifiedProperty().get());
        assertEquals("Modified since own.zip was opened: Save model (Ctrl+S) writes it there.",
                saving.stateProperty().get());
        saving.save();
        assertTrue(asked.isEmpty());
        deliver(copyAt(settings, 4));
        assertEquals(List.of(own), written);
        assertFalse(saving.modifiedProperty().get());
        assertEquals("Saved in own.zip (iteration 4).", saving.stateProperty().get());

        train.reset();
        publish(SessionState.READY, 0);
        assertTrue(saving.modifiedProperty().get(), "back at the starting weights, which are not what own.zip holds");
    }

    @Test
    void theShippedSampleIsNotOverwrittenSaveAsksForANewFile() throws Exception {
        byte[] before = Files.readAllBytes(SAMPLE);
        TrainViewModel train = train(new RunPlan(SampleModels.planOf(SAMPLE).settings(), SAMPLE));
        List<Path> written = new ArrayList<>();
        ModelSaving saving = saving(train, (file, model) -> written.add(file));
        train.prepareFirstRun();
        publish(SessionState.PAUSED, 4);
        assertEquals(SAMPLE, saving.fileProperty().get());
        assertEquals("Modified since the sample glyphs-mlp-mpbn.zip: Save model asks for a new file (the sample "
                + "stays as shipped).", saving.stateProperty().get());
        CompletableFuture<Boolean> cancelled = saving.save();
        assertEquals(List.of(folder + " | glyphs-mlp-mpbn.zip"), asked, "asks, in the home folder, not sample-models/");
        assertFalse(cancelled.getNow(true));
        assertTrue(written.isEmpty());
        assertTrue(sessions.get(0).copies.isEmpty(), "a cancelled dialog asks the run for nothing");
        assertArrayEquals(before, Files.readAllBytes(SAMPLE));

        answer = Optional.of(folder.resolve("mine.zip"));
        saving.save();
        deliver(copyAt(settings, 4));
        assertEquals(List.of(folder.resolve("mine.zip")), written);
        assertEquals(folder.resolve("mine.zip"), saving.fileProperty().get());
    }

    @Test
    void aRunWithOtherSettingsThanItsFileIsInNoFile() throws Exception {
        Path own = folder.resolve("own.zip");
        Files.copy(SAMPLE, own);
        TrainViewModel train = train(SampleModels.planOf(own));
        ModelSaving saving = saving(train, (file, model) -> { });
        train.prepareFirstRun();
        assertEquals(own, saving.fileProperty().get());
        train.form().field(SettingsTable.EPOCHS).textProperty().set("7");
        train.playPause();
        assertEquals(2, train.currentRun().number());
        assertNull(saving.fileProperty().get(), "the file holds other settings: the first save asks");
        assertEquals("Not in a file yet: Save model (Ctrl+S) writes it to one.", saving.stateProperty().get());
    }

    @Test
    void openingAFileAfterTrainingShowsTheOpenedFileUnmodified() throws Exception {
        Path own = folder.resolve("own.zip");
        Files.copy(SAMPLE, own);
        TrainViewModel train = train(RunPlan.fromRandomWeights(settings));
        ModelSaving saving = saving(train, (file, model) -> { });
        train.playPause();
        publish(SessionState.PAUSED, 30);
        assertTrue(saving.modifiedProperty().get());
        train.open(SampleModels.planOf(own));
        assertEquals(own, saving.fileProperty().get());
        assertFalse(saving.modifiedProperty().get(), "the previous run's iteration 30 is not the opened run's");
        publish(SessionState.READY, 0);
        assertFalse(saving.modifiedProperty().get());
        assertEquals("own.zip", saving.titleProperty().get());
    }

    @Test
    void aFolderAsTheNameIsRefusedInTheUsersWordsAndNothingChanges() throws Exception {
        Path lessons = Files.createDirectory(folder.resolve("lessons.zip"));
        TrainViewModel train = train(RunPlan.fromRandomWeights(settings));
        ModelSaving saving = saving(train, ModelSaving.MODEL_FILE);
        train.playPause();
        publish(SessionState.RUNNING, 2);
        answer = Optional.of(lessons);
        CompletableFuture<Boolean> result = saving.save();
        deliver(copyAt(settings, 2));
        assertFalse(result.getNow(true));
        ModelSaving.Problem problem = saving.problemProperty().get();
        assertEquals("Could not save lessons.zip", problem.heading());
        assertEquals("'lessons.zip' is a folder. Choose a file name inside it, e.g. lessons.zip/model.zip. Nothing "
                + "was lost: the run and its weights are unchanged, and the folder is untouched.", problem.message());
        assertTrue(Files.isDirectory(lessons));
        assertNull(saving.fileProperty().get());
        assertTrue(saving.modifiedProperty().get());
        assertEquals(List.of("start", "play", "copy"), sessions.get(0).commands, "the run goes on untouched");
        assertTrue(saving.stateProperty().get().startsWith("Could not save lessons.zip: 'lessons.zip' is a folder"));
    }

    @Test
    void aMissingFolderOrAFileAsFolderSaysWhatToDo() throws Exception {
        TrainViewModel train = train(RunPlan.fromRandomWeights(settings));
        ModelSaving saving = saving(train, ModelSaving.MODEL_FILE);
        train.playPause();
        publish(SessionState.RUNNING, 1);
        answer = Optional.of(folder.resolve("gone").resolve("m.zip"));
        saving.save();
        deliver(copyAt(settings, 1));
        String missing = saving.problemProperty().get().message();
        assertEquals("The folder " + folder.resolve("gone") + " does not exist. Choose an existing folder and save "
                + "again. Nothing was lost: the run and its weights are unchanged.", missing);

        Path notes = Files.writeString(folder.resolve("notes.txt"), "x");
        answer = Optional.of(notes.resolve("m.zip"));
        saving.save();
        deliver(copyAt(settings, 1));
        String fileAsFolder = saving.problemProperty().get().message();
        assertTrue(fileAsFolder.startsWith("Part of the path " + notes + " is a file, not a folder."), fileAsFolder);
        for (String message : List.of(missing, fileAsFolder)) {
            assertFalse(message.contains("Exception") || message.contains("java."), message);
        }
    }

    @Test
    void aFullDiskLeavesTheEarlierFileWholeAndSaysWhatToDo() throws Exception {
        Path lesson = folder.resolve("lesson.zip");
        TrainViewModel train = train(RunPlan.fromRandomWeights(settings));
        boolean[] diskFull = {false};
        ModelSaving saving = saving(train, (file, model) -> {
            if (!diskFull[0]) {
                ModelSaving.MODEL_FILE.write(file, model);
                return;
            }
            // half the bytes reach the disk, then the disk is full: what AtomicFiles must keep from the target
            AtomicFiles.write(file, out -> {
                out.write("PK half a model".getBytes(StandardCharsets.US_ASCII));
                throw new IOException("No space left on device");
            });
        });
        train.playPause();
        publish(SessionState.RUNNING, 2);
        answer = Optional.of(lesson);
        saving.save();
        deliver(copyAt(settings, 2));
        byte[] saved = Files.readAllBytes(lesson);

        publish(SessionState.RUNNING, 6);
        diskFull[0] = true;
        CompletableFuture<Boolean> result = saving.save();
        deliver(copyAt(settings, 6));
        assertFalse(result.getNow(true));
        assertEquals("The disk is full. Free some space, or choose a folder on another disk, and save again. Nothing "
                + "was lost: the run and its weights are unchanged, and the existing lesson.zip is untouched.",
                saving.problemProperty().get().message());
        assertArrayEquals(saved, Files.readAllBytes(lesson), "the earlier file is whole");
        try (var files = Files.list(folder)) {
            assertEquals(List.of(lesson), files.toList(), "no temporary file is left behind");
        }
        assertEquals(2, saving.savedIteration());
        assertTrue(saving.modifiedProperty().get());

        diskFull[0] = false;
        saving.save();
        deliver(copyAt(settings, 6));
        assertNull(saving.problemProperty().get(), "the next save clears the message");
        assertEquals(6, saving.savedIteration());
    }

    @Test
    void aRunThatEndsBeforeItsCopyIsTakenSaysThereIsNothingToSave() {
        TrainViewModel train = train(RunPlan.fromRandomWeights(settings));
        ModelSaving saving = saving(train, (file, model) -> { });
        train.playPause();
        publish(SessionState.RUNNING, 2);
        answer = Optional.of(folder.resolve("m.zip"));
        saving.save();
        sessions.get(0).copies.get(0).completeExceptionally(new IllegalStateException("the run failed"));
        assertEquals("There is no trained network to save (the run failed). Start or open a run, then save again.",
                saving.problemProperty().get().message());
        assertFalse(saving.savingProperty().get());
    }

    @Test
    void quittingAsksOnlyWithUnsavedTrainingAndClosesOnlyWhenItMay() {
        TrainViewModel train = train(RunPlan.fromRandomWeights(settings));
        List<Path> written = new ArrayList<>();
        ModelSaving saving = saving(train, (file, model) -> written.add(file));
        train.playPause();
        publish(SessionState.READY, 0);
        List<String> questions = new ArrayList<>();
        assertTrue(saving.mayClose(q -> {
            questions.add(q);
            return ModelSaving.QuitChoice.CANCEL;
        }).getNow(false), "nothing trained: closes without asking");
        assertTrue(questions.isEmpty());

        publish(SessionState.PAUSED, 12);
        assertFalse(saving.mayClose(q -> {
            questions.add(q);
            return ModelSaving.QuitChoice.CANCEL;
        }).getNow(true));
        assertEquals(List.of("Run #1 has trained (iteration 12) and its weights are in no file yet. Save them before "
                + "quitting?"), questions);
        assertTrue(saving.mayClose(q -> ModelSaving.QuitChoice.DISCARD).getNow(false));
        assertFalse(saving.mayClose(q -> ModelSaving.QuitChoice.SAVE).getNow(true), "Save as cancelled: stays open");

        answer = Optional.of(folder.resolve("end.zip"));
        CompletableFuture<Boolean> close = saving.mayClose(q -> ModelSaving.QuitChoice.SAVE);
        assertFalse(close.isDone(), "closes only once the file is written");
        deliver(copyAt(settings, 12));
        assertTrue(close.getNow(false));
        assertEquals(List.of(folder.resolve("end.zip")), written);
        assertTrue(saving.mayClose(q -> ModelSaving.QuitChoice.CANCEL).getNow(false), "saved: no question");
        publish(SessionState.PAUSED, 13);
        saving.mayClose(q -> {
            questions.add(q);
            return ModelSaving.QuitChoice.CANCEL;
        });
        assertEquals("Run #1 has trained (iteration 13) since it was saved in end.zip. Save its weights before "
                + "quitting?", questions.get(questions.size() - 1));

        saving.save();
        CompletableFuture<Boolean> discard = saving.mayClose(q -> ModelSaving.QuitChoice.DISCARD);
        assertFalse(discard.isDone(), "a write under way ends before the window closes");
        deliver(copyAt(settings, 13));
        assertTrue(discard.getNow(false));
    }

    @Test
    void aRunWithoutWeightsNeverAsksBeforeQuitting() {
        TrainViewModel train = train(RunPlan.fromRandomWeights(settings));
        ModelSaving saving = saving(train, (file, model) -> { });
        train.playPause();
        publish(SessionState.PAUSED, 20);
        train.form().field(SettingsTable.SEED).textProperty().set("4");
        train.playPause();
        RecordingRunControl broken = sessions.get(1);
        broken.listener.published(new SessionSnapshot(broken.plan, SessionState.FAILED, 0, 0, 0,
                TrainingCurves.empty(), List.of(), null, List.of(), StatisticsSource.TRAINING_BATCH, 0, "no data"));
        assertFalse(saving.hasUnsavedTraining(), "a failed run has nothing to save");
        train.removeRun(train.currentRun());
        assertEquals(1, train.currentRun().number(), "back to run #1, whose worker was closed");
        assertFalse(saving.hasUnsavedTraining(), "its weights are gone with its worker: nothing to ask about");
        assertTrue(saving.mayClose(q -> ModelSaving.QuitChoice.CANCEL).getNow(false));
    }

    @Test
    void aNameWithoutExtensionGetsZip() {
        assertEquals(Path.of("a", "m.zip"), ModelSaving.withExtension(Path.of("a", "m")));
        assertEquals(Path.of("a", "m.model"), ModelSaving.withExtension(Path.of("a", "m.model")));
        assertNotNull(ModelSaving.withExtension(Path.of("m.zip")));
    }
}
