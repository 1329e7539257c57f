package org.mpbnlab.app.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mpbnlab.app.charts.BackgroundWorker;
import org.mpbnlab.app.charts.LatestValueRelay;
import org.mpbnlab.probe.StatisticsSource;
import org.mpbnlab.session.DataCatalog;
import org.mpbnlab.session.FailureCause;
import org.mpbnlab.session.RunControl;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SampleModels;
import org.mpbnlab.session.SessionFactory;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.Setting;

/**
 * The Train view's state and actions: the {@link SettingsForm}, play/pause, one step, reset, and the
 * runs kept for comparison. Plain Java with JavaFX properties; every method is called on the UI thread,
 * and session snapshots reach it through a {@link LatestValueRelay}.
 *
 * <p>The rule for edits, shown in {@link #nextRunProperty()} before anything happens: a run is never changed
 * under way. Play continues the current run while the form shows its settings; with other settings it starts a
 * new run, from the same starting weights as the current one when only settings that keep weights changed (how
 * it is trained or fed, see {@link Setting.Change}), else from the random weights of the seed. Reset does the
 * same without training: with unchanged settings it returns the current run to its starting weights. Earlier
 * runs stay in {@link #runs()} with their curves, so that runs can be compared (e.g. MPBN off vs channel).
 */
public final class TrainViewModel {

    /** Runs kept for comparison; beyond this the oldest whose training is saved is dropped. */
    public static final int MAX_RUNS = 8;
    /** Changed settings named in the rule line before it says "…". */
    private static final int NAMED_CHANGES = 3;

    /** Where model files are written: one low-priority thread, so neither the UI nor the training waits. */
    private static final ExecutorService MODEL_WRITER = BackgroundWorker.named("model-writer");

    private final SessionFactory sessions;
    private final Executor ui;
    private final SettingsForm form;
    private final RunPlan initial;
    private final ReadOnlyBooleanWrapper pendingChanges = new ReadOnlyBooleanWrapper(this, "pendingChanges");
    private final ReadOnlyObjectWrapper<SessionSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    /** Every text Play shows: what it does now (continue the run, pause it, or start a new one). */
    public static final List<String> PLAY_LABELS = List.of("Play", "Pause", "Start new run");

