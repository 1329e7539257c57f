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
        saving.setDialog((start, name, title) -> {
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
        assertEquals("Saved in " + lesson.toAbsolutePath() + " (iteration 5).", saving.stateProperty().get(),
                "the folder in full: Open starts there next");
        assertEquals(Optional.of(folder.toAbsolutePath()), saving.lastFolder());
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
        assertEquals("As opened from " + own.toAbsolutePath() + "; not trained since.", saving.stateProperty().get());
        publish(SessionState.PAUSED, 4);
        assertTrue(saving.modifiedProperty().get());
        assertEquals("Modified since own.zip was opened: Save model (Ctrl+S) writes it there.",
                saving.stateProperty().get());
        saving.save();
        assertTrue(asked.isEmpty());
        deliver(copyAt(settings, 4));
        assertEquals(List.of(own), written);
        assertFalse(saving.modifiedProperty().get());
        assertEquals("Saved in " + own.toAbsolutePath() + " (iteration 4).", saving.stateProperty().get());

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
    void aFolderThatExistsButTakesNoFilesIsSaidToBeNotWritableNotMissing() {
        // /proc, for one: the folder is there, but making the temporary file in it fails with "no such file"
        String said = SaveProblems.whileWriting(folder.resolve("m.zip"),
                new java.nio.file.NoSuchFileException(folder.resolve(".m.zip.tmp").toString()));
        assertTrue(said.startsWith("MPBN Lab cannot write in the folder " + folder + " (it exists, but files cannot be"
                + " made in it). Choose a folder you can write to"), said);
        assertFalse(said.contains("does not exist"), said);
        assertTrue(said.endsWith("Nothing was lost: the run and its weights are unchanged."), said);
    }

    @Test
    void aResetRunIsBackAtItsStartingWeightsWithNothingToSaveOrAskAbout() {
        TrainViewModel train = train(RunPlan.fromRandomWeights(settings));
        ModelSaving saving = saving(train, (file, model) -> { });
        train.playPause();
        publish(SessionState.PAUSED, 3);
        assertEquals("Trained, not saved: Save model (Ctrl+S) writes it to a file.", saving.stateProperty().get());
        train.reset();
        publish(SessionState.READY, 0);
        assertFalse(saving.modifiedProperty().get(), "reset: the run holds its starting weights again");
        assertEquals("Not in a file yet: Save model (Ctrl+S) writes it to one.", saving.stateProperty().get());
        List<String> questions = new ArrayList<>();
        assertTrue(saving.mayClose(q -> {
            questions.add(q);
            return ModelSaving.Answer.CANCEL;
        }).getNow(false), "nothing trained since the reset: closes without asking");
        assertEquals(List.of(), questions);
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
            return ModelSaving.Answer.CANCEL;
        }).getNow(false), "nothing trained: closes without asking");
        assertTrue(questions.isEmpty());

        publish(SessionState.PAUSED, 12);
        assertFalse(saving.mayClose(q -> {
            questions.add(q);
            return ModelSaving.Answer.CANCEL;
        }).getNow(true));
        assertEquals(List.of("Run #1 has trained (iteration 12) and its weights are in no file yet. Save them before "
                + "quitting?"), questions);
        assertTrue(saving.mayClose(q -> ModelSaving.Answer.DISCARD).getNow(false));
        assertFalse(saving.mayClose(q -> ModelSaving.Answer.SAVE).getNow(true), "Save as cancelled: stays open");

        answer = Optional.of(folder.resolve("end.zip"));
        CompletableFuture<Boolean> close = saving.mayClose(q -> ModelSaving.Answer.SAVE);
        assertFalse(close.isDone(), "closes only once the file is written");
        deliver(copyAt(settings, 12));
        assertTrue(close.getNow(false));
        assertEquals(List.of(folder.resolve("end.zip")), written);
        assertTrue(saving.mayClose(q -> ModelSaving.Answer.CANCEL).getNow(false), "saved: no question");
        publish(SessionState.PAUSED, 13);
        saving.mayClose(q -> {
            questions.add(q);
            return ModelSaving.Answer.CANCEL;
        });
        assertEquals("Run #1 has trained (iteration 13) since it was saved in end.zip. Save its weights before "
                + "quitting?", questions.get(questions.size() - 1));

        saving.save();
        CompletableFuture<Boolean> discard = saving.mayClose(q -> ModelSaving.Answer.DISCARD);
        assertFalse(discard.isDone(), "a write under way ends before the window closes");
        deliver(copyAt(settings, 13));
        assertTrue(discard.getNow(false));
    }

    @Test
    void aFailedRunHasNothingToSaveAndTheRunShownAgainKeepsItsTrainedWeights() throws Exception {
        TrainViewModel train = train(RunPlan.fromRandomWeights(settings));
        List<Path> written = new ArrayList<>();
        ModelSaving saving = saving(train, (file, weights) -> written.add(file));
        train.playPause();
        publish(SessionState.PAUSED, 20);
        train.form().field(SettingsTable.SEED).textProperty().set("4");
        train.playPause();
        assertEquals(List.of("start", "play", "pause", "copy", "close"), sessions.get(0).commands,
                "the replaced run is paused and copied before its worker stops");
        sessions.get(0).copies.get(0).complete(copyAt(settings, 20));
        RecordingRunControl broken = sessions.get(1);
        broken.listener.published(new SessionSnapshot(broken.plan, SessionState.FAILED, 0, 0, 0,
                TrainingCurves.empty(), List.of(), null, List.of(), StatisticsSource.TRAINING_BATCH, 0, "no data"));
        assertFalse(saving.hasUnsavedTraining(), "a failed run has nothing to save");
        train.removeRun(train.currentRun());
        assertEquals(1, train.currentRun().number(), "back to run #1, whose worker was closed");
        assertTrue(saving.hasUnsavedTraining(), "its trained weights were kept when run #2 replaced it");
        answer = Optional.of(folder.resolve("first.zip"));
        assertTrue(saving.mayClose(q -> ModelSaving.Answer.SAVE).getNow(false));
        assertEquals(List.of(folder.resolve("first.zip")), written);
        assertEquals(20, saving.savedIteration());
        assertFalse(saving.hasUnsavedTraining());
    }

    /** Trains the current run to {@code iteration}, then starts the next with another seed; the old run's copy arrives. */
    private void trainThenReplace(TrainViewModel train, long iteration, long nextSeed) {
        publish(SessionState.PAUSED, iteration);
        RecordingRunControl replaced = sessions.get(sessions.size() - 1);
        RunSettings replacedSettings = replaced.plan.settings();
        train.form().field(SettingsTable.SEED).textProperty().set(String.valueOf(nextSeed));
        train.playPause();
        replaced.copies.get(replaced.copies.size() - 1).complete(copyAt(replacedSettings, iteration));
    }

    /** SV3: an earlier run's unsaved training is asked about at Quit with the current run's, and Save saves each. */
    @Test
    void quittingAsksOnceAboutEveryRunWithUnsavedTrainingAndSaveSavesEach() throws Exception {
        TrainViewModel train = train(RunPlan.fromRandomWeights(settings));
        ModelSaving saving = saving(train, ModelSaving.MODEL_FILE);
        List<String> titles = new ArrayList<>();
        saving.setDialog((start, name, title) -> {
            asked.add(start + " | " + name);
            titles.add(title);
            return Optional.of(folder.resolve(name));
        });
        train.playPause();
        trainThenReplace(train, 12, 4);
        publish(SessionState.PAUSED, 5);
        assertEquals(2, train.runs().size());
        assertTrue(saving.hasUnsavedTraining(train.runs().get(0)));

        List<String> questions = new ArrayList<>();
        assertFalse(saving.mayClose(q -> {
            questions.add(q);
            return ModelSaving.Answer.CANCEL;
        }).getNow(true), "Cancel keeps the window open");
        assertEquals(List.of("""
                2 runs have training that is not saved:
                • Run #1 has trained (iteration 12) and its weights are in no file yet.
                • Run #2 has trained (iteration 5) and its weights are in no file yet.
                Save saves each of them (asking for a file for a run that is in none); Don't save quits without them."""),
                questions);
        assertTrue(asked.isEmpty(), "Cancel saves nothing");
        assertEquals(2, train.runs().size(), "and keeps every run");

        CompletableFuture<Boolean> close = saving.mayClose(q -> ModelSaving.Answer.SAVE);
        assertEquals(List.of(folder + " | xor-mlp-2d-run1.zip", folder + " | xor-mlp-2d-run2.zip"), asked,
                "a file is asked for each run, in turn");
        // each dialog says which run it saves (issue 11: both were titled "Save the model")
        assertEquals(List.of("Save run " + train.runs().get(0).label() + " (weights and every setting)",
                "Save run " + train.runs().get(1).label() + " (weights and every setting)"), titles);
        assertTrue(titles.get(0).startsWith("Save run #1 ") && titles.get(1).startsWith("Save run #2 "), titles.toString());
        assertFalse(close.isDone(), "run #2's copy is still to come");
        CurrentModel runTwo = copyAt(settings.with(SettingsTable.SEED, 4L), 5);
        deliver(runTwo);
        assertTrue(close.getNow(false));
        assertSameWeights(copyAt(settings, 12).network().state(), folder.resolve("xor-mlp-2d-run1.zip"));
        assertSameWeights(runTwo.network().state(), folder.resolve("xor-mlp-2d-run2.zip"));
        assertFalse(saving.hasUnsavedTraining(train.runs().get(0)));
        assertTrue(saving.mayClose(q -> ModelSaving.Answer.CANCEL).getNow(false), "all saved: no question");
    }

    @Test
    void anEarlierRunThatWasSavedOrNeverTrainedIsNotAskedAbout() {
        TrainViewModel train = train(RunPlan.fromRandomWeights(settings));
        ModelSaving saving = saving(train, (file, weights) -> { });
        train.playPause();
        publish(SessionState.READY, 0);
        trainThenReplace(train, 0, 4);
        answer = Optional.of(folder.resolve("two.zip"));
        publish(SessionState.PAUSED, 7);
        saving.save();
        deliver(copyAt(settings.with(SettingsTable.SEED, 4L), 7));
        trainThenReplace(train, 7, 5);
        assertEquals(3, train.runs().size());
        assertFalse(saving.hasUnsavedTraining(train.runs().get(0)), "run #1 never trained");
        assertFalse(saving.hasUnsavedTraining(train.runs().get(1)), "run #2 is saved in two.zip");
        assertTrue(saving.mayClose(q -> ModelSaving.Answer.CANCEL).getNow(false));
    }

    @Test
    void removingARunWithUnsavedTrainingAsksAndCancelKeepsIt() throws Exception {
        TrainViewModel train = train(RunPlan.fromRandomWeights(settings));
        List<Path> written = new ArrayList<>();
        ModelSaving saving = saving(train, (file, weights) -> written.add(file));
        List<String> questions = new ArrayList<>();
        ModelSaving.Answer[] reply = {ModelSaving.Answer.CANCEL};
        saving.setQuestion(q -> {
            questions.add(q);
            return reply[0];
        });
        train.playPause();
        trainThenReplace(train, 30, 4);
        RunRecord first = train.runs().get(0);

        train.removeRun(first);
        assertEquals(List.of("Run #1 has trained (iteration 30) and its weights are in no file yet. Save them before "
                + "removing the run from the list?"), questions);
        assertTrue(train.runs().contains(first), "Cancel keeps the run and its weights");

        reply[0] = ModelSaving.Answer.SAVE;
        answer = Optional.of(folder.resolve("kept.zip"));
        train.removeRun(first);
        assertEquals(List.of(folder.resolve("kept.zip")), written, "Save writes the run's last weights first");
        assertFalse(train.runs().contains(first), "then removes it");

        trainThenReplace(train, 9, 5);
        RunRecord second = train.runs().get(0);
        reply[0] = ModelSaving.Answer.DISCARD;
        train.removeRun(second);
        assertFalse(train.runs().contains(second), "Don't save removes it");
        assertEquals(1, written.size());
    }

    @Test
    void beyondEightRunsTheOldestSavedRunIsDroppedNeverOneWithUnsavedTraining() {
        TrainViewModel train = train(RunPlan.fromRandomWeights(settings));
        ModelSaving saving = saving(train, (file, weights) -> { });
        train.playPause();
        trainThenReplace(train, 15, 100);
        for (int seed = 101; seed < 109; seed++) {
            trainThenReplace(train, 0, seed);
        }
        assertEquals(TrainViewModel.MAX_RUNS, train.runs().size());
        assertEquals(1, train.runs().get(0).number(), "run #1 has unsaved training: it stays");
        assertEquals(4, train.runs().get(1).number(), "runs #2 and #3, never trained, were dropped");
        assertTrue(saving.hasUnsavedTraining(train.runs().get(0)));
    }

    @Test
    void saveAsStartsWhereAModelWasLastOpenedUnlessThatIsTheSamplesFolder() throws Exception {
        Path lessons = Files.createDirectory(folder.resolve("lessons"));
        Path own = lessons.resolve("own.zip");
        Files.copy(SAMPLE, own);
        TrainViewModel train = train(RunPlan.fromRandomWeights(settings));
        ModelSaving saving = saving(train, (file, weights) -> { });
        train.playPause();
        saving.opened(SAMPLE);
        saving.saveAs();
        saving.opened(own);
        assertEquals(Optional.of(lessons.toAbsolutePath()), saving.lastFolder());
        saving.saveAs();
        assertEquals(List.of(folder + " | xor-mlp-2d-run1.zip", lessons.toAbsolutePath() + " | xor-mlp-2d-run1.zip"),
                asked);
    }

    @Test
    void aNameWithoutExtensionGetsZip() {
        assertEquals(Path.of("a", "m.zip"), ModelSaving.withExtension(Path.of("a", "m")));
        assertEquals(Path.of("a", "m.model"), ModelSaving.withExtension(Path.of("a", "m.model")));
        assertNotNull(ModelSaving.withExtension(Path.of("m.zip")));
    }
}
