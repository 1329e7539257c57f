package org.mpbnlab.snn;

/**
 * The LIF kernels of {@link LifDynamics} for the float engine: the same equations over plain {@code float[]}
 * heap buffers, in single-precision arithmetic, written so that the JIT turns them into vector instructions
 * (no branch, no conversion to double inside the loops, one array index per stream). The double engine
 * (finite-difference gradient checks) runs the generic kernels in double precision.
 *
 * <p>Per-group sums (MPBN's batch statistics and its backward) go into double accumulators, so the
 * statistics keep their precision.
 */
final class FloatLifKernels {

    /** 2¹²⁶: twice applied it lifts the smallest positive float difference, 2⁻¹⁴⁹, to 2¹⁰³ ≥ 1. */
    private static final float LIFT = 0x1p126f;

    private FloatLifKernels() {
    }

    /** The backing arrays when every view is a heap float view, else null (the generic kernels run then). */
    static float[][] arrays(ArrayView... views) {
        float[][] arrays = new float[views.length][];
        for (int k = 0; k < views.length; k++) {
            if (!(views[k] instanceof ArrayView.HeapFloats heap)) {
                return null;
            }
            arrays[k] = heap.array();
        }
        return arrays;
    }

    /**
     * {@code [value > threshold]} as 1 or 0 with no branch and no comparison, so that it vectorises: the float
     * difference of two distinct floats is never zero (gradual underflow) and has the sign of the comparison;
     * multiplied by 2²⁵² any positive difference is at least 1, so clamping to [0, 1] gives exactly 1 or 0
     * ({@code +∞ − x} and {@code x − (−∞)} included). A NaN membrane gives a NaN spike.
     */
    static float above(float value, float threshold) {
        return Math.min(Math.max((value - threshold) * LIFT * LIFT, 0f), 1f);
    }

    /**
     * The largest float ≤ t, so that for every float v: {@code v > t ⇔ v > below(t)} (t is a double
     * threshold, e.g. V_th = 0.3, that a float membrane is compared with).
     */
    static float below(double t) {
        float f = (float) t;
        return f > t ? Math.nextDown(f) : f;
    }

    /** {@code u_pre[t] = τ·u_pre[t−1]·(1 − s[t−1]) + x[t]} over {@code [from, to)} of one step's block. */
    static void charge(float[] x, float[] uPre, float[] spikes, int from, int to, int length, boolean firstStep,
                       float tau, int inputShift) {
        if (firstStep) {
            System.arraycopy(x, from - inputShift, uPre, from, to - from);
            return;
        }
        for (int i = from; i < to; i++) {
            uPre[i] = tau * (uPre[i - length] * (1 - spikes[i - length])) + x[i - inputShift];
        }
    }

    /** Charge and fire rows {@code [from, to)} of a block at {@code start}: fire where {@code sign·u_pre > Ṽ}. */
    static void chargeAndFire(float[] x, float[] uPre, float[] spikes, int start, int length, int from, int to,
                              boolean firstStep, float tau, int inputShift, GroupThresholds thresholds) {
        int groups = thresholds.groups();
        int spatial = thresholds.spatial();
        int rowSize = thresholds.rowSize();
        float[] sign = floats(thresholds.sign(), false);
        float[] limit = floats(thresholds.signedThreshold(), true);
        for (int r = from; r < to; r++) {
            int base = start + r * rowSize;
            charge(x, uPre, spikes, base, base + rowSize, length, firstStep, tau, inputShift);
            if (spatial == 1) {
                for (int g = 0; g < groups; g++) {
                    spikes[base + g] = above(sign[g] * uPre[base + g], limit[g]);
                }
                continue;
            }
            for (int g = 0; g < groups; g++) {
                float sg = sign[g];
                float lim = limit[g];
                int end = base + (g + 1) * spatial;
                for (int i = base + g * spatial; i < end; i++) {
                    spikes[i] = above(sg * uPre[i], lim);
                }
            }
        }
    }

    /** Signs as floats, or thresholds rounded down to floats (see {@link #below}). */
    private static float[] floats(double[] values, boolean thresholds) {
        float[] out = new float[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = thresholds ? below(values[k]) : (float) values[k];
        }
        return out;
    }

    /**
     * Charge rows {@code [from, to)} of a block at {@code start} and add each group's Σu_pre and Σu_pre²
     * (in double) into {@code sums} and {@code squares}.
     */
    static void chargeAndSum(float[] x, float[] uPre, float[] spikes, int start, int length, int from, int to,
                             boolean firstStep, float tau, int inputShift, GroupLayout layout, double[] sums,
                             double[] squares) {
        int groups = layout.groups();
        int spatial = layout.spatial();
        int rowSize = layout.rowSize();
        for (int r = from; r < to; r++) {
            int base = start + r * rowSize;
            charge(x, uPre, spikes, base, base + rowSize, length, firstStep, tau, inputShift);
            for (int g = 0, i = base; g < groups; g++) {
                double a = 0;
                double b = 0;
                for (int s = 0; s < spatial; s++, i++) {
                    double v = uPre[i];
                    a += v;
                    b += v * v;
                }
                sums[g] += a;
                squares[g] += b;
            }
        }
    }

