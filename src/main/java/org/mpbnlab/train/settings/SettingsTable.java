package org.mpbnlab.train.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mpbnlab.data.DatasetRegistry;
import org.mpbnlab.data.Encoders;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.NamedChoices;
import org.mpbnlab.snn.Presets;
import org.mpbnlab.snn.RunningStatsMode;
import org.mpbnlab.snn.Surrogate;
import org.mpbnlab.train.LearningRateSchedule;
import org.mpbnlab.train.settings.Setting.Change;
import org.mpbnlab.train.settings.Setting.Group;

/**
 * Every setting of a training run, declared once: name, default, allowed values, unit and help. The
 * {@code train} command's options, the app's settings form and the {@code settings} section of a model
 * file are made from this table (see {@code docs/decisions.md}, "One settings table").
 */
public final class SettingsTable {

    /** The encoder name that means "the data set's own": events for event data, direct otherwise. */
    public static final String AUTO_ENCODER = "auto";
    /** Weight decay of SGD when none is given; Adam's is 0. */
    public static final double SGD_WEIGHT_DECAY = 5e-4;
    /**
     * Longest simulation: the built-in event data has 16 frames, and the app's membrane history is bounded
     * for it (docs/decisions.md).
     */
    public static final int MAX_TIME_STEPS = 16;
    /** Largest batch. */
    public static final int MAX_BATCH = 512;
    /** Most samples a split may be limited to (more than any data set has). */
    private static final int MAX_SAMPLES = 10_000_000;

    private static final List<Setting<?>> ALL = new ArrayList<>();

    // Data
    public static final Setting<String> DATASET = add(new Setting<>("dataset", "data set", Group.DATA, String.class,
            new SettingDomain.DataSet(() -> DatasetNames.NAMES), fixed("glyphs"), "glyphs", "",
            "The data set to train and test on: a built-in name (see `datasets list`) or the path of your own data "
                    + "(a folder of IDX files, an NPZ file, a folder with train and test folders of PNG images "
                    + "per class, or a CSV file of points).", Change.NEW_WEIGHTS));
    public static final Setting<Integer> TRAIN_SAMPLES = add(new Setting<>("train-samples", "train samples", Group.DATA,
            Integer.class, new SettingDomain.Whole(0, MAX_SAMPLES), fixed(0), "0 (all)", "samples",
            "Train on the first N samples of the training split; 0 trains on all of them.", Change.KEEPS_WEIGHTS));
    public static final Setting<Integer> TEST_SAMPLES = add(new Setting<>("test-samples", "test samples", Group.DATA,
            Integer.class, new SettingDomain.Whole(0, MAX_SAMPLES), fixed(0), "0 (all)", "samples",
            "Test on the first N samples of the test split; 0 tests on all of them.", Change.KEEPS_WEIGHTS));
    public static final Setting<Long> DATA_SEED = add(new Setting<>("data-seed", "data seed", Group.DATA, Long.class,
            new SettingDomain.Seed(), fixed(42L), "42", "",
            "Seed of the built-in data generators (the downloaded data sets ignore it).", Change.KEEPS_WEIGHTS));
    public static final Setting<String> ENCODER = add(new Setting<>("encoder", "encoder", Group.DATA, String.class,
            choice(SettingsTable::encoderNames), fixed(AUTO_ENCODER), AUTO_ENCODER, "",
            "How samples become input over time: direct (the same frame every step), rate, latency, events; "
                    + "auto uses events for event data and direct otherwise.", Change.KEEPS_WEIGHTS));

