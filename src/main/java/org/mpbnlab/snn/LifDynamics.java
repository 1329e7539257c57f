package org.mpbnlab.snn;

import org.mpbnlab.snn.kernel.ArrayView;
import org.mpbnlab.snn.kernel.FiringRule;
import org.mpbnlab.snn.kernel.FloatLifKernels;
import org.mpbnlab.snn.kernel.RowSplit;
import org.mpbnlab.snn.kernel.TwoWaySplit;

/**
 * The element-wise LIF equations as small functions over one time step's block of values
 * ({@code [start, start + length)} of row-stacked buffers). {@link LifNeurons} orchestrates them.
 * The input current of index i is {@code x[i − inputShift]}: shift 0 when x holds every step, shift
 * {@code start} when x holds one static frame that every step sees (direct encoding).
 *
 * <p>Over heap float buffers every kernel hands its loop to {@link FloatLifKernels}, which computes in single
 * precision (τ, V_th, μ and the scales rounded to float once) with loops the JIT vectorises; over any other
 * buffers (the double engine of the gradient checks) the generic loops below compute in double precision.
 */
public final class LifDynamics {

    private LifDynamics() {
    }

    /**
     * {@code [value > threshold]} as 1.0 or 0.0 without a branch: the sign bit of
     * {@code (threshold − value) + 0}, which is set exactly when value &gt; threshold (distinct doubles
     * never subtract to zero; adding +0 turns the −0 of {@code −0 − 0} into +0; {@code doubleToLongBits}
     * maps every NaN, e.g. of ∞ − ∞ or a NaN membrane, to the positive canonical NaN: no spike). Spikes are data-dependent coin flips, so a branch would be mispredicted half
     * the time — this is several times faster on a membrane buffer.
     */
    static double above(double value, double threshold) {
        return Double.doubleToLongBits((threshold - value) + 0.0) >>> 63;
    }

    /**
     * {@code u_pre[t] = τ·u[t−1] + x[t]} at index i, with {@code u[t−1] = u_pre[t−1]·(1 − s[t−1])} one block
     * ({@code length} values) earlier.
     */
    private static double charged(ArrayView x, ArrayView uPre, ArrayView spikes, int i, int length,
                                  boolean firstStep, double tau, int inputShift) {
        if (firstStep) {
            return x.get(i - inputShift);
        }
        int previous = i - length;
        return tau * (uPre.get(previous) * (1 - spikes.get(previous))) + x.get(i - inputShift);
    }

    /**
     * Charge: {@code u_pre[t] = τ·u[t−1] + x[t]} with the reset membrane of the previous step
     * {@code u[t−1] = u_pre[t−1]·(1 − s[t−1])}, which sits one block earlier in the buffers.
     */
    static void charge(ArrayView x, ArrayView uPre, ArrayView spikes, int start, int length, boolean firstStep,
                       double tau, int inputShift) {
        float[][] f = FloatLifKernels.arrays(x, uPre, spikes);
        if (f != null) {
            TwoWaySplit.run(length, length, (from, to) -> FloatLifKernels.charge(f[0], f[1], f[2], start + from,
                    start + to, length, firstStep, (float) tau, inputShift));
            return;
        }
        TwoWaySplit.run(length, length, (from, to) -> {
            for (int i = start + from; i < start + to; i++) {
                uPre.set(i, charged(x, uPre, spikes, i, length, firstStep, tau, inputShift));
            }
        });
    }


    /**
     * Charge and fire in one pass, for neurons that compare the raw membrane with a threshold per group of
     * {@code spatial} positions ({@link FiringThreshold}: {@code s = [u_pre > Ṽ_g]}, {@code [u_pre < Ṽ_g]} or a
     * constant). Plain LIF is the case of one group of the whole row with Ṽ = V_th, direction +1.
     */
    static void chargeAndFire(ArrayView x, ArrayView uPre, ArrayView spikes, int start, int length, boolean firstStep,
                              double tau, int inputShift, int spatial, FiringThreshold[] thresholds) {
        int rowSize = spatial * thresholds.length;
        float[][] f = FloatLifKernels.arrays(x, uPre, spikes);
        if (f != null) {
            FiringRule rule = FiringThreshold.rule(spatial, thresholds);
            RowSplit.run(length / rowSize, rowSize, (from, to) -> FloatLifKernels.chargeAndFire(f[0], f[1], f[2],
                    start, length, from, to, firstStep, (float) tau, inputShift, rule));
            return;
        }
        double[] sign = new double[thresholds.length];
        double[] signedThreshold = new double[thresholds.length];
        for (int g = 0; g < thresholds.length; g++) {
            sign[g] = thresholds[g].direction();
            signedThreshold[g] = thresholds[g].signedThreshold();
        }
        RowSplit.run(length / rowSize, rowSize, (from, to) -> {
            int i = start + from * rowSize;
            for (int r = from; r < to; r++) {
                for (int g = 0; g < sign.length; g++) {
                    for (int k = 0; k < spatial; k++, i++) {
                        uPre.set(i, charged(x, uPre, spikes, i, length, firstStep, tau, inputShift));
                        // direction −1 compares −u_pre > −Ṽ, i.e. u_pre < Ṽ (negation, and the product with +1, are exact)
                        spikes.set(i, above(sign[g] * uPre.get(i), signedThreshold[g]));
                    }
                }
            }
        });
    }

