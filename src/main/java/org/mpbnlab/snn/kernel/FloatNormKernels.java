package org.mpbnlab.snn.kernel;

/**
 * The element-wise passes of {@code snn.BatchNormMath} for the float engine: plain {@code float[]} loops in
 * single precision that the JIT vectorises (see {@link FloatLifKernels}). The per-group constants arrive
 * in double and are rounded to float once.
 */
public final class FloatNormKernels {

    private FloatNormKernels() {
    }

    /** {@code y = (x − μ_g)·scale_g + shift_g} over rows {@code [firstRow + from, firstRow + to)}. */
    public static void affine(float[] x, float[] y, int firstRow, int from, int to, int groups, int spatial, float[] mean,
                       float[] scale, float[] shift) {
        int rowSize = groups * spatial;
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
    public static void batchStatisticsBackward(float[] x, float[] dy, float[] dx, int firstRow, int from, int to,
                                        int groups, int spatial, float[] mean, float[] inverseStd, float[] factor,
                                        float n, float[] sumDy, float[] sumDyXhat, boolean accumulate) {
        int rowSize = groups * spatial;
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
                // short loops over few arrays: C2 vectorises those
                for (int g = 0; g < groups; g++) {
                    xRow[g] = (xRow[g] - mean[g]) * inverseStd[g];
                }
                for (int g = 0; g < groups; g++) {
                    dyRow[g] = factor[g] * (n * dyRow[g] - sumDy[g] - xRow[g] * sumDyXhat[g]);
                }
                for (int g = 0; g < groups; g++) {
                    dxRow[g] = accumulate ? dxRow[g] + dyRow[g] : dyRow[g];
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

    /**
     * Σx and Σx² per group over rows {@code [from, to)} of the block at {@code start}, added (in double) into
     * {@code sums} and {@code squares}: the batch moments' sums, for BN_pre and MPBN alike.
     */
    public static void moments(float[] x, int start, int from, int to, int groups, int spatial, double[] sums,
                        double[] squares) {
        if (spatial == 1) {
            singleNeuronMoments(x, start, from, to, groups, sums, squares);
            return;
        }
        for (int r = from; r < to; r++) {
            for (int g = 0; g < groups; g++) {
                addProductSums(x, x, 0f, start + (r * groups + g) * spatial, spatial, sums, squares, g, 1.0);
            }
        }
    }

    /**
     * Σd and Σd·x̂ per group over rows {@code [from, to)} of the block at {@code start}, with
     * {@code x̂ = (x − μ)·invStd}, added (in double) into {@code sums} and {@code sumsXhat}: the sums of the
     * backward through batch statistics, for BN_pre and MPBN alike.
     */
    public static void gradientSums(float[] grad, float[] x, int start, int from, int to, int groups, int spatial, float[] mean,
                             float[] inverseStd, double[] sums, double[] sumsXhat) {
        if (spatial == 1) {
            singleNeuronGradientSums(grad, x, start, from, to, groups, mean, inverseStd, sums, sumsXhat);
            return;
        }
        for (int r = from; r < to; r++) {
            for (int g = 0; g < groups; g++) {
                addProductSums(grad, x, mean[g], start + (r * groups + g) * spatial, spatial, sums, sumsXhat, g,
                        inverseStd[g]);
            }
        }
    }

    /**
     * Σu and Σu² per group over rows {@code [from, to)}, for one neuron per group. The few rows are summed in
     * float, element-wise over the groups (a loop that vectorises), as deviations {@code d = u − c} from the
     * first row's value c, which keeps the float sums at the scale of the spread rather than of the mean;
     * the totals then go to double: {@code Σu = Σd + n·c}, {@code Σu² = Σd² + 2c·Σd + n·c²}.
     */
    private static void singleNeuronMoments(float[] values, int start, int from, int to, int groups,
                                            double[] sums, double[] squares) {
        if (from >= to) {
            return;
        }
        float[] centre = new float[groups];
        float[] row = new float[groups];
        float[] deviations = new float[groups];
        float[] squaredDeviations = new float[groups];
        System.arraycopy(values, start + from * groups, centre, 0, groups);
        for (int r = from + 1; r < to; r++) {
            System.arraycopy(values, start + r * groups, row, 0, groups);
            for (int g = 0; g < groups; g++) {
                row[g] -= centre[g];
            }
            for (int g = 0; g < groups; g++) {
                deviations[g] += row[g];
            }
            for (int g = 0; g < groups; g++) {
                squaredDeviations[g] += row[g] * row[g];
            }
        }
        int n = to - from;
        for (int g = 0; g < groups; g++) {
            double c = centre[g];
            sums[g] += deviations[g] + n * c;
            squares[g] += squaredDeviations[g] + 2 * c * deviations[g] + n * c * c;
        }
    }

    /**
     * Σ over rows {@code [from, to)} of a gradient d and of d·x̂ per group, {@code x̂ = (x − μ)·invStd}, for
     * one neuron per group: each row is copied next to the group constants and summed element-wise in float,
     * then the totals go into the double accumulators.
     */
    private static void singleNeuronGradientSums(float[] grad, float[] values, int start, int from, int to,
                                                 int groups, float[] mean, float[] inverseStd, double[] sums,
                                                 double[] sumsXhat) {
        float[] rowSums = new float[groups];
        float[] rowSumsXhat = new float[groups];
        float[] d = new float[groups];
        float[] u = new float[groups];
        for (int r = from; r < to; r++) {
            System.arraycopy(grad, start + r * groups, d, 0, groups);
            System.arraycopy(values, start + r * groups, u, 0, groups);
            // every array indexed by g from 0, a few arrays per loop: the loops vectorise
            for (int g = 0; g < groups; g++) {
                rowSums[g] += d[g];
            }
            for (int g = 0; g < groups; g++) {
                rowSumsXhat[g] += d[g] * ((u[g] - mean[g]) * inverseStd[g]);
            }
        }
        for (int g = 0; g < groups; g++) {
            sums[g] += rowSums[g];
            sumsXhat[g] += rowSumsXhat[g];
        }
    }

    /**
     * {@code first[g] += Σ a[k]} and {@code second[g] += scale·Σ a[k]·(b[k] − offset)} over {@code [i, i + n)}
     * (one group's positions in one row), in double with four running sums each, so that the additions do not
     * wait on one another. Moments are {@code a = b = x}, offset 0; gradient sums {@code a = d, b = x}, offset μ.
     */
    private static void addProductSums(float[] a, float[] b, float offset, int i, int n, double[] first,
                                       double[] second, int g, double scale) {
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double b3 = 0;
        int k = i;
        int end = i + n;
        for (; k + 3 < end; k += 4) {
            double v0 = a[k];
            double v1 = a[k + 1];
            double v2 = a[k + 2];
            double v3 = a[k + 3];
            a0 += v0;
            a1 += v1;
            a2 += v2;
            a3 += v3;
            b0 += v0 * ((double) b[k] - offset);
            b1 += v1 * ((double) b[k + 1] - offset);
            b2 += v2 * ((double) b[k + 2] - offset);
            b3 += v3 * ((double) b[k + 3] - offset);
        }
        for (; k < end; k++) {
            double v = a[k];
            a0 += v;
            b0 += v * ((double) b[k] - offset);
        }
        first[g] += (a0 + a1) + (a2 + a3);
        second[g] += ((b0 + b1) + (b2 + b3)) * scale;
    }
}
