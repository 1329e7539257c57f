package org.mpbnlab.snn;

import org.mpbnlab.snn.kernel.ArrayView;
import org.mpbnlab.snn.kernel.FloatLifKernels;
import org.mpbnlab.snn.kernel.FloatNormKernels;
import org.mpbnlab.snn.kernel.RowSplit;

/**
 * The arithmetic of batch normalisation over a block of rows, shared by BN_pre and MPBN.
 * A block is {@code rows} consecutive rows starting at {@code firstRow}, each laid out as
 * {@link GroupLayout} says; every group pools {@code n = rows · spatial} values. All sums are
 * taken in double precision in a fixed order, so results are deterministic. Over heap float buffers the
 * element-wise passes run in single precision ({@link FloatNormKernels}).
 */
public final class BatchNormMath {

    private BatchNormMath() {
    }

    /**
     * Batch moments per group in one pass: {@code μ_g = (1/n)·Σ x} and the biased variance
     * {@code σ²_g = (1/n)·Σ x² − μ_g²}, accumulated in double precision (membrane values are O(1), so the
     * cancellation of the one-pass form costs nothing measurable and saves a pass over the data). The loop
     * runs in memory order (row, group, position).
     */
    public static void moments(ArrayView x, int firstRow, int rows, GroupLayout layout,
                               double[] mean, double[] variance) {
        int groups = layout.groups();
        int spatial = layout.spatial();
        float[][] f = FloatLifKernels.arrays(x);
        if (f != null) {
            int start = firstRow * layout.rowSize();
            RowSplit.runSumming(rows, layout.rowSize(), mean, variance, (from, to, sums, squares) ->
                    FloatNormKernels.moments(f[0], start, from, to, layout.groups(), layout.spatial(), sums, squares));
            finishMoments(mean, variance, (double) rows * spatial);
            return;
        }
        RowSplit.runSumming(rows, layout.rowSize(), mean, variance, (from, to, sums, squaresOut) -> {
            int i = (firstRow + from) * layout.rowSize();
            for (int r = from; r < to; r++) {
                for (int g = 0; g < groups; g++) {
                    double sum = 0;
                    double squares = 0;
                    for (int s = 0; s < spatial; s++, i++) {
                        double v = x.get(i);
                        sum += v;
                        squares += v * v;
                    }
                    sums[g] += sum;
                    squaresOut[g] += squares;
                }
            }
        });
        finishMoments(mean, variance, (double) rows * spatial);
    }

    /** Turns per-group sums Σx (in {@code mean}) and Σx² (in {@code variance}) of n values into μ and σ². */
    public static void finishMoments(double[] mean, double[] variance, double n) {
        for (int g = 0; g < mean.length; g++) {
            double mu = mean[g] / n;
            mean[g] = mu;
            variance[g] = Math.max(0.0, variance[g] / n - mu * mu);
        }
    }

    /** {@code 1/sqrt(σ² + ε)} per group. */
    public static void inverseStd(double[] variance, double epsilon, double[] inverseStd) {
        for (int g = 0; g < variance.length; g++) {
            inverseStd[g] = inverseStd(variance[g], epsilon);
        }
    }

    /**
     * The affine normalisation {@code y = γ_g·(x − μ_g)·invStd_g + β_g} of every value of the block.
     * {@code gamma} and {@code beta} are indexed by group.
     */
    public static void normalize(ArrayView x, ArrayView y, int firstRow, int rows, GroupLayout layout,
                                 double[] mean, double[] inverseStd, ArrayView gamma, ArrayView beta) {
        int groups = layout.groups();
        int spatial = layout.spatial();
        double[] scale = new double[groups];
        double[] shift = new double[groups];
        for (int g = 0; g < groups; g++) {
            scale[g] = gamma.get(g) * inverseStd[g];
            shift[g] = beta.get(g);
        }
        float[][] f = FloatLifKernels.arrays(x, y);
        if (f != null) {
            float[] meanF = FloatLifKernels.single(mean);
            float[] scaleF = FloatLifKernels.single(scale);
            float[] shiftF = FloatLifKernels.single(shift);
            RowSplit.run(rows, layout.rowSize(), (from, to) -> FloatNormKernels.affine(f[0], f[1], firstRow, from, to,
                    layout.groups(), layout.spatial(), meanF, scaleF, shiftF));
            return;
        }
        if (spatial == 1) {
            RowSplit.run(rows, groups, (from, to) -> {
                for (int r = from; r < to; r++) {
                    int base = (firstRow + r) * groups;
                    for (int g = 0; g < groups; g++) {
                        y.set(base + g, affine(x.get(base + g), mean[g], scale[g], shift[g]));
                    }
                }
            });
            return;
        }
        RowSplit.run(rows, layout.rowSize(), (from, to) -> {
            int i = (firstRow + from) * layout.rowSize();
            for (int r = from; r < to; r++) {
                for (int g = 0; g < groups; g++) {
                    double mu = mean[g];
                    double sc = scale[g];
                    double sh = shift[g];
                    for (int s = 0; s < spatial; s++, i++) {
                        y.set(i, affine(x.get(i), mu, sc, sh));
                    }
                }
            }
        });
    }

