package org.mpbnlab.app.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.train.ModelFile;

/**
 * Save model and Save model as: a run's network written to a model file, and which file each run's weights are in.
 * Plain Java with JavaFX properties; every method is called on the UI thread.
 *
 * <ul>
 *   <li><b>The file is remembered per run</b> ({@link RunFile}), for every run in the run list. A run opened from a
 *       model file (with that file's settings) is in that file; Save as puts it in the file chosen. Save then
 *       writes to that file without asking; a run with no file, or one whose file is a shipped sample model, asks
 *       (Save as). The properties show the current run's.</li>
 *   <li><b>Modified</b> means the run has trained (or was reset) since its weights were last saved or opened: the
 *       iteration of the weights differs from the saved one. It stays set until the next save.</li>
 *   <li><b>A consistent snapshot, off the UI thread.</b> The current run's worker copies the network between two
 *       batches ({@link org.mpbnlab.session.RunControl#copyModel}), training goes on, and the copy is written on
 *       the writer executor by {@link ModelFile#save} (what {@code train --out} uses), atomically. An earlier run's
 *       weights are the copy it ended with ({@link RunRecord#lastWeights()}).</li>
 *   <li><b>Nothing trained is dropped without a question.</b> Quit asks once about every run with unsaved
 *       training, and removing such a run from the list asks about it (Save / Don't save / Cancel).</li>
 *   <li><b>Errors</b> become one message in the user's words ({@link SaveProblems}); the run, its weights
 *       and an earlier file stay as they were.</li>
 * </ul>
 */
public final class ModelSaving {

    /** Writes a run's weights to a model file. */
    @FunctionalInterface
    public interface ModelWriter {
        void write(Path file, RunWeights weights) throws IOException;
    }

    /** The model file format's writer, as {@code train --out} saves. */
    public static final ModelWriter MODEL_FILE = (file, weights) -> ModelFile.save(file, weights.network(),
            weights.info());

    /** What the user answers when unsaved training would be dropped (quitting, or removing a run). */
    public enum Answer { SAVE, DISCARD, CANCEL }

    /** A failed save: a heading and what happened, with what to do. */
    public record Problem(String heading, String message) {
    }

    private static final String EXTENSION = ".zip";

