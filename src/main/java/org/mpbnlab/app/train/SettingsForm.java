package org.mpbnlab.app.train;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.mpbnlab.session.DataCatalog;
import org.mpbnlab.session.RunSettings;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.Presets;
import org.mpbnlab.snn.RunningStatsMode;
import org.mpbnlab.snn.Surrogate;

/**
 * The run settings as the user edits them: choices, and numbers validated as typed. A value that does
 * not parse, or a combination that does not fit (a conv preset on 2-D points), is explained in
 * {@link #errorProperty()} and never becomes {@link #settings()}.
 */
public final class SettingsForm {

    private final DataCatalog catalog;
    private final Runnable changed;
    private final ObjectProperty<String> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final ObjectProperty<String> preset = new SimpleObjectProperty<>(this, "preset");
    private final ObjectProperty<MpbnMode> mpbnMode = new SimpleObjectProperty<>(this, "mpbnMode");
    private final ObjectProperty<RunningStatsMode> runningStats = new SimpleObjectProperty<>(this, "runningStats");
    private final ObjectProperty<Surrogate> surrogate = new SimpleObjectProperty<>(this, "surrogate");
    private final ObjectProperty<String> optimizer = new SimpleObjectProperty<>(this, "optimizer");
    private final ValidatedField<Integer> timeSteps = new ValidatedField<>("T", "4",
            ValidatedField.integer(1, RunSettings.MAX_TIME_STEPS));
    private final ValidatedField<Double> tau = new ValidatedField<>("τ", "0.25", ValidatedField.decimal(0, false, 1));
    private final ValidatedField<Double> threshold = new ValidatedField<>("V_th", "0.5",
            ValidatedField.decimal(0, true, 100));
    private final ValidatedField<Double> learningRate = new ValidatedField<>("learning rate", "0.1",
            ValidatedField.decimal(0, true, 10));
    private final ValidatedField<Integer> batchSize = new ValidatedField<>("batch size", "32",
            ValidatedField.integer(2, RunSettings.MAX_BATCH_SIZE));
    private final ValidatedField<Integer> epochs = new ValidatedField<>("epochs", "5",
            ValidatedField.integer(1, 1000));
    private final ValidatedField<Long> seed = new ValidatedField<>("seed", "1", ValidatedField.seed());
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    /** The model file the described run starts from; dropped as soon as the user edits a setting. */
    private Path startingModel;
    private boolean filling;

    /**
     * @param changed called after every change of a setting (on the UI thread)
     */
    public SettingsForm(DataCatalog catalog, RunSettings initial, Runnable changed) {
        this.catalog = catalog;
        this.changed = changed;
        fill(initial);
        for (var property : List.of(dataset, preset, mpbnMode, runningStats, surrogate, optimizer)) {
            property.addListener((obs, old, now) -> edited());
        }
        for (ValidatedField<?> field : fields()) {
            field.textProperty().addListener((obs, old, now) -> edited());
        }
    }

    /** Shows {@code loaded} in the form, including the model file its run starts from. */
    public void fill(RunSettings loaded) {
        filling = true;
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
        filling = false;
        revalidate();
    }

    /** From now on the described run starts from the seed's random weights. */
    public void dropModel() {
        startingModel = null;
        revalidate();
    }

    private void edited() {
        if (!filling) {
            startingModel = null;
            revalidate();
        }
    }

    private void revalidate() {
        String first = "";
        for (ValidatedField<?> field : fields()) {
            if (!field.isValid()) {
                first = field.errorProperty().get();
                break;
            }
        }
        if (first.isEmpty()) {
            try {
                build();
            } catch (IllegalArgumentException e) {
                first = e.getMessage();
            }
        }
        error.set(first);
        changed.run();
    }

    /** The settings the form describes, or null when something is invalid ({@link #errorProperty()} says what). */
    public RunSettings settings() {
        if (!error.get().isEmpty()) {
            return null;
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

    /** The text fields, in form order. */
    public List<ValidatedField<?>> fields() {
        return List.of(timeSteps, tau, threshold, learningRate, batchSize, epochs, seed);
    }

    public List<String> datasetChoices() {
        return catalog.datasetNames();
    }

    public List<String> presetChoices() {
        return Presets.NAMES;
    }

    public List<String> optimizerChoices() {
        return List.of("sgd", "adam");
    }

    /** The first thing wrong with the settings, or empty when they can be used. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
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
}
