package org.mpbnlab.snn;

/**
 * Parameters of the leaky integrate-and-fire neuron (docs/mathematics.md §1).
 *
 * @param tau         decay factor τ of {@code u_pre[t] = τ·u[t−1] + x[t]} (a factor, not a time constant)
 * @param threshold   firing threshold V_th of {@code s[t] = [û[t] > V_th]}
 * @param surrogate   the gradient used for the step in the backward pass
 * @param detachReset true: no gradient flows through the reset {@code u[t] = u_pre[t]·(1 − s[t])}
 */
public record LifParameters(double tau, double threshold, Surrogate surrogate, boolean detachReset) {

    /** The official code's defaults: τ = 0.25, V_th = 0.5, tanh surrogate, reset not detached. */
    public static LifParameters defaults() {
        return new LifParameters(0.25, 0.5, Surrogate.TANH, false);
    }

    public LifParameters {
        if (!(tau >= 0 && tau <= 1)) {
            throw new IllegalArgumentException("tau must be in [0, 1], got " + tau);
        }
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold V_th must be a positive number, got " + threshold);
        }
        if (surrogate == null) {
            throw new IllegalArgumentException("surrogate is required");
        }
    }
}
