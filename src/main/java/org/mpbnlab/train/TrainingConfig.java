package org.mpbnlab.train;

/**
 * How to train: every value is validated here, so an impossible setting is refused with a message
 * naming the option and what is allowed.
 *
 * @param epochs       passes over the training set, ≥ 1
 * @param batchSize    samples per iteration, ≥ 2 (batch statistics need two samples)
 * @param optimizer    {@code sgd} (momentum 0.9) or {@code adam}
 * @param learningRate η₀ &gt; 0
 * @param weightDecay  L2 factor λ ≥ 0 for Dense/Conv weights
 * @param schedule     constant or cosine
 * @param seed         seed of weights, shuffling and stochastic encoders
 */
public record TrainingConfig(int epochs, int batchSize, String optimizer, double learningRate, double weightDecay,
                             LearningRateSchedule schedule, long seed) {

    public static final double SGD_MOMENTUM = 0.9;

    public TrainingConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 2) {
            throw new IllegalArgumentException("--batch must be at least 2 (batch normalisation needs two samples), got "
                    + batchSize);
        }
        if (!"sgd".equals(optimizer) && !"adam".equals(optimizer)) {
            throw new IllegalArgumentException("--optimizer must be sgd or adam, got '" + optimizer + "'");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("--lr must be a positive number, got " + learningRate);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("--weight-decay must be zero or positive, got " + weightDecay);
        }
        if (schedule == null) {
            throw new IllegalArgumentException("a learning-rate schedule is required (constant or cosine)");
        }
    }

    /** A new optimizer of the configured kind. */
    public Optimizer newOptimizer() {
        return "sgd".equals(optimizer) ? new Sgd(SGD_MOMENTUM, weightDecay) : new Adam(weightDecay);
    }
}
