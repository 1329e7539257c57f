package org.mpbnlab.snn.kernel;

/**
 * The evaluation-mode firing decision of one time step, per group of {@code spatial} consecutive positions of a row, in the
 * float engine's arithmetic:
 * <pre>
 *   v = (u_pre − mean_g)·scale_g + shift_g          (MPBN with running statistics; the identity when folded)
 *   s = [sign_g·v &gt; limit_g]
 * </pre>
 * MPBN in evaluation has sign +1 and limit V_th (rounded down to a float); folded and plain neurons compare the
 * raw membrane (mean 0, scale 1, shift 0, which leave every float unchanged) with their threshold Ṽ, in the
 * direction of sign. Arrays are indexed by group.
 */
public record FiringRule(int spatial, float[] mean, float[] scale, float[] shift, float[] sign, float[] limit,
                         boolean normalizes) {

    public FiringRule {
        int groups = sign.length;
        if (mean.length != groups || scale.length != groups || shift.length != groups || limit.length != groups
                || spatial <= 0) {
            throw new IllegalArgumentException("one constant of each kind per group, and a positive group size");
        }
    }

    /**
     * Neurons that compare the raw membrane: {@code s = [sign_g·u_pre > signedThreshold_g]} for groups of
     * {@code spatial} positions ({@code sign_g = ±1}; {@code signedThreshold_g = sign_g·Ṽ_g}).
     */
    public static FiringRule comparing(int spatial, double[] sign, double[] signedThreshold) {
        int groups = sign.length;
        float[] limit = new float[groups];
        for (int g = 0; g < groups; g++) {
            limit[g] = FloatLifKernels.below(signedThreshold[g]);
        }
        float[] ones = new float[groups];
        java.util.Arrays.fill(ones, 1f);
        return new FiringRule(spatial, new float[groups], ones, new float[groups],
                FloatLifKernels.single(sign), limit, false);
    }

    /** MPBN with fixed statistics: {@code s = [(u_pre − μ_g)·scale_g + β_g > V_th]} for groups of {@code spatial}. */
    public static FiringRule normalized(int spatial, double[] mean, double[] scale, double[] shift, double vth) {
        int groups = mean.length;
        float[] ones = new float[groups];
        java.util.Arrays.fill(ones, 1f);
        float[] limit = new float[groups];
        java.util.Arrays.fill(limit, FloatLifKernels.below(vth));
        return new FiringRule(spatial, FloatLifKernels.single(mean), FloatLifKernels.single(scale),
                FloatLifKernels.single(shift), ones, limit, true);
    }

    public int groups() {
        return sign.length;
    }

    public int rowSize() {
        return sign.length * spatial;
    }
}
