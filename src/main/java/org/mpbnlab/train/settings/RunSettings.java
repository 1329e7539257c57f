package org.mpbnlab.train.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mpbnlab.snn.LifParameters;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.MpbnParameters;
import org.mpbnlab.snn.RunningStatsMode;
import org.mpbnlab.snn.Surrogate;
import org.mpbnlab.train.LearningRateSchedule;
import org.mpbnlab.train.TrainingConfig;

import static org.mpbnlab.train.settings.SettingsTable.*;

/**
 * The values of one run's settings ({@link SettingsTable}): those the user gave, and for every other
 * setting its default (which may follow from the given ones: weight decay from the optimiser). Immutable;
 * every value is checked against the table when it is set. The same settings give the same data, the same
 * initial weights and the same batches, so the same run.
 *
 * <p>Two settings are equal when every setting has the same value, given or default. {@link #values()} is
 * the whole table as name → value, which is what files store; {@link #fromValues} reads it back.
 */
public final class RunSettings {

    private static final RunSettings DEFAULTS = new RunSettings(Map.of());

    private final Map<String, Object> given;

    private RunSettings(Map<String, Object> given) {
        this.given = Collections.unmodifiableMap(new LinkedHashMap<>(given));
    }

    /** Every setting at its default. */
    public static RunSettings defaults() {
        return DEFAULTS;
    }

    /** The value of {@code setting}: the one given, or its default. */
    public <T> T get(Setting<T> setting) {
        Object value = given.get(setting.name());
        return value != null ? setting.type().cast(value) : setting.defaultFor(this);
    }

    /** True when {@code setting} was given rather than left at its default. */
    public boolean isGiven(Setting<?> setting) {
        return given.containsKey(setting.name());
    }

    /** These settings with {@code setting} set to {@code value}; the message names what is allowed. */
    public <T> RunSettings with(Setting<T> setting, T value) {
        Map<String, Object> next = new LinkedHashMap<>(given);
        next.put(setting.name(), setting.checked(value));
        return new RunSettings(next);
    }

    /** These settings with {@code setting} back at its default. */
    public RunSettings withDefault(Setting<?> setting) {
        Map<String, Object> next = new LinkedHashMap<>(given);
        next.remove(setting.name());
        return new RunSettings(next);
    }

    /** These settings with {@code setting} read from {@code text}. */
    public RunSettings withText(Setting<?> setting, String text) {
        return withParsed(setting, text);
    }

    private <T> RunSettings withParsed(Setting<T> setting, String text) {
        return with(setting, setting.parse(text));
    }

    /** Every setting's value, given or default, in table order: name → Integer, Long, Double, Boolean or String. */
    public Map<String, Object> values() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (Setting<?> setting : SettingsTable.all()) {
            all.put(setting.name(), get(setting));
        }
        return Collections.unmodifiableMap(all);
    }

    /**
     * Settings read from name → value (numbers, booleans or text, as JSON gives them); a missing setting
     * keeps its default.
     *
     * @throws IllegalArgumentException naming the first unknown setting or refused value
     */
    public static RunSettings fromValues(Map<String, ?> values) {
        RunSettings settings = DEFAULTS;
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            Setting<?> setting = SettingsTable.byName(entry.getKey()).orElseThrow(() ->
                    new IllegalArgumentException("unknown setting '" + entry.getKey() + "'"));
            try {
                settings = settings.withText(setting, String.valueOf(entry.getValue()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(setting.name() + " " + e.getMessage(), e);
            }
        }
        return settings;
    }

    /** The settings whose values differ between these and {@code other}, in table order. */
    public List<Setting<?>> differences(RunSettings other) {
        List<Setting<?>> changed = new ArrayList<>();
        for (Setting<?> setting : SettingsTable.all()) {
            if (!get(setting).equals(other.get(setting))) {
                changed.add(setting);
            }
        }
        return changed;
    }

    // Typed views for the engine.

    public String dataset() {
        return get(DATASET);
    }

    public String arch() {
        return get(ARCH);
    }

    public int timeSteps() {
        return get(TIME_STEPS);
    }

    public int batchSize() {
        return get(BATCH);
    }

    public int epochs() {
        return get(EPOCHS);
    }

    public long seed() {
        return get(SEED);
    }

    public long dataSeed() {
        return get(DATA_SEED);
    }

    public int trainSamples() {
        return get(TRAIN_SAMPLES);
    }

    public int testSamples() {
        return get(TEST_SAMPLES);
    }

    /** The encoder's name, or {@link SettingsTable#AUTO_ENCODER} for the data set's own. */
    public String encoder() {
        return get(ENCODER);
    }

    public MpbnMode mpbnMode() {
        return MpbnMode.byId(get(MPBN));
    }

    public RunningStatsMode runningStats() {
        return RunningStatsMode.byId(get(MPBN_STATS));
    }

    public LifParameters lif() {
        return new LifParameters(get(TAU), get(THRESHOLD), Surrogate.byId(get(SURROGATE)), get(DETACH_RESET));
    }

    public MpbnParameters mpbn() {
        return MpbnParameters.of(mpbnMode(), runningStats());
    }

    /** What the trainer needs: epochs, batch, optimiser, learning rate, weight decay, schedule, seed. */
    public TrainingConfig training() {
        return new TrainingConfig(epochs(), batchSize(), get(OPTIMIZER), get(LEARNING_RATE), get(WEIGHT_DECAY),
                LearningRateSchedule.byId(get(SCHEDULE)), seed());
    }

    /** A short name for legends, e.g. {@code "mlp · MPBN channel · T4 · adam 0.001 · B64 · seed 0"}. */
    public String label() {
        String mpbn = mpbnMode() == MpbnMode.OFF ? "no MPBN"
                : "MPBN " + mpbnMode().id() + (runningStats() == RunningStatsMode.PER_STEP ? "/per-step" : "");
        return String.format(Locale.ROOT, "%s · %s · T%d · τ %s · V_th %s · %s %s · B%d · seed %d", arch(), mpbn,
                timeSteps(), TAU.format(get(TAU)), THRESHOLD.format(get(THRESHOLD)), get(OPTIMIZER),
                LEARNING_RATE.format(get(LEARNING_RATE)), batchSize(), seed());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunSettings other && values().equals(other.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        values().forEach((name, value) -> text.append(text.length() == 0 ? "" : " ").append("--").append(name)
                .append(' ').append(value));
        return text.toString();
    }
}