    /**
     * One inference step of the float engine in a single pass (see {@link FloatLifKernels#inferStep}): charge
     * with the previous step's spikes recomputed under {@code previous}, decide under {@code rule}, store u_pre
     * (and û into {@code normalized} when the rule normalises) and write the spikes into {@code spikesOut}, a
     * view of the published float array. The input x may be a heap or a native float view: it is read in bulk,
     * a segment at a time, so it needs no heap copy. Returns false, doing nothing, when the buffers are not float heap
     * arrays (the double engine then runs the step kernels, which give the same values).
     */
    static boolean inferStep(ArrayView x, ArrayView uPre, ArrayView normalized, ArrayView spikesOut, int start,
                             int rows, boolean firstStep, double tau, int inputShift, FiringRule rule,
                             FiringRule previous) {
        float[][] f = normalized == null ? FloatLifKernels.arrays(uPre) : FloatLifKernels.arrays(uPre, normalized);
        java.nio.FloatBuffer input = x instanceof ArrayView.HeapFloats heap ? java.nio.FloatBuffer.wrap(heap.array())
                : x instanceof ArrayView.FloatView direct ? direct.buffer() : null;
        if (f == null || input == null || !(spikesOut instanceof ArrayView.FloatView out)) {
            return false;
        }
        float[] normalizedArray = normalized == null ? null : f[1];
        int length = rows * rule.rowSize();
        RowSplit.run(rows, rule.rowSize(), (from, to) -> FloatLifKernels.inferStep(input, f[0], normalizedArray,
                out.buffer(), start, length, from, to, firstStep, (float) tau, inputShift, rule, previous));
        return true;
    }

    /**
     * Charge as {@link #charge}, and accumulate per normalisation group the sums Σu_pre and Σu_pre² of the
     * step (for MPBN's batch statistics) in the same pass. {@code start} must be a row boundary.
     */
    static void chargeAndSum(ArrayView x, ArrayView uPre, ArrayView spikes, int start, int rows, boolean firstStep,
                             double tau, int inputShift, GroupLayout layout, double[] sum, double[] sumSquares) {
        int length = rows * layout.rowSize();
        int groups = layout.groups();
        int spatial = layout.spatial();
        float[][] f = FloatLifKernels.arrays(x, uPre, spikes);
        if (f != null) {
            RowSplit.runSumming(rows, layout.rowSize(), sum, sumSquares, (from, to, sums, squares) ->
                    FloatLifKernels.chargeAndSum(f[0], f[1], f[2], start, length, from, to, firstStep, (float) tau,
                            inputShift, layout.groups(), layout.spatial(), sums, squares));
            return;
        }
        if (spatial == 1) {
            RowSplit.runSumming(rows, groups, sum, sumSquares, (from, to, sums, squares) -> {
                for (int r = from; r < to; r++) {
                    int base = start + r * groups;
                    for (int g = 0; g < groups; g++) {
                        int i = base + g;
                        uPre.set(i, charged(x, uPre, spikes, i, length, firstStep, tau, inputShift));
                        double stored = uPre.get(i);
                        sums[g] += stored;
                        squares[g] += stored * stored;
                    }
                }
            });
            return;
        }
        RowSplit.runSumming(rows, layout.rowSize(), sum, sumSquares, (from, to, sums, squares) -> {
          int i = start + from * layout.rowSize();
          for (int r = from; r < to; r++) {
            for (int g = 0; g < groups; g++) {
                double a = 0;
                double b = 0;
                for (int s = 0; s < spatial; s++, i++) {
                    uPre.set(i, charged(x, uPre, spikes, i, length, firstStep, tau, inputShift));
                    double stored = uPre.get(i);
                    a += stored;
                    b += stored * stored;
                }
                sums[g] += a;
                squares[g] += b;
            }
          }
        });
    }