    private final TrainViewModel train;
    private final Executor writer;
    private final Executor ui;
    private final ModelWriter modelWriter;
    private final Predicate<Path> shipped;
    private final Path homeFolder;
    private SaveDialog dialog = (folder, name, title) -> Optional.empty();
    /** Asks before a run with unsaved training is removed; keeps the run until a view says how to ask. */
    private Function<String, Answer> question = text -> Answer.CANCEL;

    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper(this, "modified");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    /** The state of a run trained and never saved (the room its note keeps in the Train view). */
    static final String NOT_SAVED = "Trained, not saved: Save model (Ctrl+S) writes it to a file.";

    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "");
    private final StringBinding title;

    /** Every run in the run list and its file. */
    private final Map<RunRecord, RunFile> files = new HashMap<>();
    /** The current run (once its first snapshot arrived); the properties show its file. */
    private RunRecord run;
    /** The run being written, while {@link #saving} is set. */
    private RunRecord writing;
    /** The folder a model was last saved to or opened from in this session: where Open and Save as start. */
    private Path lastFolder;
    private CompletableFuture<Boolean> pending = CompletableFuture.completedFuture(true);

    /**
     * @param writer      where files are written (never the UI thread in the app)
     * @param ui          runs tasks on the UI thread ({@code Platform::runLater} in the app, direct in tests)
     * @param modelWriter how a copy becomes a file ({@link #MODEL_FILE})
     * @param shipped     true for a shipped sample model, which Save does not overwrite
     * @param homeFolder  where Save as starts when nothing better is known
     */
    public ModelSaving(TrainViewModel train, Executor writer, Executor ui, ModelWriter modelWriter,
                       Predicate<Path> shipped, Path homeFolder) {
        this.train = train;
        this.writer = writer;
        this.ui = ui;
        this.modelWriter = modelWriter;
        this.shipped = shipped;
        this.homeFolder = homeFolder;
        title = Bindings.createStringBinding(this::titleText, file, modified, state);
        train.snapshotProperty().addListener((obs, old, now) -> follow());
        train.runs().addListener((ListChangeListener<RunRecord>) change -> follow());
        train.savesWith(this);
        follow();
    }

    /** Where Save as asks: a native dialog in the app, an answer of their own in tests. */
    public void setDialog(SaveDialog dialog) {
        this.dialog = dialog;
    }

    /** How to ask before a run with unsaved training is removed from the run list (a dialog in the app). */
    public void setQuestion(Function<String, Answer> question) {
        this.question = question;
    }

    /**
     * Save model (Ctrl+S): writes the current run's weights to its file, or asks for one (Save as) when the run
     * has no file or its file is a shipped sample. The future completes (after the UI is updated) with true
     * when the file was written.
     */
    public CompletableFuture<Boolean> save() {
        return run == null ? CompletableFuture.completedFuture(false) : save(files.get(run));
    }

    /** Save model as (Ctrl+Shift+S): asks for a file, then writes; false when the user cancelled. */
    public CompletableFuture<Boolean> saveAs() {
        return run == null ? CompletableFuture.completedFuture(false) : saveAs(files.get(run));
    }

    private CompletableFuture<Boolean> save(RunFile runFile) {
        if (runFile.file == null || shipped.test(runFile.file)) {
            return saveAs(runFile);
        }
        return write(runFile, runFile.file);
    }

    /** "Save run #2 glyphs · mlp · T8 … (weights and every setting)": the Save dialog says which run it saves. */
    static String dialogTitle(RunFile runFile) {
        return "Save run " + runFile.run.label() + " (weights and every setting)";
    }

    private CompletableFuture<Boolean> saveAs(RunFile runFile) {
        if (saving.get()) {
            return pending;
        }
        Optional<Path> chosen = dialog.choose(suggestedFolder(runFile), suggestedName(runFile), dialogTitle(runFile));
        return chosen.map(path -> write(runFile, withExtension(path))).orElse(CompletableFuture.completedFuture(false));
    }

    /**
     * Quit or close the window: asks {@code ask} once (with the question to show) when any run in the run list has
     * training that is not saved. The future completes with true when the window may close: nothing to save,
     * Don't save, or every such run saved (each asking for a file where it has none); false on Cancel, a
     * cancelled Save as, or a failed save.
     */
    public CompletableFuture<Boolean> mayClose(Function<String, Answer> ask) {
        List<RunFile> unsaved = train.runs().stream().map(files::get)
                .filter(runFile -> runFile != null && runFile.modified).toList();
        if (unsaved.isEmpty()) {
            return afterPendingWrite();
        }
        return switch (ask.apply(UnsavedQuestions.quitting(unsaved))) {
            case SAVE -> saveEach(unsaved);
            case DISCARD -> afterPendingWrite();
            case CANCEL -> CompletableFuture.completedFuture(false);
        };
    }

    /**
     * Before {@code removed} leaves the run list: asks (see {@link #setQuestion}) when it has unsaved training. True
     * when it may go: nothing to save, Don't save, or saved; false on Cancel or when the save did not happen.
     */
    public CompletableFuture<Boolean> mayRemove(RunRecord removed) {
        RunFile runFile = files.get(removed);
        if (runFile == null || !runFile.modified) {
            return CompletableFuture.completedFuture(true);
        }
        return switch (question.apply(UnsavedQuestions.removing(runFile))) {
            case SAVE -> save(runFile);
            case DISCARD -> CompletableFuture.completedFuture(true);
            case CANCEL -> CompletableFuture.completedFuture(false);
        };
    }

    /** Saves each run in turn, after a write under way; stops at the first that is not saved. */
    private CompletableFuture<Boolean> saveEach(List<RunFile> unsaved) {
        CompletableFuture<Boolean> all = afterPendingWrite();
        for (RunFile runFile : unsaved) {
            all = all.thenCompose(ok -> ok ? save(runFile) : CompletableFuture.completedFuture(false));
        }
        return all;
    }

    /** True once a write under way has ended (a file half written when the app exits would stay a temporary file). */
    private CompletableFuture<Boolean> afterPendingWrite() {
        return saving.get() ? pending.thenApply(written -> true) : CompletableFuture.completedFuture(true);
    }

    /** True when the current run has trained since it was last saved or opened. */
    public boolean hasUnsavedTraining() {
        return modified.get();
    }

    /** True when {@code of} (any run in the run list) has trained since it was last saved or opened. */
    public boolean hasUnsavedTraining(RunRecord of) {
        RunFile runFile = files.get(of);
        return runFile != null && runFile.modified;
    }

    /** The folder a model was last saved to or opened from in this session, if any. */
    public Optional<Path> lastFolder() {
        return Optional.ofNullable(lastFolder);
    }

    /** Remembers the folder of a model file just opened: Open and Save as start there next. */
    public void opened(Path modelFile) {
        Path folder = modelFile.toAbsolutePath().getParent();
        if (folder != null) {
            lastFolder = folder;
        }
    }

    private CompletableFuture<Boolean> write(RunFile runFile, Path target) {
        if (saving.get()) {
            return pending;
        }
        CompletableFuture<RunWeights> copy = weightsOf(runFile);
        writing = runFile.run;
        saving.set(true);
        problem.set(null);
        updateState();
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        copy.whenCompleteAsync((weights, copyFailure) -> {
            Runnable report;
            if (copyFailure != null) {
                String why = rootCause(copyFailure).getMessage();
                report = () -> failed(target, SaveProblems.noModel(why == null ? "the run ended" : why));
            } else {
                String refused = SaveProblems.beforeWriting(target);
                if (refused != null) {
                    report = () -> failed(target, refused);
                } else {
                    report = writeCopy(runFile, target, weights);
                }
            }
            ui.execute(() -> {
                report.run();
                saving.set(false);
                writing = null;
                updateState();
                done.complete(problem.get() == null);
            });
        }, writer);
        pending = done;
        return done;
    }

    /**
     * The weights to write for {@code runFile}: a fresh copy from the current run's worker, else the weights the run
     * ended with.
     */
    private CompletableFuture<RunWeights> weightsOf(RunFile runFile) {
        if (runFile.run == train.currentRun() && train.hasLiveRun()) {
            return train.copyCurrentModel().thenApply(RunWeights::of);
        }
        CompletableFuture<RunWeights> last = runFile.run.lastWeights();
        return last != null ? last : CompletableFuture.failedFuture(new IllegalStateException("the run has stopped"));
    }

    /** Writes {@code weights} (on the writer thread); returns what to report on the UI thread. */
    private Runnable writeCopy(RunFile runFile, Path target, RunWeights weights) {
        try {
            modelWriter.write(target, weights);
            return () -> saved(runFile, target, weights.iteration());
        } catch (IOException e) {
            return () -> failed(target, SaveProblems.whileWriting(target, e));
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? "an unexpected error" : e.getMessage();
            return () -> failed(target, "The model could not be written (" + reason + "). Choose another folder "
                    + "and save again. Nothing was lost: the run and its weights are unchanged.");
        }
    }

    private void saved(RunFile runFile, Path target, long iteration) {
        lastFolder = target.toAbsolutePath().getParent();
        runFile.file = target;
        runFile.openedOnly = false;
        runFile.savedIteration = iteration;
        SessionSnapshot now = train.snapshotProperty().get();
        boolean liveAndCurrent = runFile.run == run && train.hasLiveRun();
        runFile.modified = liveAndCurrent ? now != null && now.iteration() != iteration
                : runFile.lastIteration >= 0 && runFile.lastIteration != iteration;
        show();
    }

    private void failed(Path target, String message) {
        problem.set(new Problem(SaveProblems.heading(target), message));
    }

    /**
     * Follows the run list and the current run: a new run starts with its own file (or none), the replaced one
     * keeps its file and learns from the copy it ended with whether it is saved; training marks a run modified.
     */
    private void follow() {
        files.keySet().retainAll(train.runs());
        RunRecord current = train.currentRun();
        if (current != run) {
            RunFile replaced = run == null ? null : files.get(run);
            if (replaced != null) {
                awaitLastWeights(replaced);
            }
            run = current;
            if (current != null) {
                files.computeIfAbsent(current, r -> new RunFile(r, train.openedFromFile(r) ? r.plan().startingModel()
                        : null));
            }
            problem.set(null);
            show();
            return; // the snapshot shown is still the previous run's: the new run's own come next
        }
        RunFile runFile = run == null ? null : files.get(run);
        SessionSnapshot now = train.snapshotProperty().get();
        if (runFile != null && train.hasLiveRun()) {
            if (now != null && now.state() == SessionState.FAILED) {
                runFile.modified = false; // a failed run has no weights to save
            } else if (now != null && now.state() != SessionState.PREPARING && backAtItsStart(runFile, now.iteration())) {
                runFile.modified = false;
            } else if (now != null && now.state() != SessionState.PREPARING && now.iteration() != runFile.savedIteration) {
                runFile.modified = true;
            }
        }
        show();
    }

    /**
     * True when a run at {@code iteration} 0 (not trained yet, or Reset) holds exactly its starting weights — the
     * seed's random ones or those of the file it started from — and has no file of its own with other weights:
     * there is no training to save or to lose.
     */
    private static boolean backAtItsStart(RunFile runFile, long iteration) {
        return iteration == 0 && (runFile.file == null || runFile.openedOnly);
    }

    /** A replaced run is modified when the weights it ended with are not those of its file; nothing to save if none. */
    private void awaitLastWeights(RunFile replaced) {
        CompletableFuture<RunWeights> last = replaced.run.lastWeights();
        if (last == null) {
            replaced.modified = false;
            return;
        }
        last.whenCompleteAsync((weights, failure) -> {
            if (weights == null) {
                replaced.modified = false;
            } else {
                replaced.lastIteration = weights.iteration();
                replaced.modified = !backAtItsStart(replaced, weights.iteration())
                        && (replaced.modified || weights.iteration() != replaced.savedIteration);
            }
            show();
        }, ui);
    }

    /** The properties show the current run's file. */
    private void show() {
        RunFile runFile = run == null ? null : files.get(run);
        file.set(runFile == null ? null : runFile.file);
        modified.set(runFile != null && runFile.modified);
        updateState();
    }

    private void updateState() {
        state.set(stateText());
    }

    /** The line under the run controls: which file the weights are in, and whether they are saved. */
    private String stateText() {
        if (saving.get()) {
            return "Saving the weights of run #" + writing.number() + "…";
        }
        if (problem.get() != null) {
            return problem.get().heading() + ": " + problem.get().message();
        }
        RunFile runFile = run == null ? null : files.get(run);
        if (runFile == null) {
            return "";
        }
        Path target = runFile.file;
        if (target == null) {
            return runFile.modified ? NOT_SAVED
                    : "Not in a file yet: Save model (Ctrl+S) writes it to one.";
        }
        String name = target.getFileName().toString();
        if (!runFile.modified) {
            return runFile.openedOnly ? "As opened from " + target.toAbsolutePath() + "; not trained since."
                    : String.format(Locale.ROOT, "Saved in %s (iteration %d).", target.toAbsolutePath(),
                            runFile.savedIteration);
        }
        return shipped.test(target)
                ? "Modified since the sample " + name + ": Save model asks for a new file (the sample stays as shipped)."
                : "Modified since " + name + " was " + (runFile.openedOnly ? "opened" : "saved")
                        + ": Save model (Ctrl+S) writes it there.";
    }

    /** The window title: the model's file (or run) and whether its weights are saved. */
    private String titleText() {
        if (run == null) {
            return "";
        }
        String name = file.get() == null ? "run #" + run.number() + " (not saved)" : file.get().getFileName().toString();
        return modified.get() ? name + " — modified" : name;
    }

    /**
     * Save as starts in the folder of the run's own file (not the samples'), else where a model was last saved or
     * opened (unless that is the samples' folder), else home.
     */
    private Path suggestedFolder(RunFile runFile) {
        Path target = runFile.file;
        if (target != null && !shipped.test(target) && target.toAbsolutePath().getParent() != null) {
            return target.toAbsolutePath().getParent();
        }
        if (lastFolder != null && !shipped.test(lastFolder.resolve(suggestedName(runFile)))) {
            return lastFolder;
        }
        return homeFolder;
    }

    /** The run's file name, else one made of its data set, network and number, e.g. {@code glyphs-mlp-run2.zip}. */
    private static String suggestedName(RunFile runFile) {
        if (runFile.file != null) {
            return runFile.file.getFileName().toString();
        }
        RunRecord of = runFile.run;
        String dataset = Path.of(of.plan().settings().dataset()).getFileName().toString();
        String stem = (dataset + "-" + of.plan().settings().arch()).replaceAll("[^A-Za-z0-9._-]", "_");
        return stem + "-run" + of.number() + EXTENSION;
    }

    /** A chosen name without an extension gets {@code .zip} (native dialogs do not add it). */
    static Path withExtension(Path chosen) {
        Path name = chosen.getFileName();
        if (name == null || name.toString().contains(".")) {
            return chosen;
        }
        return chosen.resolveSibling(name + EXTENSION);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The file the current run's weights are in (opened from or saved to), or null when none. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** True when the current run trained (or was reset) since its weights were saved or opened. */
    public ReadOnlyBooleanProperty modifiedProperty() {
        return modified.getReadOnlyProperty();
    }

    /** True while a copy is being taken and written. */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** The last save's failure (heading and message), or null; cleared by the next save or a new run. */
    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** One line for the Train view: the file, whether it is saved, saving…, or why a save failed. */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The window title's first part, e.g. "lesson.zip — modified" or "run #2 (not saved)"; empty before a run. */
    public StringBinding titleProperty() {
        return title;
    }

    /** The training iteration of the weights in {@link #fileProperty()}. */
    public long savedIteration() {
        RunFile runFile = run == null ? null : files.get(run);
        return runFile == null ? 0 : runFile.savedIteration;
    }
}
