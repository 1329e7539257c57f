package org.mpbnlab.train;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mpbnlab.data.DataSplit;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.DatasetInfo;
import org.mpbnlab.data.DatasetOptions;
import org.mpbnlab.data.DatasetRegistry;
import org.mpbnlab.data.Encoder;
import org.mpbnlab.data.Encoders;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.NetworkBuilder;
import org.mpbnlab.snn.NetworkSpec;
import org.mpbnlab.snn.Presets;
import org.mpbnlab.snn.Shapes;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.SettingNames;
import org.mpbnlab.train.settings.SettingsProblem;
import org.mpbnlab.train.settings.SettingsTable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Builds a run from its {@link RunSettings}: the data (data set, data seed, the samples used), the network
 * (preset, neurons, MPBN, initial weights from the seed or from a starting network), the encoder, and the
 * trainer with its optimiser, schedule and seeds. The app's sessions and the {@code train} command both
 * build their runs here, so the same settings give the same run, batch for batch.
 */
public final class RunFactory {

    private RunFactory() {
    }

    /** How the registry loads the run's data set: {@code base} (folders, downloads) with the run's data seed. */
    public static DatasetOptions dataOptions(RunSettings settings, DatasetOptions base) {
        return base.withSeed(settings.dataSeed());
    }

    /**
     * The run's data: the data set at its full size from the data seed, each split cut to its first
     * {@code train-samples} / {@code test-samples} samples (0 keeps all).
     */
    public static Dataset loadData(RunSettings settings, DatasetRegistry registry, DatasetOptions base) {
        Dataset full = registry.load(settings.dataset(), dataOptions(settings, base));
        return new Dataset(full.name(), full.classNames(), first(full.train(), settings.trainSamples()),
                first(full.test(), settings.testSamples()), full.temporalSteps(), full.origin());
    }

    private static DataSplit first(DataSplit split, int samples) {
        return samples == 0 ? split : split.limit(samples);
    }

    /**
     * The first reason why {@code settings} cannot train on the data set {@code info} describes, found
     * without loading it, with the settings named by {@code names}: a preset that does not take the data's
     * input (derived from the input shape), more time steps than event frames, an encoder that does not fit
     * the data, a batch larger than the training samples.
     */
    public static Optional<String> problem(RunSettings settings, DatasetInfo info, SettingNames names) {
        return settingsProblem(settings, info, names).map(SettingsProblem::message);
    }

    /** The same checks on a data set already loaded (the user's own data is known only once read). */
    public static Optional<String> problem(RunSettings settings, Dataset dataset, SettingNames names) {
        return settingsProblem(settings, dataset.name(), dataset.frameShape(), dataset.temporalSteps(),
                dataset.train().count(), names).map(SettingsProblem::message);
    }

    /** As {@link #problem(RunSettings, DatasetInfo, SettingNames)}, with the setting to change. */
    public static Optional<SettingsProblem> settingsProblem(RunSettings settings, DatasetInfo info,
                                                            SettingNames names) {
        return settingsProblem(settings, info.name(), frameShape(info), info.temporalSteps(),
                count(settings.trainSamples(), info.trainSize()), names);
    }

