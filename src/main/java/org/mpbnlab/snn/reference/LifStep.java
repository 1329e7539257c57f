package org.mpbnlab.snn.reference;

/**
 * One time step of a layer of leaky integrate-and-fire neurons, written as the equations read: pure
 * functions in double precision, one line per equation, no buffers, no threads. This is the model; the
 * engine's fast layers ({@code LifNeurons}, {@code FoldedLifNeurons} and their kernels) compute the same
 * thing and are tested against it ({@code ReferenceAgreementTest}).
 *
 * <p>Values are {@code [batch][neuron]}. A row of a conv layer holds its channels one after another:
 * neuron {@code n} belongs to group {@code n / spatial} (a channel of {@code spatial = H·W} positions; in
 * element mode, or for dense layers, every neuron is its own group, {@code spatial = 1}).
 *
 * <p>The step, for every neuron (MPBN only where it is on):
 * <pre>
 *   u_pre[t] = τ·u[t−1] + x[t]                           charge        (u[−1] = 0)
 *   û[t]     = γ·(u_pre[t] − μ)/sqrt(σ² + ε) + β          MPBN          (û = u_pre without MPBN)
 *   s[t]     = [û[t] &gt; V_th]                              fire          (strict '&gt;')
 *   u[t]     = u_pre[t]·(1 − s[t])                        hard reset of the raw membrane
 * </pre>
 * The state carried to the next step is {@code u[t]}, the raw membrane after the reset: MPBN only decides
 * whether a neuron fires and is never stored, which is what makes folding it into the threshold exact.
 * A detached reset changes only the gradient (no gradient flows through {@code s[t]} in the reset), so the
 * forward step is the same with or without it.
 */
public final class LifStep {

    private LifStep() {
    }

    /** τ (a decay factor in [0, 1]) and the threshold V_th. */
    public record Lif(double tau, double threshold) {
    }

    /** The state between two steps: the reset membrane {@code u[t−1]} of every neuron, {@code [batch][neuron]}. */
    public record State(double[][] membrane) {

        public State {
            membrane = copy(membrane);
        }

        /** The state before the first step: every membrane at rest, {@code u[−1] = 0}. */
        public static State atRest(int batch, int neurons) {
            return new State(new double[batch][neurons]);
        }

        @Override
        public double[][] membrane() {
            return copy(membrane);
        }
    }