    /**
     * One normalised value, {@code (x − μ)·scale + shift} with {@code scale = γ·invStd}, {@code shift = β}.
     * Evaluation-mode MPBN and its folded threshold both go through this one expression.
     */
    public static double affine(double x, double mean, double scale, double shift) {
        return (x - mean) * scale + shift;
    }

    /** {@code 1/sqrt(σ² + ε)}, exactly as {@link #runningMoments} and {@link #inverseStd} compute it. */
    public static double inverseStd(double variance, double epsilon) {
        return 1.0 / Math.sqrt(variance + epsilon);
    }

    /**
     * Backward through the batch statistics. With {@code x̂ = (x − μ)·invStd} and
     * {@code y = γ·x̂ + β}, per group of n values:
     * <pre>
     *   ∂L/∂β = Σ dy        ∂L/∂γ = Σ dy·x̂
     *   ∂L/∂x = γ·invStd/n · (n·dy − Σ dy − x̂·Σ dy·x̂)
     * </pre>
     * Adds ∂L/∂γ and ∂L/∂β into {@code gammaGrad}/{@code betaGrad} (indexed by group) and writes
     * ∂L/∂x into {@code dx} ({@code dx} may be the same view as {@code dy}).
     */
    public static void backward(ArrayView x, ArrayView dy, ArrayView dx, int firstRow, int rows,
                                GroupLayout layout, double[] mean, double[] inverseStd, ArrayView gamma,
                                ArrayView gammaGrad, ArrayView betaGrad) {
        int groups = layout.groups();
        int spatial = layout.spatial();
        double[] sumDy = new double[groups];
        double[] sumDyXhat = new double[groups];
        float[][] f = FloatLifKernels.arrays(x, dy);
        if (f != null) {
            float[] meanF = FloatLifKernels.single(mean);
            float[] inverseStdF = FloatLifKernels.single(inverseStd);
            int start = firstRow * layout.rowSize();
            RowSplit.runSumming(rows, layout.rowSize(), sumDy, sumDyXhat, (from, to, sums, sumsXhat) ->
                    FloatNormKernels.gradientSums(f[1], f[0], start, from, to, layout.groups(), layout.spatial(), meanF, inverseStdF, sums,
                            sumsXhat));
            applyBackward(x, dy, dx, firstRow, rows, layout, mean, inverseStd, gamma, sumDy, sumDyXhat, gammaGrad,
                    betaGrad, false);
            return;
        }
        RowSplit.runSumming(rows, layout.rowSize(), sumDy, sumDyXhat, (from, to, sums, sumsXhat) -> {
            int i = (firstRow + from) * layout.rowSize();
            for (int r = from; r < to; r++) {
                for (int g = 0; g < groups; g++) {
                    double mu = mean[g];
                    double a = 0;
                    double b = 0;
                    for (int s = 0; s < spatial; s++, i++) {
                        double d = dy.get(i);
                        a += d;
                        b += d * (x.get(i) - mu);
                    }
                    sums[g] += a;
                    sumsXhat[g] += b * inverseStd[g];
                }
            }
        });
        applyBackward(x, dy, dx, firstRow, rows, layout, mean, inverseStd, gamma, sumDy, sumDyXhat, gammaGrad,
                betaGrad, false);
    }

