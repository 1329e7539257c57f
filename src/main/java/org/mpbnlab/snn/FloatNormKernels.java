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
        float[] row = spatial == 1 ? new float[groups] : null;
        for (int r = firstRow + from; r < firstRow + to; r++) {
            int base = r * rowSize;
            if (spatial == 1) {
                // the row copied next to the per-group constants, so that every array is indexed by g
                System.arraycopy(x, base, row, 0, groups);
                for (int g = 0; g < groups; g++) {
                    row[g] = (row[g] - mean[g]) * scale[g] + shift[g];
                }
                System.arraycopy(row, 0, y, base, groups);
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
        float[] xRow = spatial == 1 ? new float[groups] : null;
        float[] dyRow = spatial == 1 ? new float[groups] : null;
        float[] dxRow = spatial == 1 ? new float[groups] : null;
        for (int r = firstRow + from; r < firstRow + to; r++) {
            int base = r * rowSize;
            if (spatial == 1) {
                // the rows copied next to the per-group constants, so that every array is indexed by g
                System.arraycopy(x, base, xRow, 0, groups);
                System.arraycopy(dy, base, dyRow, 0, groups);
                if (accumulate) {
                    System.arraycopy(dx, base, dxRow, 0, groups);
                }
                for (int g = 0; g < groups; g++) {
                    float xhat = (xRow[g] - mean[g]) * inverseStd[g];
                    float grad = factor[g] * (n * dyRow[g] - sumDy[g] - xhat * sumDyXhat[g]);
                    dxRow[g] = accumulate ? dxRow[g] + grad : grad;
                }
                System.arraycopy(dxRow, 0, dx, base, groups);
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