    /**
     * MPBN's statistics and affine parameters per group: {@code μ}, {@code σ²} (batch statistics in training,
     * running statistics in evaluation), {@code γ}, {@code β}, and ε.
     */
    public record Mpbn(int spatial, double[] mean, double[] variance, double[] gamma, double[] beta,
                       double epsilon) {

        public Mpbn {
            mean = mean.clone();
            variance = variance.clone();
            gamma = gamma.clone();
            beta = beta.clone();
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public double[] variance() {
            return variance.clone();
        }

        @Override
        public double[] gamma() {
            return gamma.clone();
        }

        @Override
        public double[] beta() {
            return beta.clone();
        }
    }

    /**
     * Folded thresholds per group: the neuron fires when {@code u_pre > Ṽ} (direction +1), when
     * {@code u_pre < Ṽ} (direction −1, from γ &lt; 0), or never looks at u_pre (direction 0, from γ = 0):
     * then it always fires when Ṽ &lt; 0 and never when Ṽ &gt; 0.
     */
    public record Folded(int spatial, double[] threshold, int[] direction) {

        public Folded {
            threshold = threshold.clone();
            direction = direction.clone();
        }

        @Override
        public double[] threshold() {
            return threshold.clone();
        }

        @Override
        public int[] direction() {
            return direction.clone();
        }
    }

    /** What one step produced: u_pre, the value compared with the threshold (û, or u_pre), the spikes, and the next state. */
    public record Result(double[][] charged, double[][] compared, double[][] spikes, State next) {

        public Result {
            charged = copy(charged);
            compared = copy(compared);
            spikes = copy(spikes);
        }

        @Override
        public double[][] charged() {
            return copy(charged);
        }

        @Override
        public double[][] compared() {
            return copy(compared);
        }

        @Override
        public double[][] spikes() {
            return copy(spikes);
        }
    }

    /** Plain LIF: {@code s = [u_pre > V_th]}. */
    public static Result lif(double[][] input, State state, Lif lif) {
        double[][] uPre = charge(input, state, lif.tau());
        double[][] spikes = new double[uPre.length][];
        for (int b = 0; b < uPre.length; b++) {
            spikes[b] = new double[uPre[b].length];
            for (int n = 0; n < uPre[b].length; n++) {
                spikes[b][n] = uPre[b][n] > lif.threshold() ? 1 : 0;
            }
        }
        return new Result(uPre, uPre, spikes, reset(uPre, spikes));
    }

    /** LIF with MPBN under the given statistics: {@code s = [γ·(u_pre − μ)/sqrt(σ² + ε) + β > V_th]}. */
    public static Result mpbn(double[][] input, State state, Lif lif, Mpbn mpbn) {
        return normalizeAndFire(charge(input, state, lif.tau()), lif, mpbn);
    }

    /**
     * LIF with MPBN in training: μ and σ² are the statistics of this step's own batch ({@link #batchStatistics}),
     * then as {@link #mpbn}.
     */
    public static Result mpbnTraining(double[][] input, State state, Lif lif, double[] gamma, double[] beta,
                                      int spatial, double epsilon) {
        double[][] uPre = charge(input, state, lif.tau());
        double[][] statistics = batchStatistics(uPre, spatial);
        return normalizeAndFire(uPre, lif, new Mpbn(spatial, statistics[0], statistics[1], gamma, beta, epsilon));
    }

    private static Result normalizeAndFire(double[][] uPre, Lif lif, Mpbn mpbn) {
        double[][] uHat = new double[uPre.length][];
        double[][] spikes = new double[uPre.length][];
        for (int b = 0; b < uPre.length; b++) {
            uHat[b] = new double[uPre[b].length];
            spikes[b] = new double[uPre[b].length];
            for (int n = 0; n < uPre[b].length; n++) {
                int g = n / mpbn.spatial;
                uHat[b][n] = mpbn.gamma[g] * (uPre[b][n] - mpbn.mean[g]) / Math.sqrt(mpbn.variance[g] + mpbn.epsilon)
                        + mpbn.beta[g];
                spikes[b][n] = uHat[b][n] > lif.threshold() ? 1 : 0;
            }
        }
        return new Result(uPre, uHat, spikes, reset(uPre, spikes));
    }

    /** Folded LIF: the raw membrane compared with Ṽ in the group's direction (see {@link Folded}). */
    public static Result folded(double[][] input, State state, Lif lif, Folded folded) {
        double[][] uPre = charge(input, state, lif.tau());
        double[][] spikes = new double[uPre.length][];
        for (int b = 0; b < uPre.length; b++) {
            spikes[b] = new double[uPre[b].length];
            for (int n = 0; n < uPre[b].length; n++) {
                int g = n / folded.spatial;
                double vTilde = folded.threshold[g];
                boolean fires = switch (folded.direction[g]) {
                    case 1 -> uPre[b][n] > vTilde;
                    case -1 -> uPre[b][n] < vTilde;
                    default -> vTilde < 0;
                };
                spikes[b][n] = fires ? 1 : 0;
            }
        }
        return new Result(uPre, uPre, spikes, reset(uPre, spikes));
    }

    /** Charge: {@code u_pre[t] = τ·u[t−1] + x[t]}. */
    static double[][] charge(double[][] input, State state, double tau) {
        double[][] u = state.membrane;
        double[][] uPre = new double[input.length][];
        for (int b = 0; b < input.length; b++) {
            uPre[b] = new double[input[b].length];
            for (int n = 0; n < input[b].length; n++) {
                uPre[b][n] = tau * u[b][n] + input[b][n];
            }
        }
        return uPre;
    }

    /** Hard reset of the raw membrane: {@code u[t] = u_pre[t]·(1 − s[t])}. */
    static State reset(double[][] uPre, double[][] spikes) {
        double[][] u = new double[uPre.length][];
        for (int b = 0; b < uPre.length; b++) {
            u[b] = new double[uPre[b].length];
            for (int n = 0; n < uPre[b].length; n++) {
                u[b][n] = uPre[b][n] * (1 - spikes[b][n]);
            }
        }
        return new State(u);
    }

    /**
     * The batch statistics of one step, per group: the mean and the biased variance over the batch and the
     * group's positions ({@code n = batch·spatial} values):
     * <pre>
     *   μ = (1/n)·Σ u_pre        σ² = (1/n)·Σ (u_pre − μ)²
     * </pre>
     * Returns {@code {μ, σ²}}, each indexed by group.
     */
    public static double[][] batchStatistics(double[][] uPre, int spatial) {
        int groups = uPre[0].length / spatial;
        double n = (double) uPre.length * spatial;
        double[] mean = new double[groups];
        double[] variance = new double[groups];
        for (double[] row : uPre) {
            for (int k = 0; k < row.length; k++) {
                mean[k / spatial] += row[k] / n;
            }
        }
        for (double[] row : uPre) {
            for (int k = 0; k < row.length; k++) {
                double deviation = row[k] - mean[k / spatial];
                variance[k / spatial] += deviation * deviation / n;
            }
        }
        return new double[][] {mean, variance};
    }

    /**
     * The running statistics after one training step, as PyTorch keeps them (momentum m, the batch's
     * variance made unbiased with n = batch·spatial values):
     * <pre>
     *   μ_run ← (1 − m)·μ_run + m·μ        σ²_run ← (1 − m)·σ²_run + m·σ²·n/(n − 1)
     * </pre>
     * Returns {@code {μ_run, σ²_run}}.
     */
    public static double[][] runningStatistics(double[] runningMean, double[] runningVariance, double[] mean,
                                               double[] variance, double n, double momentum) {
        double unbias = n > 1 ? n / (n - 1) : 1;
        double[] newMean = new double[mean.length];
        double[] newVariance = new double[mean.length];
        for (int g = 0; g < mean.length; g++) {
            newMean[g] = (1 - momentum) * runningMean[g] + momentum * mean[g];
            newVariance[g] = (1 - momentum) * runningVariance[g] + momentum * variance[g] * unbias;
        }
        return new double[][] {newMean, newVariance};
    }

    private static double[][] copy(double[][] values) {
        double[][] out = new double[values.length][];
        for (int b = 0; b < values.length; b++) {
            out[b] = values[b].clone();
        }
        return out;
    }
}