    // Network
    public static final Setting<String> ARCH = add(new Setting<>("arch", "preset", Group.NETWORK, String.class,
            choice(() -> Presets.NAMES), fixed("mlp"), "mlp", "",
            "The network: mlp (input→512→256→classes), conv-small (conv 32 → pool → conv 64 → pool → dense), "
                    + "mlp-2d (2→64→64→classes, for 2-D points).", Change.NEW_WEIGHTS));
    public static final Setting<Integer> TIME_STEPS = add(new Setting<>("timesteps", "T", Group.NETWORK, Integer.class,
            new SettingDomain.Whole(1, MAX_TIME_STEPS), fixed(4), "4", "steps",
            "Time steps T the network runs per sample.", Change.NEW_WEIGHTS));
    public static final Setting<Double> TAU = add(new Setting<>("tau", "τ", Group.NETWORK, Double.class,
            new SettingDomain.Decimal(0, false, 1), fixed(0.25), "0.25", "",
            "Membrane decay factor τ: u ← τ·u·(1 − s) + x.", Change.NEW_WEIGHTS));
    public static final Setting<Double> THRESHOLD = add(new Setting<>("vth", "V_th", Group.NETWORK, Double.class,
            new SettingDomain.Decimal(0, true, 100), fixed(0.5), "0.5", "",
            "Firing threshold V_th: a neuron spikes when its membrane exceeds it.", Change.NEW_WEIGHTS));
    public static final Setting<String> MPBN = add(new Setting<>("mpbn", "MPBN", Group.NETWORK, String.class,
            choice(() -> NamedChoices.ids(MpbnMode.values(), MpbnMode::id)), fixed("channel"), "channel", "",
            "Membrane potential batch normalisation before firing: off, one (μ, σ, γ, β) per channel, or per element.",
            Change.NEW_WEIGHTS));
    public static final Setting<String> MPBN_STATS = add(new Setting<>("mpbn-stats", "MPBN stats", Group.NETWORK,
            String.class, choice(() -> NamedChoices.ids(RunningStatsMode.values(), RunningStatsMode::id)),
            fixed("shared"), "shared", "",
            "Running statistics for evaluation: one set shared by all time steps, or one per step.",
            Change.NEW_WEIGHTS));
    public static final Setting<String> SURROGATE = add(new Setting<>("surrogate", "surrogate", Group.NETWORK,
            String.class, choice(() -> NamedChoices.ids(Surrogate.values(), Surrogate::id)), fixed("tanh"), "tanh", "",
            "The smooth stand-in for the spike's derivative in the backward pass.", Change.KEEPS_WEIGHTS));
    public static final Setting<Boolean> DETACH_RESET = add(new Setting<>("detach-reset", "detach reset",
            Group.NETWORK, Boolean.class, new SettingDomain.Flag(), fixed(false), "off", "",
            "Stop the gradient through the reset term (1 − s).", Change.KEEPS_WEIGHTS));

    // Training
    public static final Setting<Integer> EPOCHS = add(new Setting<>("epochs", "epochs", Group.TRAINING, Integer.class,
            new SettingDomain.Whole(1, 1000), fixed(1), "1", "",
            "Passes over the training samples.", Change.KEEPS_WEIGHTS));
    public static final Setting<Integer> BATCH = add(new Setting<>("batch", "batch size", Group.TRAINING, Integer.class,
            new SettingDomain.Whole(2, MAX_BATCH), fixed(64), "64", "samples",
            "Samples per training step (batch statistics need at least two).", Change.KEEPS_WEIGHTS));
    public static final Setting<String> OPTIMIZER = add(new Setting<>("optimizer", "optimiser", Group.TRAINING,
            String.class, choice(() -> List.of("sgd", "adam")), fixed("adam"), "adam", "",
            "sgd (momentum 0.9) or adam.", Change.KEEPS_WEIGHTS));
    public static final Setting<Double> LEARNING_RATE = add(new Setting<>("lr", "learning rate", Group.TRAINING,
            Double.class, new SettingDomain.Decimal(0, true, 10), fixed(1e-3), "1e-3", "",
            "Learning rate η at the start of the schedule.", Change.KEEPS_WEIGHTS));
    public static final Setting<Double> WEIGHT_DECAY = add(new Setting<>("weight-decay", "weight decay",
            Group.TRAINING, Double.class, new SettingDomain.Decimal(0, false, 1),
            others -> "sgd".equals(others.get(SettingsTable.OPTIMIZER)) ? SGD_WEIGHT_DECAY : 0.0,
            "5e-4 for sgd, 0 for adam", "",
            "L2 weight decay λ on Dense and Conv weights (never on biases, γ or β).", Change.KEEPS_WEIGHTS));
    public static final Setting<String> SCHEDULE = add(new Setting<>("schedule", "schedule", Group.TRAINING,
            String.class, choice(() -> NamedChoices.ids(LearningRateSchedule.values(), LearningRateSchedule::id)),
            fixed("cosine"), "cosine", "",
            "How the learning rate changes over the run: constant, or cosine down to 0 at the last step.",
            Change.KEEPS_WEIGHTS));
    public static final Setting<Long> SEED = add(new Setting<>("seed", "seed", Group.TRAINING, Long.class,
            new SettingDomain.Seed(), fixed(0L), "0", "",
            "Seed of the initial weights, the batch order and stochastic encoders.", Change.NEW_WEIGHTS));

    private SettingsTable() {
    }

    /** Every setting, in the order of the form and of the model file. */
    public static List<Setting<?>> all() {
        return List.copyOf(ALL);
    }

    /** The setting called {@code name}, or empty. */
    public static Optional<Setting<?>> byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static <T> Setting<T> add(Setting<T> setting) {
        ALL.add(setting);
        return setting;
    }

    private static <T> Function<RunSettings, T> fixed(T value) {
        return others -> value;
    }

    private static SettingDomain<String> choice(Supplier<List<String>> names) {
        return new SettingDomain.Choice(names);
    }

    private static List<String> encoderNames() {
        List<String> names = new ArrayList<>();
        names.add(AUTO_ENCODER);
        names.addAll(Encoders.names());
        return names;
    }

    /** The registry's data set names, read once when first needed. */
    private static final class DatasetNames {
        static final List<String> NAMES = DatasetRegistry.standard().names();
    }
}
