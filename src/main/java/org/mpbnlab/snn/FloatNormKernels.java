package org.mpbnlab.snn;

/**
 * The element-wise passes of {@link BatchNormMath} for the float engine: plain {@code float[]} loops in
 * single precision that the JIT vectorises (see {@link FloatLifKernels}). The per-group constants arrive
 * in double and are rounded to float once.
 */
final class FloatNormKernels {

    private FloatNormKernels() {
    }

    /** {@code y = (x − μ_g)·scale_g + shift_g} over rows {@code [firstRow + from, firstRow + to)}. */
    static void affine(float[] x, float[] y, int firstRow, int from, int to, GroupLayout layout, float[] mean,
                       float[] scale, float[] shift) {
        int groups = layout.groups();
        int spatial = layout.spatial();
        int rowSize = layout.rowSize();
        for (int r = firstRow + from; r < firstRow + to; r++) {
            int base = r * rowSize;
            if (spatial == 1) {
                for (int g = 0; g < groups; g++) {
                    y[base + g] = (x[base + g] - mean[g]) * scale[g] + shift[g];
                }
                continue;
            }
            for (int g = 0; g < groups; g++) {
                float mu = mean[g];
                float sc = scale[g];
                float sh = shift[g];
                int end = base + (g + 1) * spatial;
                for (int i = base + g * spatial; i < end; i++) {
                    y[i] = (x[i] - mu) * sc + sh;
                }
            }
        }
    }

    /**
     * {@code dx = factor_g·(n·dy − Σdy_g − x̂·Σ(dy·x̂)_g)} with {@code x̂ = (x − μ_g)·invStd_g}, written or
     * (with {@code accumulate}) added, over rows {@code [firstRow + from, firstRow + to)}.
     */
    static void batchStatisticsBackward(float[] x, float[] dy, float[] dx, int firstRow, int from, int to,
                                        GroupLayout layout, float[] mean, float[] inverseStd, float[] factor,
                                        float n, float[] sumDy, float[] sumDyXhat, boolean accumulate) {
        int groups = layout.groups();
        int spatial = layout.spatial();
        int rowSize = layout.rowSize();
        for (int r = firstRow + from; r < firstRow + to; r++) {
            int base = r * rowSize;
            if (spatial == 1) {
                for (int g = 0; g < groups; g++) {
                    int i = base + g;
                    float xhat = (x[i] - mean[g]) * inverseStd[g];
                    float grad = factor[g] * (n * dy[i] - sumDy[g] - xhat * sumDyXhat[g]);
                    dx[i] = accumulate ? dx[i] + grad : grad;
                }
                continue;
            }
            for (int g = 0; g < groups; g++) {
                float mu = mean[g];
                float inv = inverseStd[g];
                float f = factor[g];
                float sd = sumDy[g];
                float sdx = sumDyXhat[g];
                int end = base + (g + 1) * spatial;
                for (int i = base + g * spatial; i < end; i++) {
                    float xhat = (x[i] - mu) * inv;
                    float grad = f * (n * dy[i] - sd - xhat * sdx);
                    dx[i] = accumulate ? dx[i] + grad : grad;
                }
            }
        }
    }
}
