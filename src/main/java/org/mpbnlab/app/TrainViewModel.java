package org.mpbnlab.app;

import java.util.List;
import java.util.concurrent.Executor;
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
import org.mpbnlab.probe.StatisticsSource;
import org.mpbnlab.session.DataCatalog;
import org.mpbnlab.session.RunControl;
import org.mpbnlab.session.RunSettings;
import org.mpbnlab.session.SessionFactory;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.Presets;
import org.mpbnlab.snn.RunningStatsMode;
import org.mpbnlab.snn.Surrogate;

/**
 * The Train view's state and actions: the settings (validated as typed), play/pause, one step,
 * reset, and the runs kept for comparison. Plain Java with JavaFX properties; every method is called
 * on the UI thread, and session snapshots reach it through a {@link LatestValueRelay}.
 *
 * <p>Play with settings that differ from the current run's starts a new run; the earlier runs stay in
 * {@link #runs()} with their curves, so that runs can be compared (e.g. MPBN off vs channel, same seed).
 */
public final class TrainViewModel {

    /** Runs kept for comparison; the oldest is dropped beyond this. */
    public static final int MAX_RUNS = 8;

    private final DataCatalog catalog;
    private final SessionFactory sessions;
    private final Executor ui;

    private final ObjectProperty<String> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final ObjectProperty<String> preset = new SimpleObjectProperty<>(this, "preset");
    private final ObjectProperty<MpbnMode> mpbnMode = new SimpleObjectProperty<>(this, "mpbnMode");
    private final ObjectProperty<RunningStatsMode> runningStats = new SimpleObjectProperty<>(this, "runningStats");
    private final ObjectProperty<Surrogate> surrogate = new SimpleObjectProperty<>(this, "surrogate");
    private final ObjectProperty<String> optimizer = new SimpleObjectProperty<>(this, "optimizer");
    private final ValidatedField<Integer> timeSteps;
    private final ValidatedField<Double> tau;
    private final ValidatedField<Double> threshold;
    private final ValidatedField<Double> learningRate;
    private final ValidatedField<Integer> batchSize;
    private final ValidatedField<Integer> epochs;
    private final ValidatedField<Long> seed;

    private final ReadOnlyStringWrapper settingsError = new ReadOnlyStringWrapper(this, "settingsError", "");
    private final ReadOnlyBooleanWrapper pendingChanges = new ReadOnlyBooleanWrapper(this, "pendingChanges");
    private final ReadOnlyObjectWrapper<SessionSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyStringWrapper playLabel = new ReadOnlyStringWrapper(this, "playLabel", "Play");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObjectProperty<StatisticsSource> probeSource =
            new SimpleObjectProperty<>(this, "probeSource", StatisticsSource.TRAINING_BATCH);
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();

    private RunControl session;
    private RunRecord current;
    /** The model file the form's run starts from; cleared as soon as the user edits a setting. */
    private java.nio.file.Path startingModel;

    /**
     * @param ui runs tasks on the UI thread ({@code Platform::runLater} in the app, direct in tests)
     */
    public TrainViewModel(DataCatalog catalog, SessionFactory sessions, Executor ui, RunSettings initial) {
        this.catalog = catalog;
        this.sessions = sessions;
        this.ui = ui;
        dataset.set(initial.dataset());
        preset.set(initial.preset());
        mpbnMode.set(initial.mpbnMode());
        runningStats.set(initial.runningStats());
        surrogate.set(initial.surrogate());
        optimizer.set(initial.optimizer());
        timeSteps = new ValidatedField<>("T", String.valueOf(initial.timeSteps()),
                ValidatedField.integer(1, RunSettings.MAX_TIME_STEPS));
        tau = new ValidatedField<>("τ", RunSettingsText.number(initial.tau()), ValidatedField.decimal(0, false, 1));
        threshold = new ValidatedField<>("V_th", RunSettingsText.number(initial.threshold()),
                ValidatedField.decimal(0, true, 100));
        learningRate = new ValidatedField<>("learning rate", RunSettingsText.number(initial.learningRate()),
                ValidatedField.decimal(0, true, 10));
        batchSize = new ValidatedField<>("batch size", String.valueOf(initial.batchSize()),
                ValidatedField.integer(2, RunSettings.MAX_BATCH_SIZE));
        epochs = new ValidatedField<>("epochs", String.valueOf(initial.epochs()), ValidatedField.integer(1, 1000));
        seed = new ValidatedField<>("seed", String.valueOf(initial.seed()), ValidatedField.seed());
        startingModel = initial.initialModel();
        for (var property : List.of(dataset, preset, mpbnMode, runningStats, surrogate, optimizer)) {
            property.addListener((obs, old, now) -> edited());
        }
        for (ValidatedField<?> field : fields()) {
            field.textProperty().addListener((obs, old, now) -> edited());
        }
        probeSource.addListener((obs, old, now) -> {
            if (session != null) {
                session.recordFrom(now);
            }
        });
        revalidate();
    }