    private static Optional<SettingsProblem> settingsProblem(RunSettings settings, String name, int[] frame,
                                                             int temporalSteps, int trainCount, SettingNames names) {
        Optional<String> preset = Presets.inputProblem(settings.arch(), frame);
        if (preset.isPresent()) {
            List<String> fitting = Presets.presetsFor(frame);
            return Optional.of(new SettingsProblem(SettingsTable.ARCH, names.of(SettingsTable.ARCH, settings)
                    + " does not fit " + names.of(SettingsTable.DATASET, settings) + ": " + preset.get() + " and "
                    + name + " has samples of shape " + Shapes.format(frame) + "; with " + name + " use "
                    + names.of(SettingsTable.ARCH) + " " + String.join(" or ", fitting)));
        }
        if (temporalSteps > 0 && settings.timeSteps() > temporalSteps) {
            return Optional.of(new SettingsProblem(SettingsTable.TIME_STEPS, names.of(SettingsTable.TIME_STEPS,
                    settings) + " is more than the " + temporalSteps + " event frames of "
                    + names.of(SettingsTable.DATASET, settings) + ": use " + names.of(SettingsTable.TIME_STEPS) + " "
                    + temporalSteps + " or fewer"));
        }
        String encoder = settings.encoder();
        if (!SettingsTable.AUTO_ENCODER.equals(encoder) && (temporalSteps > 0) != "events".equals(encoder)) {
            String allowed = temporalSteps > 0 ? "events (or auto)" : "direct, rate, latency (or auto)";
            return Optional.of(new SettingsProblem(SettingsTable.ENCODER, names.of(SettingsTable.ENCODER, settings)
                    + " does not fit " + names.of(SettingsTable.DATASET, settings) + " (" + (temporalSteps > 0
                    ? "event frames" : "static samples") + "): use " + names.of(SettingsTable.ENCODER) + " "
                    + allowed));
        }
        if (settings.batchSize() > trainCount) {
            return Optional.of(new SettingsProblem(SettingsTable.BATCH, names.of(SettingsTable.BATCH, settings)
                    + " is larger than the training set (" + trainCount + " samples)"));
        }
        return Optional.empty();
    }

    /** Samples a split keeps: the first {@code limit} of {@code size}, or all when the limit is 0. */
    public static int count(int limit, int size) {
        return limit == 0 ? size : Math.min(limit, size);
    }

    /** The shape the network sees at one step: a sample, or one event frame of it. */
    public static int[] frameShape(DatasetInfo info) {
        int[] shape = info.sampleShape();
        return info.temporalSteps() > 0 ? Arrays.copyOfRange(shape, 1, shape.length) : shape;
    }

    /** The run's encoder: the one named, or the data set's own for {@code auto}. */
    public static Encoder encoder(RunSettings settings, Dataset dataset) {
        String name = settings.encoder();
        Encoder encoder = SettingsTable.AUTO_ENCODER.equals(name) ? Encoders.defaultFor(dataset) : Encoders.byName(name);
        Encoders.requireCompatible(encoder, dataset);
        return encoder;
    }

    /** The network {@code settings} describe on {@code dataset}, with the initial weights of the seed. */
    public static Network network(RunSettings settings, Dataset dataset) {
        if (dataset.temporalSteps() > 0 && settings.timeSteps() > dataset.temporalSteps()) {
            throw new IllegalArgumentException("dataset " + dataset.name() + " has " + dataset.temporalSteps()
                    + " event frames per sample: use --timesteps " + dataset.temporalSteps()
                    + " or fewer (frames are then merged into T bins)");
        }
        NetworkSpec spec = Presets.build(settings.arch(), dataset.frameShape(), dataset.numClasses(),
                settings.timeSteps(), settings.lif(), settings.mpbn());
        return NetworkBuilder.build(spec, DataType.FLOAT, settings.seed());
    }

    /** A run from the seed's random weights. */
    public static TrainingRun create(RunSettings settings, Dataset dataset) {
        return create(settings, dataset, null);
    }

    /**
     * A run that starts from {@code start}'s weights and statistics (null: from the seed's random weights).
     * The network is built from the settings (so a different surrogate or detach-reset applies); the starting
     * network must have every array of it with the same shape.
     */
    public static TrainingRun create(RunSettings settings, Dataset dataset, Network start) {
        Encoder encoder = encoder(settings, dataset);
        Network network = network(settings, dataset);
        if (start != null) {
            copyWeights(start, network);
        }
        InputFeeder feeder = new InputFeeder(encoder, settings.seed());
        Trainer trainer = new Trainer(network, dataset, feeder, settings.training());
        return new TrainingRun(settings, dataset, network, feeder, trainer);
    }

    private static void copyWeights(Network from, Network to) {
        Map<String, INDArray> source = from.state();
        to.state().forEach((name, target) -> {
            INDArray value = source.get(name);
            if (value == null || !Arrays.equals(value.shape(), target.shape())) {
                throw new IllegalArgumentException("the starting model is a " + from.spec().preset() + " at T = "
                        + from.spec().timeSteps() + " without a matching '" + name + "' array: it cannot start a "
                        + to.spec().preset() + " at T = " + to.spec().timeSteps() + " with these settings");
            }
            target.assign(value);
        });
    }
}