    /**
     * MPBN and fire over rows {@code [from, to)} of a block at {@code start}:
     * {@code û = (u_pre − μ_g)·scale_g + shift_g} in float, then {@code s = [û > V_th]}.
     */
    static void normalizeAndFire(float[] uPre, float[] uHat, float[] spikes, int start, int from, int to,
                                 GroupLayout layout, float[] mean, float[] scale, float[] shift, float threshold) {
        int groups = layout.groups();
        int spatial = layout.spatial();
        int rowSize = layout.rowSize();
        for (int r = from; r < to; r++) {
            int base = start + r * rowSize;
            if (spatial == 1) {
                for (int g = 0; g < groups; g++) {
                    float v = (uPre[base + g] - mean[g]) * scale[g] + shift[g];
                    uHat[base + g] = v;
                    spikes[base + g] = above(v, threshold);
                }
                continue;
            }
            for (int g = 0; g < groups; g++) {
                float mu = mean[g];
                float sc = scale[g];
                float sh = shift[g];
                int end = base + (g + 1) * spatial;
                for (int i = base + g * spatial; i < end; i++) {
                    float v = (uPre[i] - mu) * sc + sh;
                    uHat[i] = v;
                    spikes[i] = above(v, threshold);
                }
            }
        }
    }

    /** {@code (float) value} of every element: the per-group constants of a float kernel. */
    static float[] single(double[] values) {
        float[] out = new float[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = (float) values[k];
        }
        return out;
    }

    /**
     * One BPTT step without MPBN over {@code [from, to)}, in place over {@code gradIn}:
     * {@code ∂L/∂u_pre[t] = g_u·(1 − s) + (∂L/∂s − keep·g_u·u_pre)·φ'} with {@code g_u = τ·∂L/∂u_pre[t+1]}
     * (0 at the last step) and {@code keep} 0 for a detached reset, else 1.
     */
    static void backwardStep(float[] gradOut, float[] gradIn, float[] uPre, float[] slope, float[] spikes,
                             int from, int to, int length, boolean lastStep, float tau, float keep) {
        if (lastStep) {
            for (int i = from; i < to; i++) {
                gradIn[i] = gradOut[i] * slope[i];
            }
            return;
        }
        for (int i = from; i < to; i++) {
            float gradU = tau * gradIn[i + length];
            float gradSpike = gradOut[i] - keep * gradU * uPre[i];
            gradIn[i] = gradU * (1 - spikes[i]) + gradSpike * slope[i];
        }
    }

    /**
     * One BPTT step with MPBN over rows {@code [from, to)} of a block at {@code start}: {@code ∂L/∂û} into
     * {@code gradHat}, the reset path {@code g_u·(1 − s)} into {@code gradIn}, and per group Σ∂L/∂û and
     * Σ∂L/∂û·x̂ with {@code x̂ = (u_pre − μ)·invStd} added into {@code sums} and {@code sumsXhat}: in double per
     * row and group for conv layers; for one neuron per group (dense layers, element mode) the few rows of the
     * range are summed in float, element-wise over the groups, and then added.
     */
    static void backwardStepAndSum(float[] gradOut, float[] gradIn, float[] gradHat, float[] uPre, float[] slope,
                                   float[] spikes, int start, int length, int from, int to, boolean lastStep,
                                   float tau, float keep, GroupLayout layout, float[] mean, float[] inverseStd,
                                   double[] sums, double[] sumsXhat) {
        int groups = layout.groups();
        int spatial = layout.spatial();
        int rowSize = layout.rowSize();
        float[] rowSums = spatial == 1 ? new float[groups] : null;
        float[] rowSumsXhat = spatial == 1 ? new float[groups] : null;
        for (int r = from; r < to; r++) {
            int base = start + r * rowSize;
            int end = base + rowSize;
            if (lastStep) {
                for (int i = base; i < end; i++) {
                    gradHat[i] = gradOut[i] * slope[i];
                    gradIn[i] = 0f;
                }
            } else {
                for (int i = base; i < end; i++) {
                    float gradU = tau * gradIn[i + length];
                    gradHat[i] = (gradOut[i] - keep * gradU * uPre[i]) * slope[i];
                    gradIn[i] = gradU * (1 - spikes[i]);
                }
            }
            if (spatial == 1) {
                // one neuron per group: the sums run across the row, element-wise over groups
                for (int g = 0; g < groups; g++) {
                    float d = gradHat[base + g];
                    rowSums[g] += d;
                    rowSumsXhat[g] += d * ((uPre[base + g] - mean[g]) * inverseStd[g]);
                }
                continue;
            }
            for (int g = 0, i = base; g < groups; g++) {
                float mu = mean[g];
                double a = 0;
                double b = 0;
                for (int s = 0; s < spatial; s++, i++) {
                    float d = gradHat[i];
                    a += d;
                    b += d * (uPre[i] - mu);
                }
                sums[g] += a;
                sumsXhat[g] += b * inverseStd[g];
            }
        }
        if (spatial == 1) {
            for (int g = 0; g < groups; g++) {
                sums[g] += rowSums[g];
                sumsXhat[g] += rowSumsXhat[g];
            }
        }
    }
}