    /**
     * MPBN and fire in one pass: {@code û = (u_pre − μ_g)·scale_g + shift_g} stored, then
     * {@code s = [û > V_th]} on the stored value (or φ(û) with {@link Firing#SMOOTH}).
     */
    static void normalizeAndFire(ArrayView uPre, ArrayView uHat, ArrayView spikes, int start, int rows,
                                 GroupLayout layout, double[] mean, double[] scale, double[] shift,
                                 LifParameters lif, boolean smooth) {
        int groups = layout.groups();
        int spatial = layout.spatial();
        double vth = lif.threshold();
        float[][] f = FloatLifKernels.arrays(uPre, uHat, spikes);
        if (f != null && !smooth) {
            float[] meanF = FloatLifKernels.single(mean);
            float[] scaleF = FloatLifKernels.single(scale);
            float[] shiftF = FloatLifKernels.single(shift);
            float threshold = FloatLifKernels.below(vth);
            RowSplit.run(rows, layout.rowSize(), (from, to) -> FloatLifKernels.normalizeAndFire(f[0], f[1], f[2],
                    start, from, to, layout.groups(), layout.spatial(), meanF, scaleF, shiftF, threshold));
            return;
        }
        if (spatial == 1 && !smooth) {
            RowSplit.run(rows, groups, (from, to) -> {
                for (int r = from; r < to; r++) {
                    int base = start + r * groups;
                    for (int g = 0; g < groups; g++) {
                        int i = base + g;
                        uHat.set(i, BatchNormMath.affine(uPre.get(i), mean[g], scale[g], shift[g]));
                        spikes.set(i, above(uHat.get(i), vth));
                    }
                }
            });
            return;
        }
        RowSplit.run(rows, layout.rowSize(), (from, to) -> {
          int i = start + from * layout.rowSize();
          for (int r = from; r < to; r++) {
            for (int g = 0; g < groups; g++) {
                double mu = mean[g];
                double sc = scale[g];
                double sh = shift[g];
                for (int s = 0; s < spatial; s++, i++) {
                    uHat.set(i, BatchNormMath.affine(uPre.get(i), mu, sc, sh));
                    double stored = uHat.get(i);
                    spikes.set(i, smooth ? lif.surrogate().smoothSpike(stored, vth) : above(stored, vth));
                }
            }
          }
        });
    }

    /**
     * Backward of one step with MPBN, first pass: as {@link #backwardStep}, and accumulate per group
     * {@code Σ ∂L/∂û} and {@code Σ ∂L/∂û·x̂} with {@code x̂ = (u_pre − μ)·invStd} for the batch-statistics
     * backward that {@link #finishNormBackward} completes.
     */
    static void backwardStepAndSum(ArrayView gradOut, ArrayView gradIn, ArrayView gradHat, ArrayView uPre,
                                   ArrayView slope, ArrayView spikes, int start, int rows, boolean lastStep,
                                   LifParameters lif, GroupLayout layout, double[] mean, double[] inverseStd,
                                   double[] sumGrad, double[] sumGradXhat) {
        int length = rows * layout.rowSize();
        int groups = layout.groups();
        int spatial = layout.spatial();
        double tau = lif.tau();
        boolean detach = lif.detachReset();
        float[][] f = FloatLifKernels.arrays(gradOut, gradIn, gradHat, uPre, slope, spikes);
        if (f != null) {
            float[] meanF = FloatLifKernels.single(mean);
            float[] inverseStdF = FloatLifKernels.single(inverseStd);
            RowSplit.runSumming(rows, layout.rowSize(), sumGrad, sumGradXhat, (from, to, sums, sumsXhat) ->
                    FloatLifKernels.backwardStepAndSum(f[0], f[1], f[2], f[3], f[4], f[5], start, length, from, to,
                            lastStep, (float) tau, detach ? 0f : 1f, layout.groups(), layout.spatial(), meanF, inverseStdF, sums, sumsXhat));
            return;
        }
        if (spatial == 1) {
            // one neuron per group (dense layers, element mode): no inner loop of length 1
            RowSplit.runSumming(rows, groups, sumGrad, sumGradXhat, (from, to, sums, sumsXhat) -> {
                for (int r = from; r < to; r++) {
                    int base = start + r * groups;
                    for (int g = 0; g < groups; g++) {
                        int i = base + g;
                        double gradU = lastStep ? 0.0 : tau * gradIn.get(i + length);
                        double u = uPre.get(i);
                        double gradSpike = gradOut.get(i) - (detach ? 0.0 : gradU * u);
                        double gradNorm = gradSpike * slope.get(i);
                        gradIn.set(i, gradU * (1 - spikes.get(i)));
                        gradHat.set(i, gradNorm);
                        sums[g] += gradNorm;
                        sumsXhat[g] += gradNorm * (u - mean[g]) * inverseStd[g];
                    }
                }
            });
            return;
        }
        RowSplit.runSumming(rows, layout.rowSize(), sumGrad, sumGradXhat, (from, to, sums, sumsXhat) -> {
          int i = start + from * layout.rowSize();
          for (int r = from; r < to; r++) {
            for (int g = 0; g < groups; g++) {
                double mu = mean[g];
                double a = 0;
                double b = 0;
                for (int s = 0; s < spatial; s++, i++) {
                    double gradU = lastStep ? 0.0 : tau * gradIn.get(i + length);
                    double u = uPre.get(i);
                    double gradSpike = gradOut.get(i) - (detach ? 0.0 : gradU * u);
                    double gradNorm = gradSpike * slope.get(i);
                    gradIn.set(i, gradU * (1 - spikes.get(i)));
                    gradHat.set(i, gradNorm);
                    a += gradNorm;
                    b += gradNorm * (u - mu);
                }
                sums[g] += a;
                sumsXhat[g] += b * inverseStd[g];
            }
          }
        });
    }

