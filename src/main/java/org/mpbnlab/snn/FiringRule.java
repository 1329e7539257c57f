package org.mpbnlab.snn;

/**
 * The evaluation-mode firing decision of one time step, per group of positions ({@link GroupLayout}), in the
 * float engine's arithmetic:
 * <pre>
 *   v = (u_pre − mean_g)·scale_g + shift_g          (MPBN with running statistics; the identity when folded)
 *   s = [sign_g·v &gt; limit_g]
 * </pre>
 * MPBN in evaluation has sign +1 and limit V_th (rounded down to a float); folded and plain neurons compare the
 * raw membrane (mean 0, scale 1, shift 0, which leave every float unchanged) with their threshold Ṽ, in the
 * direction of sign. Arrays are indexed by group.
 */
record FiringRule(int spatial, float[] mean, float[] scale, float[] shift, float[] sign, float[] limit,
                  boolean normalizes) {

    FiringRule {
        int groups = sign.length;
        if (mean.length != groups || scale.length != groups || shift.length != groups || limit.length != groups
                || spatial <= 0) {
            throw new IllegalArgumentException("one constant of each kind per group, and a positive group size");
        }
    }

    /** Neurons that compare the raw membrane: {@code s = [sign·u_pre > Ṽ]}. */
    static FiringRule thresholds(GroupThresholds thresholds) {
        int groups = thresholds.groups();
        float[] limit = new float[groups];
        for (int g = 0; g < groups; g++) {
            limit[g] = FloatLifKernels.below(thresholds.signedThreshold()[g]);
        }
        float[] ones = new float[groups];
        java.util.Arrays.fill(ones, 1f);
        return new FiringRule(thresholds.spatial(), new float[groups], ones, new float[groups],
                FloatLifKernels.single(thresholds.sign()), limit, false);
    }

    /** MPBN with fixed statistics: {@code s = [(u_pre − μ)·scale + β > V_th]}. */
    static FiringRule normalized(GroupLayout layout, double[] mean, double[] scale, double[] shift, double vth) {
        int groups = layout.groups();
        float[] ones = new float[groups];
        java.util.Arrays.fill(ones, 1f);
        float[] limit = new float[groups];
        java.util.Arrays.fill(limit, FloatLifKernels.below(vth));
        return new FiringRule(layout.spatial(), FloatLifKernels.single(mean), FloatLifKernels.single(scale),
                FloatLifKernels.single(shift), ones, limit, true);
    }

    int groups() {
        return sign.length;
    }

    int rowSize() {
        return sign.length * spatial;
    }
}