    /** The text fields, in form order. */
    public List<ValidatedField<?>> fields() {
        return List.of(timeSteps, tau, threshold, learningRate, batchSize, epochs, seed);
    }

    /** Dataset names to choose from. */
    public List<String> datasetChoices() {
        return catalog.datasetNames();
    }

    public List<String> presetChoices() {
        return Presets.NAMES;
    }

    public List<String> optimizerChoices() {
        return List.of("sgd", "adam");
    }

    /**
     * The settings the form describes, or null when a value is invalid ({@link #settingsErrorProperty()}
     * says which and why).
     */
    public RunSettings settings() {
        for (ValidatedField<?> field : fields()) {
            if (!field.isValid()) {
                return null;
            }
        }
        try {
            return build();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The form's settings, checked against the chosen dataset; throws with the reason when they do not fit. */
    private RunSettings build() {
        RunSettings settings = new RunSettings(dataset.get(), preset.get(), timeSteps.value(), tau.value(),
                threshold.value(), mpbnMode.get(), runningStats.get(), surrogate.get(), optimizer.get(),
                learningRate.value(), batchSize.value(), epochs.value(), seed.value(), startingModel);
        DataCatalog.DatasetFacts facts = catalog.facts(settings.dataset());
        Presets.build(settings.preset(), facts.sampleShape(), facts.classes(), settings.timeSteps(),
                settings.lifParameters(), settings.mpbnParameters());
        return settings;
    }

    /** A setting changed: the form no longer describes the model it was loaded from. */
    private void edited() {
        startingModel = null;
        revalidate();
    }

    private void revalidate() {
        String error = "";
        for (ValidatedField<?> field : fields()) {
            if (!field.isValid()) {
                error = field.errorProperty().get();
                break;
            }
        }
        if (error.isEmpty()) {
            error = crossFieldError();
        }
        settingsError.set(error);
        RunSettings settings = error.isEmpty() ? settings() : null;
        pendingChanges.set(settings != null && current != null && !settings.equals(current.settings()));
        updatePlayLabel();
    }

    private String crossFieldError() {
        try {
            build();
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private void updatePlayLabel() {
        SessionSnapshot now = snapshot.get();
        boolean running = now != null && now.state() == SessionState.RUNNING;
        if (running) {
            playLabel.set("Pause");
        } else if (current == null || pendingChanges.get() || !canContinue()) {
            playLabel.set("Start new run");
        } else {
            playLabel.set("Play");
        }
    }

    private boolean canContinue() {
        SessionSnapshot now = snapshot.get();
        return now == null || now.state() == SessionState.PREPARING || now.state().canTrain();
    }

    /**
     * Shows {@code loaded}'s settings in the form and builds a run from them (not yet training): used to
     * open a model file, whose weights the run starts from.
     */
    public void open(RunSettings loaded) {
        dataset.set(loaded.dataset());
        preset.set(loaded.preset());
        mpbnMode.set(loaded.mpbnMode());
        runningStats.set(loaded.runningStats());
        surrogate.set(loaded.surrogate());
        optimizer.set(loaded.optimizer());
        timeSteps.textProperty().set(String.valueOf(loaded.timeSteps()));
        tau.textProperty().set(RunSettingsText.number(loaded.tau()));
        threshold.textProperty().set(RunSettingsText.number(loaded.threshold()));
        learningRate.textProperty().set(RunSettingsText.number(loaded.learningRate()));
        batchSize.textProperty().set(String.valueOf(loaded.batchSize()));
        epochs.textProperty().set(String.valueOf(loaded.epochs()));
        seed.textProperty().set(String.valueOf(loaded.seed()));
        startingModel = loaded.initialModel();
        revalidate();
        RunSettings settings = settings();
        if (settings == null) {
            message.set("cannot open the model: " + settingsError.get());
            return;
        }
        startRun(settings);
    }

    /** Builds a new run with the form's settings from the seed's random weights (not yet training). */
    public void startFromRandomWeights() {
        startingModel = null;
        revalidate();
        RunSettings settings = settings();
        if (settings == null) {
            message.set("not started: " + settingsError.get());
            return;
        }
        startRun(settings);
    }

    /** Builds the first run at the initial settings without training it (so the Membrane view has data). */
    public void prepareFirstRun() {
        if (current == null && settings() != null) {
            startRun(settings());
        }
    }

    /** Space: pause a running run, continue a paused one, or start a new run with the form's settings. */
    public void playPause() {
        SessionSnapshot now = snapshot.get();
        if (now != null && now.state() == SessionState.RUNNING) {
            session.pause();
            return;
        }
        if (ensureRun()) {
            session.play();
        }
    }

    /** One training batch, then pause. */
    public void step() {
        SessionSnapshot now = snapshot.get();
        if (now != null && now.state() == SessionState.RUNNING) {
            session.pause();
        }
        if (ensureRun()) {
            session.step();
        }
    }

    /** The current run back to its initial weights (its curves are cleared). */
    public void reset() {
        if (session != null) {
            session.reset();
            RunSettings settings = current.settings();
            message.set(settings.initialModel() == null ? "reset to the initial weights of seed " + settings.seed()
                    : "reset to the weights of " + settings.initialModel().getFileName());
        }
    }

    /** Removes a stopped run from the comparison (the current run stays). */
    public void removeRun(RunRecord run) {
        if (run != current) {
            runs.remove(run);
        }
    }

    /** Makes sure a run with the form's settings exists; false (with a message) when they are invalid. */
    private boolean ensureRun() {
        RunSettings settings = settings();
        if (settings == null) {
            message.set("not started: " + settingsError.get());
            return false;
        }
        if (current == null || !settings.equals(current.settings()) || !canContinue()) {
            startRun(settings);
        }
        return true;
    }

    private void startRun(RunSettings settings) {
        if (session != null) {
            session.close();
        }
        int number = runs.isEmpty() ? 1 : runs.get(runs.size() - 1).number() + 1;
        RunRecord run = new RunRecord(number, settings);
        current = run;
        runs.add(run);
        while (runs.size() > MAX_RUNS) {
            runs.remove(0);
        }
        LatestValueRelay<org.mpbnlab.session.SessionSnapshot> relay =
                new LatestValueRelay<>(ui, s -> accept(run, s));
        session = sessions.create(settings, probeSource.get(), relay::offer);
        message.set("");
        session.start();
        revalidate();
    }

    private void accept(RunRecord run, SessionSnapshot now) {
        run.update(now);
        if (run != current) {
            return;
        }
        snapshot.set(now);
        if (!now.message().isEmpty()) {
            message.set(now.message());
        }
        updatePlayLabel();
    }

    /** Stops the current run's worker (on exit). */
    public void shutdown() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    public ObjectProperty<String> datasetProperty() {
        return dataset;
    }

    public ObjectProperty<String> presetProperty() {
        return preset;
    }

    public ObjectProperty<MpbnMode> mpbnModeProperty() {
        return mpbnMode;
    }

    public ObjectProperty<RunningStatsMode> runningStatsProperty() {
        return runningStats;
    }

    public ObjectProperty<Surrogate> surrogateProperty() {
        return surrogate;
    }

    public ObjectProperty<String> optimizerProperty() {
        return optimizer;
    }

    public ValidatedField<Integer> timeSteps() {
        return timeSteps;
    }

    public ValidatedField<Double> tau() {
        return tau;
    }

    public ValidatedField<Double> threshold() {
        return threshold;
    }

    public ValidatedField<Double> learningRate() {
        return learningRate;
    }

    public ValidatedField<Integer> batchSize() {
        return batchSize;
    }

    public ValidatedField<Integer> epochs() {
        return epochs;
    }

    public ValidatedField<Long> seed() {
        return seed;
    }

    /** The first thing wrong with the settings, or empty when they can be used. */
    public ReadOnlyStringProperty settingsErrorProperty() {
        return settingsError.getReadOnlyProperty();
    }

    /** True when the form's settings differ from the current run's (play then starts a new run). */
    public ReadOnlyBooleanProperty pendingChangesProperty() {
        return pendingChanges.getReadOnlyProperty();
    }

    /** The current run's latest snapshot. */
    public ReadOnlyObjectProperty<SessionSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty playLabelProperty() {
        return playLabel.getReadOnlyProperty();
    }

    /** The latest note for the status bar (run started, refused settings, divergence). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
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