    /**
     * Second pass of the MPBN backward: {@code ∂L/∂u_pre += γ·invStd/n·(n·∂L/∂û − Σ∂L/∂û − x̂·Σ∂L/∂û·x̂)}
     * (see {@link BatchNormMath#backward}); γ's and β's gradients get the sums.
     */
    static void finishNormBackward(ArrayView gradIn, ArrayView gradHat, ArrayView uPre, int start, int rows,
                                   GroupLayout layout, double[] mean, double[] inverseStd, ArrayView gamma,
                                   double[] sumGrad, double[] sumGradXhat, ArrayView gammaGrad,
                                   ArrayView betaGrad) {
        BatchNormMath.applyBackward(uPre, gradHat, gradIn, start / layout.rowSize(), rows, layout, mean, inverseStd,
                gamma, sumGrad, sumGradXhat, gammaGrad, betaGrad, true);
    }

    /** Fire with the smooth stand-in {@code s = φ(û)} ({@link Firing#SMOOTH}). */
    static void fireSmooth(ArrayView uHat, ArrayView spikes, int start, int length, LifParameters lif) {
        for (int i = start; i < start + length; i++) {
            spikes.set(i, lif.surrogate().smoothSpike(uHat.get(i), lif.threshold()));
        }
    }

    /**
     * The surrogate slopes {@code φ'(v)} of one step's block {@code [start, start + length)} of the compared
     * membrane v (û with MPBN, u_pre without), which the backward kernels read as {@code slope}.
     */
    static void surrogateSlopes(ArrayView compared, ArrayView slope, int start, int length, LifParameters lif) {
        TwoWaySplit.run(length, length, (from, to) ->
                lif.surrogate().derivatives(compared, start + from, start + to, lif.threshold(), slope));
    }

    /**
     * One step of BPTT without MPBN (see {@link LifNeurons}), in place over {@code gradIn}:
     * {@code ∂L/∂u_pre[t] = g_u[t]·(1 − s[t]) + (∂L/∂s[t] − g_u[t]·u_pre[t])·φ'(u_pre[t])}.
     */
    static void backwardStep(ArrayView gradOut, ArrayView gradIn, ArrayView uPre, ArrayView slope, ArrayView spikes,
                             int start, int length, boolean lastStep, LifParameters lif) {
        double tau = lif.tau();
        boolean detach = lif.detachReset();
        float[][] f = FloatLifKernels.arrays(gradOut, gradIn, uPre, slope, spikes);
        if (f != null) {
            TwoWaySplit.run(length, length, (from, to) -> FloatLifKernels.backwardStep(f[0], f[1], f[2], f[3], f[4],
                    start + from, start + to, length, lastStep, (float) tau, detach ? 0f : 1f));
            return;
        }
        TwoWaySplit.run(length, length, (from, to) -> {
            for (int i = start + from; i < start + to; i++) {
                double gradU = lastStep ? 0.0 : tau * gradIn.get(i + length);
                double u = uPre.get(i);
                double gradSpike = gradOut.get(i) - (detach ? 0.0 : gradU * u);
                gradIn.set(i, gradU * (1 - spikes.get(i)) + gradSpike * slope.get(i));
            }
        });
    }

}