    private final ReadOnlyStringWrapper playLabel = new ReadOnlyStringWrapper(this, "playLabel", PLAY_LABELS.get(0));
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper actionNote = new ReadOnlyStringWrapper(this, "actionNote", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyStringWrapper runNote = new ReadOnlyStringWrapper(this, "runNote", "");
    private final ReadOnlyStringWrapper nextRun = new ReadOnlyStringWrapper(this, "nextRun", "");
    private final ReadOnlyStringWrapper split = new ReadOnlyStringWrapper(this, "split", "");
    private final ObjectProperty<StatisticsSource> probeSource =
            new SimpleObjectProperty<>(this, "probeSource", StatisticsSource.TRAINING_BATCH);
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();

    private final DataCatalog catalog;
    private ModelSaving saving;
    /** The last plan read from a model file (the initial one, or the last opened): its runs are in that file. */
    private RunPlan opened;
    private RunControl session;
    private RunRecord current;
    /** Why the last action was refused (invalid settings); cleared as soon as the settings change. */
    private String refusal = "";
    /** A note about the last action (reset); it belongs to that state and clears when training moves on. */
    private String note = "";
    /**
     * Play was pressed while the run was still being built or not yet training: until the run says it trains, the
     * button says Pause and the next press cancels the play (the run then pauses after at most one batch).
     */
    private boolean playRequested;

    /**
     * Pause was pressed while the run trained: the engine stops after the batch it is in (up to a second or two), but
     * the button says Play at once, so that the press is seen to have been taken.
     */
    private boolean pauseRequested;

    /**
     * @param ui      runs tasks on the UI thread ({@code Platform::runLater} in the app, direct in tests)
     * @param initial the first run: its settings fill the form, its weights start it
     */
    public TrainViewModel(DataCatalog catalog, SessionFactory sessions, Executor ui, RunPlan initial) {
        this.catalog = catalog;
        this.sessions = sessions;
        this.ui = ui;
        this.initial = initial;
        this.opened = initial;
        this.form = new SettingsForm(catalog, initial.settings(), this::settingsChanged);
        probeSource.addListener((obs, old, now) -> {
            if (session != null) {
                session.recordFrom(now);
            }
        });
        settingsChanged();
        saving = new ModelSaving(this, MODEL_WRITER, ui, ModelSaving.MODEL_FILE, SampleModels::isShipped,
                Path.of(System.getProperty("user.home")));
    }

    /** Save model and Save model as, and which file the current run's weights are in. */
    public ModelSaving saving() {
        return saving;
    }

    /** The saving that asks before a run with unsaved training is removed (the last one made for this view model). */
    void savesWith(ModelSaving asking) {
        saving = asking;
    }

    /**
     * True when {@code run} is the run of a model file as opened (its weights and every setting the file records),
     * so its weights start in that file; a run with other settings is in no file until it is saved.
     */
    public boolean openedFromFile(RunRecord run) {
        return run.plan().startingModel() != null && run.plan().equals(opened);
    }

    /** The settings as edited. */
    public SettingsForm form() {
        return form;
    }

    /** The settings the form describes, or null when they are invalid. */
    public RunSettings settings() {
        return form.settings();
    }

    private void settingsChanged() {
        if (form == null) {
            return;
        }
        RunSettings settings = form.settings();
        pendingChanges.set(settings != null && current != null && !settings.equals(current.plan().settings()));
        split.set(form.split());
        if (!refusal.isEmpty()) {
            refusal = "";
            actionNote.set("");
            updateMessage();
        }
        updatePlayLabel();
    }

    /**
     * The status note: why the last action was refused, a note about the last action, and what the
     * current run's latest snapshot says (e.g. divergence); each clears with the state that caused it.
     */
    private void updateMessage() {
        SessionSnapshot now = snapshot.get();
        String fromRun = now == null ? "" : now.message();
        message.set(String.join(" · ", java.util.stream.Stream.of(refusal, note, fromRun)
                .filter(part -> !part.isEmpty()).toList()));
    }

    /** Refuses {@code action} (e.g. "One batch") because the settings are invalid, saying so near the button. */
    private void refuse(String action) {
        String error = form.errorProperty().get();
        refusal = "not started: " + error;
        actionNote.set(action + " did not run: " + error + ". Correct the setting marked in red.");
        updateMessage();
    }

    private void updatePlayLabel() {
        if (trainsOrWillTrain()) {
            playLabel.set(PLAY_LABELS.get(1));
        } else if (continues(form.settings())) {
            playLabel.set(PLAY_LABELS.get(0));
        } else {
            playLabel.set(PLAY_LABELS.get(2));
        }
        nextRun.set(describeNextRun());
    }

    /** True when Play with {@code settings} continues the current run rather than starting a new one. */
    private boolean continues(RunSettings settings) {
        return current != null && session != null && settings != null
                && settings.equals(current.plan().settings()) && canContinue();
    }

    private boolean canContinue() {
        SessionSnapshot now = snapshot.get();
        return now == null || now.state() == SessionState.PREPARING || now.state().canTrain();
    }

    /**
     * The run a new start with {@code settings} makes: the current run's (or, before the first, the initial)
     * starting weights when every changed setting keeps weights, else the seed's random weights.
     */
    private RunPlan plan(RunSettings settings) {
        RunPlan base = current != null ? current.plan() : initial;
        boolean newWeights = settings.differences(base.settings()).stream()
                .anyMatch(s -> s.change() == Setting.Change.NEW_WEIGHTS);
        return new RunPlan(settings, newWeights ? null : base.startingModel());
    }

    /** The rule line under Play: what Play does with the form's settings, said before it happens. */
    private String describeNextRun() {
        RunSettings settings = form.settings();
        if (settings == null || current == null) {
            return "";
        }
        if (continues(settings)) {
            boolean running = trainsOrWillTrain();
            return (running ? "Run #" + current.number() + " trains" : "Play continues run #" + current.number())
                    + ", started from " + current.plan().startingPoint() + "." + freshOptimiserNote(running);
        }
        RunPlan next = plan(settings);
        List<Setting<?>> changed = settings.differences(current.plan().settings());
        SessionSnapshot now = snapshot.get();
        boolean couldTrain = now == null || now.state().canTrain();
        if (changed.isEmpty() && session == null && couldTrain) {
            // the run shown again after a failed later run was removed: its engine went to that run, now gone too
            return "Run #" + current.number() + " cannot train any more: its training stopped when the next run was"
                    + " started. Start new run trains a new one from " + next.startingPoint() + ".";
        }
        if (changed.isEmpty()) {
            // finished (or failed) runs say so whether or not a later run took their engine: that is why they stop
            String state = now == null ? "is stopped" : now.state() == SessionState.FAILED ? "failed"
                    : "is " + now.state().label().toLowerCase(Locale.ROOT);
            return "Run #" + current.number() + " " + state + ": Play starts a new run from "
                    + next.startingPoint() + ".";
        }
        List<String> names = changed.stream().limit(NAMED_CHANGES).map(Setting::label).toList();
        return "Changing " + String.join(", ", names) + (changed.size() > NAMED_CHANGES ? ", …" : "")
                + " starts a new run from " + next.startingPoint() + ".";
    }

    /**
     * Said before Play trains a model from a file for the first time: the file holds weights, not the optimiser's
     * state, so training goes on with a fresh one (see docs/decisions.md).
     */
    private String freshOptimiserNote(boolean running) {
        SessionSnapshot now = snapshot.get();
        boolean untrained = now == null || now.iteration() == 0;
        return current.plan().startingModel() != null && untrained && !running
                ? " Continuing with a fresh optimiser (its learning-rate schedule starts again) may first lose a "
                        + "little accuracy."
                : "";
    }

    /** Shows a model file's settings in the form and builds a run from its weights (not yet training). */
    public void open(RunPlan loaded) {
        form.fill(loaded.settings());
        if (form.settings() == null) {
            refuse("Opening the model");
            return;
        }
        opened = loaded;
        startRun(loaded);
    }

    /** Builds a new run with the form's settings from the seed's random weights (not yet training). */
    public void startFromRandomWeights() {
        RunSettings settings = form.settings();
        if (settings == null) {
            refuse("The new run");
            return;
        }
        startRun(RunPlan.fromRandomWeights(settings));
    }

    /** Builds the first run at the initial settings without training it (so the Membrane view has data). */
    public void prepareFirstRun() {
        if (current == null) {
            RunSettings settings = form.settings();
            if (settings == null) {
                refuse("The new run");
                return;
            }
            startRun(plan(settings));
        }
    }

    /**
     * Space: pause a running run (or one asked to play that is still being built), continue a paused one, or start a
     * new run with the form's settings.
     */
    public void playPause() {
        if (trainsOrWillTrain()) {
            session.pause();
            SessionSnapshot now = snapshot.get();
            pauseRequested = now != null && now.state() == SessionState.RUNNING;
            playRequested = false;
            updatePlayLabel();
            return;
        }
        if (ensureRun("Play")) {
            note = "";
            updateMessage();
            session.play();
            pauseRequested = false;
            playRequested = true;
            updatePlayLabel();
        }
    }

    /** True while the current run trains and was not asked to pause, or has been asked to train and has not started. */
    private boolean trainsOrWillTrain() {
        SessionSnapshot now = snapshot.get();
        return now != null && now.state() == SessionState.RUNNING && !pauseRequested || playRequested;
    }

    /** One training batch, then pause. */
    public void step() {
        if (trainsOrWillTrain()) {
            session.pause();
            playRequested = false;
        }
        pauseRequested = false;
        if (ensureRun("One batch")) {
            note = "";
            updateMessage();
            session.step();
        }
    }

    /**
     * Back to the starting weights with the form's settings, not training: the current run itself when the
     * form shows its settings (its curves are cleared), else a new run by the rule of {@link #nextRunProperty()}.
     */
    public void reset() {
        RunSettings settings = form.settings();
        if (settings == null) {
            refuse("Reset");
            return;
        }
        if (session != null && settings.equals(current.plan().settings())) {
            session.reset();
            playRequested = false; // a play asked for before is over once the run is back at its start
            pauseRequested = false;
            note = "reset to " + current.plan().startingPoint();
            updateMessage();
            return;
        }
        RunPlan next = plan(settings);
        startRun(next);
        // short, for the one-line status bar (it names the run); the line under Play says it whole
        note = "reset: new run from " + next.startingPoint();
        updateMessage();
    }

    /**
     * True when {@code run} can be removed from the list: any run but the current one (the one Play continues), which
     * goes only when it failed. The view disables Remove selected run otherwise, instead of a click that does nothing.
     */
    public boolean removable(RunRecord run) {
        SessionSnapshot now = snapshot.get();
        return run != null && runs.contains(run)
                && (run != current || now != null && now.state() == SessionState.FAILED);
    }

    /**
     * Removes a run from the comparison, after asking when it has training that is not saved (see
     * {@link ModelSaving#mayRemove}). The current run can be removed only when it failed (it has no
     * curves to compare); the latest remaining run is then shown, and Play starts a new run.
     */
    public void removeRun(RunRecord run) {
        if (!removable(run)) {
            return;
        }
        if (run != current) {
            saving.mayRemove(run).thenAccept(remove -> {
                if (remove) {
                    runs.remove(run);
                }
            });
            return;
        }
        runs.remove(run);
        session.close();
        session = null;
        current = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        snapshot.set(current == null ? null : current.latest());
        failure.set("");
        updateMessage();
        settingsChanged();
    }

    /**
     * Makes sure a run with the form's settings exists; false when they are invalid, with the reason
     * next to the buttons ({@code action} names what did not happen).
     */
    private boolean ensureRun(String action) {
        RunSettings settings = form.settings();
        if (settings == null) {
            refuse(action);
            return false;
        }
        if (!continues(settings)) {
            startRun(plan(settings));
        }
        return true;
    }

    private void startRun(RunPlan plan) {
        if (session != null) {
            if (!current.failed()) {
                current.keepLastWeights(session);
            }
            session.close();
        }
        int number = runs.isEmpty() ? 1 : runs.get(runs.size() - 1).number() + 1;
        RunRecord run = new RunRecord(number, plan);
        current = run;
        runs.add(run);
        dropOldestRuns();
        LatestValueRelay<SessionSnapshot> relay = new LatestValueRelay<>(ui, s -> accept(run, s));
        session = sessions.create(plan, probeSource.get(), relay::offer);
        // only now: a view that hears of the new run at once asks it (not the closed one) for its weights
        snapshot.set(null);
        note = "";
        playRequested = false;
        pauseRequested = false;
        failure.set("");
        runNote.set("");
        session.start();
        settingsChanged();
    }

    /**
     * Beyond {@link #MAX_RUNS}, drops the oldest runs whose training is saved (or who have none); a run with unsaved
     * training is never dropped without a question, so the list grows instead until the user removes runs.
     */
    private void dropOldestRuns() {
        int excess = runs.size() - MAX_RUNS;
        if (excess <= 0) {
            return;
        }
        List<RunRecord> dropped = runs.stream().filter(r -> r != current && !saving.hasUnsavedTraining(r))
                .limit(excess).toList();
        runs.removeAll(dropped);
    }

    private void accept(RunRecord run, SessionSnapshot now) {
        run.update(now);
        if (run != current) {
            return;
        }
        SessionSnapshot before = snapshot.get();
        if (now.state() != SessionState.PREPARING && now.state() != SessionState.READY) {
            playRequested = false; // the run trains, or it paused, finished or failed: the play has had its effect
        }
        if (now.state() != SessionState.RUNNING) {
            pauseRequested = false; // it paused (or finished, failed, was reset): the pause has had its effect
        }
        snapshot.set(now);
        if (before != null && before.state() != now.state() && now.state() != SessionState.READY) {
            note = "";
        }
        failure.set(now.state() == SessionState.FAILED ? failureText(run, now) : "");
        runNote.set(now.state() == SessionState.FAILED ? "" : now.message());
        updateMessage();
        updatePlayLabel();
    }

    /** Why a run failed, in full, and what the user can do about it (the Remove button beside it drops the run). */
    private String failureText(RunRecord run, SessionSnapshot failed) {
        String dataset = run.plan().settings().dataset();
        boolean downloaded = catalog.downloads(dataset);
        String reason = failed.message();
        if (downloaded && reason.contains(dataset + " is not available offline")) {
            // the engine's message goes on about folders, variables and command-line options: not the app's words
            reason = dataset + " is not on this computer and could not be downloaded";
        }
        return "Run #" + run.number() + " failed: " + reason + ". " + advice(failed.failureCause(), dataset);
    }

    /** What to do about a run that could not use {@code cause} (null: not known) while training on {@code dataset}. */
    private String advice(FailureCause cause, String dataset) {
        if (cause == FailureCause.MODEL_FILE) {
            return "Open another model file (File ▸ Open model…), or start from random weights (File ▸ New run from"
                    + " random weights).";
        }
        if (catalog.downloads(dataset)) {
            return "Choose a built-in data set such as glyphs, or train once with " + dataset + " where there is a"
                    + " network: it is downloaded then and kept for later runs.";
        }
        if (cause == FailureCause.DATA_SET && !catalog.datasetNames().contains(dataset)) {
            return "Correct the file, or open another data set (File ▸ Open data set…).";
        }
        if (cause == FailureCause.DATA_SET) {
            return "Choose another data set.";
        }
        return "Check the settings.";
    }

    /**
     * Asks the current run for a copy of its network (see {@link RunControl#copyModel}); {@code receiver} is
     * called on the run's worker thread, or {@code refused}, with the reason, when the run ends first. False when
     * there is no run to ask.
     */
    public boolean requestModel(java.util.function.Consumer<org.mpbnlab.session.CurrentModel> receiver,
                                java.util.function.Consumer<Throwable> refused) {
        if (session == null) {
            return false;
        }
        session.copyModel().whenComplete((model, failure) -> {
            if (failure == null) {
                receiver.accept(model);
            } else {
                refused.accept(failure);
            }
        });
        return true;
    }

    /** A copy of the current run's network (see {@link RunControl#copyModel}), or empty when there is no run yet. */
    public java.util.Optional<java.util.concurrent.CompletableFuture<org.mpbnlab.session.CurrentModel>> copyOfCurrentRun() {
        return session == null ? java.util.Optional.empty() : java.util.Optional.of(session.copyModel());
    }

    /**
     * A copy of the current run's network (see {@link RunControl#copyModel}); fails at once when there is no
     * run yet.
     */
    public java.util.concurrent.CompletableFuture<org.mpbnlab.session.CurrentModel> copyCurrentModel() {
        if (session == null) {
            return java.util.concurrent.CompletableFuture.failedFuture(
                    new IllegalStateException("no model yet: wait until the run is ready"));
        }
        return session.copyModel();
    }

    /** True while the current run has a worker that can copy its network (not after its failed run was removed). */
    public boolean hasLiveRun() {
        return session != null;
    }

    /** Stops the current run's worker (on exit). */
    public void shutdown() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /** True when the form's settings differ from the current run's (play then starts a new run). */
    public ReadOnlyBooleanProperty pendingChangesProperty() {
        return pendingChanges.getReadOnlyProperty();
    }

    /**
     * What Play does with the form's settings, e.g. "Play continues run #1, started from the weights of
     * m.zip." or "Changing T starts a new run from the random weights of seed 0."; empty while invalid.
     */
    public ReadOnlyStringProperty nextRunProperty() {
        return nextRun.getReadOnlyProperty();
    }

    /** What the form's run trains and tests on (see {@link SettingsForm#split()}). */
    public ReadOnlyStringProperty splitProperty() {
        return split.getReadOnlyProperty();
    }

    /** The current run's latest snapshot. */
    public ReadOnlyObjectProperty<SessionSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty playLabelProperty() {
        return playLabel.getReadOnlyProperty();
    }

    /** The note for the status bar (refused settings, reset, divergence); empty when there is none. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * Why the last Play / One batch did nothing, for a line next to the buttons; empty when it ran, and
     * cleared as soon as the settings change.
     */
    public ReadOnlyStringProperty actionNoteProperty() {
        return actionNote.getReadOnlyProperty();
    }

    /**
     * What the current run says about itself while it has not failed, e.g. that training diverged and the last good
     * weights were kept; empty when it says nothing (the status bar says it too, cut when long).
     */
    public ReadOnlyStringProperty runNoteProperty() {
        return runNote.getReadOnlyProperty();
    }

    /** When the current run failed: the reason in full and what to do; empty otherwise. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Which pass the Membrane view's recordings come from. */
    public ObjectProperty<StatisticsSource> probeSourceProperty() {
        return probeSource;
    }

    /** The runs kept for comparison, oldest first; the last is the current one. */
    public ObservableList<RunRecord> runs() {
        return runs;
    }

    public RunRecord currentRun() {
        return current;
    }
}
