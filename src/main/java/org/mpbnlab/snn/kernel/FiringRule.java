package org.mpbnlab.snn.kernel;

/**
 * The float kernels' form of one time step's firing decisions, per group of {@code spatial} consecutive
 * positions of a row (the model's {@code snn.FiringThreshold}s of the row, compiled):
 * <pre>
 *   v = (u_pre − mean_g)·scale_g + shift_g          (MPBN with fixed statistics; the identity when folded or plain)
 *   s = [sign_g·v &gt; limit_g]
 * </pre>
 * MPBN has sign +1 and limit V_th rounded down to a float; folded and plain neurons compare the raw membrane
 * (mean 0, scale 1, shift 0, which leave every float unchanged) with their threshold Ṽ in the direction of sign
 * (a constant group has sign 0). Arrays are indexed by group.
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
     * The rule {@code s = [sign_g·((u − mean_g)·scale_g + shift_g) > signedThreshold_g]}: the constants rounded to
     * float, each signed threshold to the largest float not above it (so that for every float v,
     * {@code v > t ⇔ v > limit}).
     */
    public static FiringRule of(int spatial, double[] mean, double[] scale, double[] shift, double[] sign,
                                double[] signedThreshold, boolean normalizes) {
        int groups = sign.length;
        float[] limit = new float[groups];
        for (int g = 0; g < groups; g++) {
            limit[g] = FloatLifKernels.below(signedThreshold[g]);
        }
        return new FiringRule(spatial, FloatLifKernels.single(mean), FloatLifKernels.single(scale),
                FloatLifKernels.single(shift), FloatLifKernels.single(sign), limit, normalizes);
    }

    public int groups() {
        return sign.length;
    }

    public int rowSize() {
        return sign.length * spatial;
    }
}
