package org.mpbnlab.app.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
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
import org.mpbnlab.session.CurrentModel;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.train.ModelFile;

/**
 * Save model and Save model as: the current run's network written to a model file, and which file the run's
 * weights are in. Plain Java with JavaFX properties; every method is called on the UI thread.
 *
 * <ul>
 *   <li><b>The file is remembered per run.</b> A run opened from a model file (with that file's settings) is
 *       in that file; Save as puts it in the file chosen. Save then writes to that file without asking; a run
 *       with no file, or one whose file is a shipped sample model, asks (Save as).</li>
 *   <li><b>Modified</b> means the run has trained (or was reset) since its weights were last saved or
 *       opened: the iteration of the weights differs from the saved one. It stays set until the next save.</li>
 *   <li><b>A consistent snapshot, off the UI thread.</b> The run's worker copies the network between two
 *       batches ({@link org.mpbnlab.session.RunControl#copyModel}), training goes on, and the copy is written
 *       on the writer executor by {@link ModelFile#save} (what {@code train --out} uses), atomically.</li>
 *   <li><b>Errors</b> become one message in the user's words ({@link SaveProblems}); the run, its weights
 *       and an earlier file stay as they were.</li>
 * </ul>
 */
public final class ModelSaving {

    /** Writes a copy of a run's network to a model file. */
    @FunctionalInterface
    public interface ModelWriter {
        void write(Path file, CurrentModel model) throws IOException;
    }

    /** The model file format's writer, as {@code train --out} saves. */
    public static final ModelWriter MODEL_FILE = (file, model) -> ModelFile.save(file, model.network(), model.info());