    /**
     * The second pass of the backward through batch statistics, given the group sums
     * {@code Σ dy} and {@code Σ dy·x̂}: {@code dx = γ·invStd/n·(n·dy − Σ dy − x̂·Σ dy·x̂)}, written or (with
     * {@code accumulate}) added; the sums go into γ's and β's gradients.
     */
    static void applyBackward(ArrayView x, ArrayView dy, ArrayView dx, int firstRow, int rows, GroupLayout layout,
                              double[] mean, double[] inverseStd, ArrayView gamma, double[] sumDy,
                              double[] sumDyXhat, ArrayView gammaGrad, ArrayView betaGrad, boolean accumulate) {
        int groups = layout.groups();
        int spatial = layout.spatial();
        double n = (double) rows * spatial;
        double[] factor = new double[groups];
        for (int g = 0; g < groups; g++) {
            gammaGrad.add(g, sumDyXhat[g]);
            betaGrad.add(g, sumDy[g]);
            factor[g] = gamma.get(g) * inverseStd[g] / n;
        }
        float[][] arrays = FloatLifKernels.arrays(x, dy, dx);
        if (arrays != null) {
            float[] meanF = FloatLifKernels.single(mean);
            float[] inverseStdF = FloatLifKernels.single(inverseStd);
            float[] factorF = FloatLifKernels.single(factor);
            float[] sumDyF = FloatLifKernels.single(sumDy);
            float[] sumDyXhatF = FloatLifKernels.single(sumDyXhat);
            RowSplit.run(rows, layout.rowSize(), (from, to) -> FloatNormKernels.batchStatisticsBackward(arrays[0],
                    arrays[1], arrays[2], firstRow, from, to, layout.groups(), layout.spatial(), meanF, inverseStdF, factorF, (float) n, sumDyF, sumDyXhatF,
                    accumulate));
            return;
        }
        if (spatial == 1) {
            // one value per group and row (dense layers, element mode): no inner loop of length 1
            RowSplit.run(rows, layout.rowSize(), (from, to) -> {
                for (int r = from; r < to; r++) {
                    int base = (firstRow + r) * groups;
                    for (int g = 0; g < groups; g++) {
                        int i = base + g;
                        double xhat = (x.get(i) - mean[g]) * inverseStd[g];
                        double grad = factor[g] * (n * dy.get(i) - sumDy[g] - xhat * sumDyXhat[g]);
                        dx.set(i, accumulate ? dx.get(i) + grad : grad);
                    }
                }
            });
            return;
        }
        RowSplit.run(rows, layout.rowSize(), (from, to) -> {
            int i = (firstRow + from) * layout.rowSize();
            for (int r = from; r < to; r++) {
                for (int g = 0; g < groups; g++) {
                    double mu = mean[g];
                    double inv = inverseStd[g];
                    double f = factor[g];
                    double sd = sumDy[g];
                    double sdx = sumDyXhat[g];
                    for (int s = 0; s < spatial; s++, i++) {
                        double xhat = (x.get(i) - mu) * inv;
                        double grad = f * (n * dy.get(i) - sd - xhat * sdx);
                        dx.set(i, accumulate ? dx.get(i) + grad : grad);
                    }
                }
            }
        });
    }

    /**
     * Exponential running statistics as PyTorch keeps them:
     * {@code μ_run ← (1 − m)·μ_run + m·μ}, {@code σ²_run ← (1 − m)·σ²_run + m·σ²·n/(n − 1)}
     * (the unbiased variance), written at {@code offset} of the running arrays.
     */
    public static void updateRunning(ArrayView runningMean, ArrayView runningVar, int offset, double[] mean,
                                     double[] variance, double n, double momentum) {
        double unbias = n > 1 ? n / (n - 1) : 1.0;
        for (int g = 0; g < mean.length; g++) {
            int i = offset + g;
            runningMean.set(i, (1 - momentum) * runningMean.get(i) + momentum * mean[g]);
            runningVar.set(i, (1 - momentum) * runningVar.get(i) + momentum * variance[g] * unbias);
        }
    }

    /** Copies running statistics at {@code offset} into {@code mean} and turns the variance into invStd. */
    public static void runningMoments(ArrayView runningMean, ArrayView runningVar, int offset, double epsilon,
                                      double[] mean, double[] inverseStd) {
        for (int g = 0; g < mean.length; g++) {
            mean[g] = runningMean.get(offset + g);
            inverseStd[g] = inverseStd(runningVar.get(offset + g), epsilon);
        }
    }
}
