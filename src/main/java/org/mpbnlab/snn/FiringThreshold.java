package org.mpbnlab.snn;

import org.mpbnlab.snn.kernel.ArrayView;
import org.mpbnlab.snn.kernel.FiringRule;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * When a neuron of one group fires, as the engine decides it in evaluation (and in folded inference): the
 * one type for every kind of neuron.
 * <pre>
 *   v     = (u_pre − μ)·scale + shift               MPBN with fixed statistics: scale = γ/sqrt(σ² + ε), shift = β
 *                                                    plain and folded neurons: μ = 0, scale = 1, shift = 0, so v = u_pre
 *   fires ⇔ v &gt; threshold                          direction +1 (MPBN, plain: threshold = V_th; folded γ &gt; 0: Ṽ)
 *         ⇔ v &lt; threshold                          direction −1 (folded γ &lt; 0: Ṽ)
 *         ⇔ threshold &lt; 0                          direction  0 (folded γ = 0: a constant, Ṽ = −1 always, +1 never)
 * </pre>
 * v is computed in the engine's arithmetic: double precision for float64, single precision for float32
 * (μ, scale and shift rounded to float first, then {@code (u − μ)·scale + shift} in float), exactly as the
 * kernels compute it ({@link #rule} compiles a row of thresholds to their float form). With μ, scale and
 * shift fixed, v is monotone in u_pre, which is what lets the fold ({@code fold.ExactThreshold}) replace an
 * MPBN decision by a folded one that agrees on every float.
 */
public record FiringThreshold(double mean, double scale, double shift, int direction, double threshold,
                              DataType arithmetic) {

    /** Ṽ stored for a folded group that always fires (direction 0). */
    public static final double ALWAYS = -1.0;
    /** Ṽ stored for a folded group that never fires (direction 0). */
    public static final double NEVER = 1.0;

    public FiringThreshold {
        if (direction < -1 || direction > 1) {
            throw new IllegalArgumentException("direction must be +1, −1 or 0 (constant), got " + direction);
        }
        if (direction == 0 && threshold != ALWAYS && threshold != NEVER) {
            throw new IllegalArgumentException("a constant group stores Ṽ = −1 (always fires) or +1 (never), got "
                    + threshold);
        }
        if (arithmetic != DataType.FLOAT && arithmetic != DataType.DOUBLE) {
            throw new IllegalArgumentException("the engine computes in FLOAT or DOUBLE, not " + arithmetic);
        }
    }

    /** A neuron without MPBN: {@code u_pre > V_th}. */
    public static FiringThreshold plain(double vth, DataType arithmetic) {
        return new FiringThreshold(0, 1, 0, 1, vth, arithmetic);
    }

    /** MPBN with fixed statistics: {@code (u_pre − μ)·scale + β > V_th}, {@code scale = γ/sqrt(σ² + ε)}. */
    public static FiringThreshold normalized(double mean, double scale, double shift, double vth,
                                             DataType arithmetic) {
        return new FiringThreshold(mean, scale, shift, 1, vth, arithmetic);
    }

    /** The evaluation-mode MPBN of group {@code group} of running-statistics set {@code set} of a layer. */
    public static FiringThreshold of(LifNeurons layer, int set, int group) {
        MpbnParameters mpbn = layer.mpbnParameters();
        if (!mpbn.enabled()) {
            throw new IllegalArgumentException("the layer has no MPBN");
        }
        int groups = layer.normalizationLayout().groups();
        double mu = ArrayView.of(layer.runningMean()).get(set * groups + group);
        double var = ArrayView.of(layer.runningVar()).get(set * groups + group);
        double gamma = ArrayView.of(layer.gamma().value()).get(group);
        double beta = ArrayView.of(layer.beta().value()).get(group);
        double scale = gamma * BatchNormMath.inverseStd(var, mpbn.epsilon());
        return normalized(mu, scale, beta, layer.lifParameters().threshold(), layer.dataType());
    }

    /** A folded group: {@code u_pre > Ṽ} (direction +1), {@code u_pre < Ṽ} (−1), or a constant (0, Ṽ = ±1). */
    public static FiringThreshold folded(double vTilde, int direction, DataType arithmetic) {
        return new FiringThreshold(0, 1, 0, direction, vTilde, arithmetic);
    }

    /** A folded group whose decision does not depend on u_pre (what γ = 0 leaves of MPBN). */
    public static FiringThreshold constant(boolean alwaysFires, DataType arithmetic) {
        return folded(alwaysFires ? ALWAYS : NEVER, 0, arithmetic);
    }

    /** The value compared with the threshold: û with MPBN, u_pre itself otherwise, in the engine's arithmetic. */
    public double compared(double uPre) {
        if (arithmetic == DataType.FLOAT) {
            return ((float) uPre - (float) mean) * (float) scale + (float) shift;
        }
        return BatchNormMath.affine(uPre, mean, scale, shift);
    }

    /** Whether a neuron with membrane {@code uPre} fires. */
    public boolean fires(double uPre) {
        if (direction == 0) {
            return threshold < 0;
        }
        double v = compared(uPre);
        return direction > 0 ? v > threshold : v < threshold;
    }

    /** True for a folded constant (direction 0): u_pre is not looked at. */
    public boolean isConstant() {
        return direction == 0;
    }

    /** True when v is u_pre itself (plain and folded neurons): no affine to compute. */
    public boolean comparesMembrane() {
        return mean == 0 && scale == 1 && shift == 0;
    }

    /**
     * The comparison as {@code sign·v > signedThreshold}, the branch-free form the kernels use: sign is the
     * direction; negation is exact, so {@code −v > −Ṽ ⇔ v < Ṽ}; a constant (sign 0) compares {@code 0·v = ±0}
     * with Ṽ = ∓1 itself.
     */
    public double signedThreshold() {
        return signed(direction, threshold);
    }

    private static double signed(double direction, double threshold) {
        return direction == 0 ? threshold : direction * threshold;
    }

    /**
     * The float kernels' form of one row's thresholds ({@code groups[g]} decides positions
     * {@code [g·spatial, (g+1)·spatial)}): μ, scale and shift rounded to float, and the signed threshold
     * rounded down to the largest float not above it, so that the float comparison decides every float
     * exactly as {@link #fires} does.
     */
    public static FiringRule rule(int spatial, FiringThreshold[] groups) {
        int count = groups.length;
        double[] mean = new double[count];
        double[] scale = new double[count];
        double[] shift = new double[count];
        double[] sign = new double[count];
        double[] signed = new double[count];
        boolean normalizes = false;
        for (int g = 0; g < count; g++) {
            mean[g] = groups[g].mean;
            scale[g] = groups[g].scale;
            shift[g] = groups[g].shift;
            sign[g] = groups[g].direction;
            signed[g] = groups[g].signedThreshold();
            normalizes |= !groups[g].comparesMembrane();
        }
        return FiringRule.of(spatial, mean, scale, shift, sign, signed, normalizes);
    }

    /**
     * {@link #rule} of {@code normalized(mean[g], scale[g], shift[g], vth)} for every group, from the arrays
     * (a layer of many groups builds no object per group).
     */
    static FiringRule normalizedRule(int spatial, double[] mean, double[] scale, double[] shift, double vth) {
        double[] sign = new double[mean.length];
        double[] signed = new double[mean.length];
        java.util.Arrays.fill(sign, 1);
        java.util.Arrays.fill(signed, vth);
        return FiringRule.of(spatial, mean, scale, shift, sign, signed, true);
    }

    /** {@link #rule} of {@code folded(threshold[g], direction[g])} for every group, from the arrays. */
    static FiringRule foldedRule(int spatial, double[] threshold, double[] direction) {
        int count = threshold.length;
        double[] sign = new double[count];
        double[] signed = new double[count];
        double[] ones = new double[count];
        for (int g = 0; g < count; g++) {
            sign[g] = Math.signum(direction[g]);
            signed[g] = signed(sign[g], threshold[g]);
            ones[g] = 1;
        }
        return FiringRule.of(spatial, new double[count], ones, new double[count], sign, signed, false);
    }
}
