package org.mpbnlab.probe;

/**
 * Which forward pass a probe frame was recorded from, and therefore which statistics MPBN used to
 * compute û from u_pre.
 */
public enum StatisticsSource {

    /** The last training batch: MPBN normalised every step with that step's own batch mean and variance. */
    TRAINING_BATCH("batch statistics (training mode)",
            "recorded from the last training batch: MPBN used the mean and variance of this batch at each step"),

    /** A fixed batch of test samples run in evaluation mode: MPBN used its running statistics. */
    PROBE_BATCH("running statistics (evaluation mode)",
            "recorded from a fixed batch of test samples in evaluation mode: MPBN used its running mean and "
                    + "variance, as a deployed (folded) network would");

    private final String label;
    private final String explanation;

    StatisticsSource(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    public String label() {
        return label;
    }

    public String explanation() {
        return explanation;
    }
}
