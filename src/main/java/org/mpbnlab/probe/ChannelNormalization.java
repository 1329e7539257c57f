package org.mpbnlab.probe;

/**
 * The per-channel MPBN values a recorded pass used, kept for conv layers in CHANNEL mode (one group
 * per channel) so that a view can show the threshold MPBN amounts to on u_pre:
 * <pre>
 *   û = γ·(u_pre − μ)·s + β &gt; V_th   ⇔   u_pre &gt; Ṽ = μ + (V_th − β)/(γ·s)     (γ &gt; 0; s = 1/sqrt(σ² + ε))
 * </pre>
 *
 * @param gamma          γ per channel
 * @param beta           β per channel
 * @param stepMean       μ per step and channel (batch statistics in training, running in evaluation)
 * @param stepInverseStd s = 1/sqrt(σ² + ε) per step and channel
 */
public record ChannelNormalization(double[] gamma, double[] beta, double[][] stepMean, double[][] stepInverseStd) {

    public ChannelNormalization {
        gamma = gamma.clone();
        beta = beta.clone();
        stepMean = deepCopy(stepMean);
        stepInverseStd = deepCopy(stepInverseStd);
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
     * Ṽ = μ + (V_th − β)/(γ·s) of channel {@code c} at step {@code t}: the value u_pre must pass for û to
     * pass V_th. The neuron fires above Ṽ when γ &gt; 0 and below it when γ &lt; 0; NaN when γ = 0 (then
     * û = β whatever u_pre is).
     */
    public double thresholdOnMembrane(int t, int c, double threshold) {
        double g = gamma[c];
        if (g == 0) {
            return Double.NaN;
        }
        return stepMean[t][c] + (threshold - beta[c]) / (g * stepInverseStd[t][c]);
    }

    /** Bytes held. */
    long bytes() {
        return 8L * (gamma.length + beta.length) + 16L * stepMean.length * gamma.length + 64;
    }
}
