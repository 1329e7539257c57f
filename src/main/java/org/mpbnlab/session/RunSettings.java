package org.mpbnlab.session;

import java.nio.file.Path;
import java.util.Locale;
import org.mpbnlab.snn.LifParameters;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.MpbnParameters;
import org.mpbnlab.snn.RunningStatsMode;
import org.mpbnlab.snn.Surrogate;
import org.mpbnlab.train.LearningRateSchedule;
import org.mpbnlab.train.TrainingConfig;

/**
 * Every setting of one training run: the same settings give the same initial weights, the same
 * batches and so the same run. Validated on construction; a bad value is refused with a message
 * naming it.
 *
 * @param dataset      registry name, e.g. {@code "glyphs"}
 * @param preset       architecture preset, e.g. {@code "conv-small"}
 * @param timeSteps    T, 1..{@value #MAX_TIME_STEPS}
 * @param tau          decay factor τ in [0, 1]
 * @param threshold    V_th &gt; 0
 * @param mpbnMode     OFF, CHANNEL or ELEMENT
 * @param runningStats SHARED or PER_STEP running statistics
 * @param surrogate    surrogate gradient
 * @param optimizer    {@code sgd} or {@code adam}
 * @param learningRate η &gt; 0
 * @param batchSize    B ≥ 2
 * @param epochs       passes over the training set ≥ 1
 * @param seed         seed of weights, shuffling and encoders
 * @param initialModel a model file whose weights the run starts from, or null to start from the seed's
 *                     random weights (its architecture must be the one these settings describe)
 */
public record RunSettings(String dataset, String preset, int timeSteps, double tau, double threshold,
                          MpbnMode mpbnMode, RunningStatsMode runningStats, Surrogate surrogate, String optimizer,
                          double learningRate, int batchSize, int epochs, long seed, Path initialModel) {

    /** Longest simulation the app offers; the probe's memory bound is stated for T ≤ 8 per frame. */
    public static final int MAX_TIME_STEPS = 16;
    /** Largest batch the app offers. */
    public static final int MAX_BATCH_SIZE = 512;

    public RunSettings {
        if (dataset == null || dataset.isBlank() || preset == null || preset.isBlank()) {
            throw new IllegalArgumentException("a dataset and a preset are required");
        }
        if (timeSteps < 1 || timeSteps > MAX_TIME_STEPS) {
            throw new IllegalArgumentException("T must be between 1 and " + MAX_TIME_STEPS + ", got " + timeSteps);
        }
        if (batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batch size must be at most " + MAX_BATCH_SIZE + ", got " + batchSize);
        }
        lifParameters(tau, threshold, surrogate);
        if (mpbnMode == null || runningStats == null) {
            throw new IllegalArgumentException("MPBN mode and statistics mode are required");
        }
        trainingConfig(epochs, batchSize, optimizer, learningRate, seed);
    }

    /** Settings of a run that starts from the random weights of {@code seed}. */
    public RunSettings(String dataset, String preset, int timeSteps, double tau, double threshold, MpbnMode mpbnMode,
                       RunningStatsMode runningStats, Surrogate surrogate, String optimizer, double learningRate,
                       int batchSize, int epochs, long seed) {
        this(dataset, preset, timeSteps, tau, threshold, mpbnMode, runningStats, surrogate, optimizer, learningRate,
                batchSize, epochs, seed, null);
    }

    /** The same settings starting from {@code model}'s weights (null: from the seed's random weights). */
    public RunSettings startingFrom(Path model) {
        return new RunSettings(dataset, preset, timeSteps, tau, threshold, mpbnMode, runningStats, surrogate,
                optimizer, learningRate, batchSize, epochs, seed, model);
    }

    /** The settings the app starts with: glyphs on conv-small, T = 4, MPBN per channel. */
    public static RunSettings defaults() {
        LifParameters lif = LifParameters.defaults();
        return new RunSettings("glyphs", "conv-small", 4, lif.tau(), lif.threshold(), MpbnMode.CHANNEL,
                RunningStatsMode.SHARED, lif.surrogate(), "sgd", 0.1, 32, 5, 1);
    }

    public LifParameters lifParameters() {
        return lifParameters(tau, threshold, surrogate);
    }

    public MpbnParameters mpbnParameters() {
        return MpbnParameters.of(mpbnMode, runningStats);
    }

    public TrainingConfig trainingConfig() {
        return trainingConfig(epochs, batchSize, optimizer, learningRate, seed);
    }

    private static LifParameters lifParameters(double tau, double threshold, Surrogate surrogate) {
        if (!(tau >= 0 && tau <= 1)) {
            throw new IllegalArgumentException("τ must be between 0 and 1 (a decay factor), got " + tau);
        }
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("V_th must be a positive number, got " + threshold);
        }
        if (surrogate == null) {
            throw new IllegalArgumentException("a surrogate gradient is required");
        }
        return new LifParameters(tau, threshold, surrogate, false);
    }

    private static TrainingConfig trainingConfig(int epochs, int batchSize, String optimizer, double learningRate,
                                                 long seed) {
        if (batchSize < 2) {
            throw new IllegalArgumentException("batch size must be at least 2 (batch statistics need two samples), got "
                    + batchSize);
        }
        if (!(learningRate > 0) || learningRate > 10) {
            throw new IllegalArgumentException("learning rate must be above 0 and at most 10, got " + learningRate);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        return new TrainingConfig(epochs, batchSize, optimizer, learningRate, 5e-4, LearningRateSchedule.COSINE, seed);
    }

    /** A short name for legends, e.g. {@code "MPBN channel · T4 · sgd 0.1 · seed 1"}. */
    public String label() {
        String mpbn = mpbnMode == MpbnMode.OFF ? "no MPBN"
                : "MPBN " + mpbnMode.id() + (runningStats == RunningStatsMode.PER_STEP ? "/per-step" : "");
        String text = String.format(Locale.ROOT, "%s · %s · T%d · τ %s · V_th %s · %s %s · B%d · seed %d", preset, mpbn,
                timeSteps, compact(tau), compact(threshold), optimizer, compact(learningRate), batchSize, seed);
        return initialModel == null ? text : text + " · from " + initialModel.getFileName();
    }

    static String compact(double value) {
        String text = String.format(Locale.ROOT, "%.6g", value);
        if (text.contains(".") && !text.contains("e")) {
            text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return text;
    }
}
