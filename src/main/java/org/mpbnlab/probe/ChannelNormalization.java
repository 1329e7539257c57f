package org.mpbnlab.probe;

/**
 * The per-channel MPBN values a recorded pass used, kept for conv layers in CHANNEL mode (one group
 * per channel) so that a view can show the threshold MPBN amounts to on u_pre:
 * <pre>
 *   û = γ·(u_pre − μ)·s + β &gt; V_th   ⇔   u_pre &gt; Ṽ ≈ μ + (V_th − β)/(γ·s)     (γ &gt; 0; s = 1/sqrt(σ² + ε))
 * </pre>
 * The recorder stores Ṽ exactly: the last float at which the engine's own float decision with the step's
 * μ and s is still "no spike" (see {@link FoldedFiring}), and the fraction of u_pre values past it, which
 * therefore equals the fraction of û above V_th, value for value.
 *
 * @param gamma             γ per channel
 * @param beta              β per channel
 * @param stepMean          μ per step and channel (batch statistics in training, running in evaluation)
 * @param stepInverseStd    s = 1/sqrt(σ² + ε) per step and channel
 * @param stepThreshold     the exact Ṽ per step and channel (NaN when γ = 0: û = β, always or never fires)
 * @param stepFractionPast  per step and channel: #{u_pre past Ṽ} / n (above Ṽ for γ &gt; 0, below for γ &lt; 0)
 */
public record ChannelNormalization(double[] gamma, double[] beta, double[][] stepMean, double[][] stepInverseStd,
                                   double[][] stepThreshold, double[][] stepFractionPast) {

    public ChannelNormalization {
        gamma = gamma.clone();
        beta = beta.clone();
        stepMean = deepCopy(stepMean);
        stepInverseStd = deepCopy(stepInverseStd);
        stepThreshold = deepCopy(stepThreshold);
        stepFractionPast = deepCopy(stepFractionPast);
    }

    private static double[][] deepCopy(double[][] values) {
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        return copy;
    }

    public double gamma(int channel) {
        return gamma[channel];
    }

    public double beta(int channel) {
        return beta[channel];
    }

    public double mean(int t, int channel) {
        return stepMean[t][channel];
    }

    public double inverseStd(int t, int channel) {
        return stepInverseStd[t][channel];
    }

    /**
     * Ṽ of channel {@code c} at step {@code t}: the value u_pre must pass for û to pass V_th, exact in the
     * engine's float arithmetic. The neuron fires above Ṽ when γ &gt; 0 and below it when γ &lt; 0; NaN when
     * γ = 0 (then û = β whatever u_pre is, and no threshold on u_pre exists).
     */
    public double thresholdOnMembrane(int t, int c) {
        return stepThreshold[t][c];
    }

    /**
     * The fraction of channel {@code c}'s u_pre values at step {@code t} past Ṽ (above it for γ &gt; 0, below
     * for γ &lt; 0): equal to the fraction of its û values above V_th, the fold's point in one number.
     */
    public double fractionPastThreshold(int t, int c) {
        return stepFractionPast[t][c];
    }

    /** Bytes held. */
    long bytes() {
        return 8L * (gamma.length + beta.length) + 32L * stepMean.length * gamma.length + 64;
    }
}