    /** What the user answers when quitting with unsaved training. */
    public enum QuitChoice { SAVE, DISCARD, CANCEL }

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
    private SaveDialog dialog = (folder, name) -> Optional.empty();

    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper(this, "modified");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "");
    private final StringBinding title;

    /** The run whose file this is (the current run, once its first snapshot arrived). */
    private RunRecord run;
    /** The training iteration of the weights in {@link #file}. */
    private long savedIteration;
    /** True while {@link #file} is the file the run was opened from and this app has not saved it yet. */
    private boolean openedOnly;
    /** The folder of the last Save as, where the next one starts. */
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
        train.runs().addListener((javafx.collections.ListChangeListener<RunRecord>) change -> follow());
        follow();
    }

    /** Where Save as asks: a native dialog in the app, an answer of their own in tests. */
    public void setDialog(SaveDialog dialog) {
        this.dialog = dialog;
    }

    /**
     * Save model (Ctrl+S): writes the current run's weights to its file, or asks for one (Save as) when the run
     * has no file or its file is a shipped sample. The future completes (after the UI is updated) with true
     * when the file was written.
     */
    public CompletableFuture<Boolean> save() {
        Path target = file.get();
        if (target == null || shipped.test(target)) {
            return saveAs();
        }
        return write(target);
    }

    /** Save model as (Ctrl+Shift+S): asks for a file, then writes; false when the user cancelled. */
    public CompletableFuture<Boolean> saveAs() {
        if (saving.get()) {
            return pending;
        }
        Optional<Path> chosen = dialog.choose(suggestedFolder(), suggestedName());
        return chosen.map(path -> write(withExtension(path))).orElse(CompletableFuture.completedFuture(false));
    }

    /**
     * Quit or close the window: asks {@code ask} (with the question to show) only when the current run has
     * training that is not saved. The future completes with true when the window may close: nothing to save,
     * Don't save, or Save succeeded; false on Cancel, a cancelled Save as, or a failed save.
     */
    public CompletableFuture<Boolean> mayClose(Function<String, QuitChoice> ask) {
        if (!hasUnsavedTraining()) {
            return afterPendingWrite();
        }
        return switch (ask.apply(quitQuestion())) {
            case SAVE -> save();
            case DISCARD -> afterPendingWrite();
            case CANCEL -> CompletableFuture.completedFuture(false);
        };
    }

    /** True once a write under way has ended (a file half written when the app exits would stay a temporary file). */
    private CompletableFuture<Boolean> afterPendingWrite() {
        return saving.get() ? pending.thenApply(written -> true) : CompletableFuture.completedFuture(true);
    }

    /** True when the current run has trained since it was last saved or opened. */
    public boolean hasUnsavedTraining() {
        return modified.get();
    }

    private String quitQuestion() {
        SessionSnapshot now = train.snapshotProperty().get();
        String trained = "Run #" + run.number() + " has trained (iteration " + (now == null ? 0 : now.iteration()) + ")";
        Path target = file.get();
        if (target == null) {
            return trained + " and its weights are in no file yet. Save them before quitting?";
        }
        return trained + " since it was " + (openedOnly ? "opened from " : "saved in ") + target.getFileName()
                + ". Save its weights before quitting?";
    }

    private CompletableFuture<Boolean> write(Path target) {
        if (saving.get()) {
            return pending;
        }
        RunRecord forRun = run;
        CompletableFuture<CurrentModel> copy = train.copyCurrentModel();
        saving.set(true);
        problem.set(null);
        updateState();
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        copy.whenCompleteAsync((model, copyFailure) -> {
            Runnable report;
            if (copyFailure != null) {
                String why = rootCause(copyFailure).getMessage();
                report = () -> failed(target, SaveProblems.noModel(why == null ? "the run ended" : why));
            } else {
                String refused = SaveProblems.beforeWriting(target);
                if (refused != null) {
                    report = () -> failed(target, refused);
                } else {
                    report = writeCopy(forRun, target, model);
                }
            }
            ui.execute(() -> {
                report.run();
                saving.set(false);
                updateState();
                done.complete(problem.get() == null);
            });
        }, writer);
        pending = done;
        return done;
    }

    /** Writes {@code model} (on the writer thread); returns what to report on the UI thread. */
    private Runnable writeCopy(RunRecord forRun, Path target, CurrentModel model) {
        try {
            modelWriter.write(target, model);
            return () -> saved(forRun, target, model.iteration());
        } catch (IOException e) {
            return () -> failed(target, SaveProblems.whileWriting(target, e));
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? "an unexpected error" : e.getMessage();
            return () -> failed(target, "The model could not be written (" + reason + "). Choose another folder "
                    + "and save again. Nothing was lost: the run and its weights are unchanged.");
        }
    }

    private void saved(RunRecord forRun, Path target, long iteration) {
        lastFolder = target.toAbsolutePath().getParent();
        if (forRun != run) {
            return; // another run became current while the file was written: that run is not in the file
        }
        file.set(target);
        openedOnly = false;
        savedIteration = iteration;
        SessionSnapshot now = train.snapshotProperty().get();
        modified.set(now != null && now.iteration() != iteration);
    }

    private void failed(Path target, String message) {
        problem.set(new Problem(SaveProblems.heading(target), message));
    }

    /** Follows the current run: a new run starts with its own file (or none); training marks it modified. */
    private void follow() {
        RunRecord current = train.currentRun();
        if (current != run) {
            run = current;
            file.set(current != null && train.openedFromFile(current) ? current.plan().startingModel() : null);
            openedOnly = file.get() != null;
            savedIteration = 0;
            modified.set(false);
            problem.set(null);
            updateState();
            return; // the snapshot shown is still the previous run's: the new run's own come next
        }
        SessionSnapshot now = train.snapshotProperty().get();
        if (now != null && now.state() == SessionState.FAILED || !train.hasLiveRun()) {
            modified.set(false); // a failed run, or one whose worker is gone, has no weights to save
        } else if (now != null && now.state() != SessionState.PREPARING && now.iteration() != savedIteration) {
            modified.set(true);
        }
        updateState();
    }

    private void updateState() {
        state.set(stateText());
    }

    /** The line under the run controls: which file the weights are in, and whether they are saved. */
    private String stateText() {
        Path target = file.get();
        if (saving.get()) {
            return "Saving the weights of run #" + run.number() + "…";
        }
        if (problem.get() != null) {
            return problem.get().heading() + ": " + problem.get().message();
        }
        if (run == null) {
            return "";
        }
        if (target == null) {
            return modified.get() ? "Trained, not saved: Save model (Ctrl+S) writes it to a file."
                    : "Not in a file yet: Save model (Ctrl+S) writes it to one.";
        }
        String name = target.getFileName().toString();
        if (!modified.get()) {
            return openedOnly ? "As opened from " + name + "; not trained since."
                    : String.format(Locale.ROOT, "Saved in %s (iteration %d).", name, savedIteration);
        }
        return shipped.test(target)
                ? "Modified since the sample " + name + ": Save model asks for a new file (the sample stays as shipped)."
                : "Modified since " + name + " was " + (openedOnly ? "opened" : "saved")
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

    /** Save as starts in the folder of the last save, else of the run's own file (not the samples'), else home. */
    private Path suggestedFolder() {
        if (lastFolder != null) {
            return lastFolder;
        }
        Path target = file.get();
        if (target != null && !shipped.test(target) && target.toAbsolutePath().getParent() != null) {
            return target.toAbsolutePath().getParent();
        }
        return homeFolder;
    }

    /** The run's file name, else one made of its data set, network and number, e.g. {@code glyphs-mlp-run2.zip}. */
    private String suggestedName() {
        if (file.get() != null) {
            return file.get().getFileName().toString();
        }
        if (run == null) {
            return "model" + EXTENSION;
        }
        String dataset = Path.of(run.plan().settings().dataset()).getFileName().toString();
        String stem = (dataset + "-" + run.plan().settings().arch()).replaceAll("[^A-Za-z0-9._-]", "_");
        return stem + "-run" + run.number() + EXTENSION;
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

    /** True when the run trained (or was reset) since its weights were saved or opened. */
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
        return savedIteration;
    }
}
