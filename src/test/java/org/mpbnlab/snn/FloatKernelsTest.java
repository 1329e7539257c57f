package org.mpbnlab.snn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mpbnlab.snn.kernel.ArrayView;
import org.mpbnlab.snn.kernel.FloatLifKernels;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The single-precision kernels of the float engine: the branch-free comparison is exactly the strict
 * {@code >}, thresholds round the right way, and every LIF and normalisation kernel agrees with the generic
 * double-precision kernel it replaces (to float rounding; spikes wherever the membrane is not within rounding
 * of the threshold).
 */
class FloatKernelsTest {

    private static final int BATCH = 6;
    private static final LifParameters LIF = new LifParameters(0.3, 0.4, Surrogate.byId("tanh"), false);

    @Test
    void aboveIsExactlyStrictGreaterThanForFloats() {
        float[] specials = {0.5f, Math.nextUp(0.5f), Math.nextDown(0.5f), 0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE,
                Float.MIN_NORMAL, -Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, 1e30f, -1e30f,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (float v : specials) {
            for (float t : specials) {
                if (Float.isInfinite(v) && v == t) {
                    continue; // ∞ − ∞ is NaN: an infinite membrane on an infinite threshold is not a number
                }
                assertEquals(v > t ? 1f : 0f, FloatLifKernels.above(v, t), v + " > " + t);
            }
        }
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 200_000; i++) {
            float v = (float) rng.nextGaussian();
            float t = rng.nextBoolean() ? (rng.nextBoolean() ? Math.nextUp(v) : Math.nextDown(v)) : (float) rng.nextGaussian();
            assertEquals(v > t ? 1f : 0f, FloatLifKernels.above(v, t), v + " > " + t);
        }
        assertTrue(Float.isNaN(FloatLifKernels.above(Float.NaN, 0.5f)));
    }

    @Test
    void thresholdRoundsDownSoThatFloatComparisonsAgreeWithTheDoubleOne() {
        double[] thresholds = {0.3, 0.5, 0.1, 1.0 / 3, -0.7, 1e-40, 1e39, -1e39, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, 0.0};
        for (double t : thresholds) {
            float f = FloatLifKernels.below(t);
            for (float v : new float[] {f, Math.nextUp(f), Math.nextDown(f), (float) t, Math.nextUp((float) t)}) {
                assertEquals(v > t, v > f, v + " against " + t);
            }
        }
    }

    @Test
    void chargeAndFireAgreesWithTheDoubleKernel() {
        for (int spatial : new int[] {1, 5}) {
            int groups = 4;
            FiringThreshold[] thresholds = {FiringThreshold.folded(0.4, 1, DataType.DOUBLE),
                FiringThreshold.folded(0.1, -1, DataType.DOUBLE),
                FiringThreshold.folded(Double.NEGATIVE_INFINITY, 1, DataType.DOUBLE),
                FiringThreshold.folded(Double.POSITIVE_INFINITY, 1, DataType.DOUBLE)};
            int block = BATCH * groups * spatial;
            Buffers f = new Buffers(DataType.FLOAT, 3, block, 7);
            Buffers d = new Buffers(DataType.DOUBLE, 3, block, 7);
            for (int t = 0; t < 3; t++) {
                LifDynamics.chargeAndFire(f.x, f.a, f.b, t * block, block, t == 0, LIF.tau(), 0, spatial, thresholds);
                LifDynamics.chargeAndFire(d.x, d.a, d.b, t * block, block, t == 0, LIF.tau(), 0, spatial, thresholds);
            }
            assertClose(d.a, f.a, 1e-5);
            assertSpikesAgreeAwayFromTies(d.b, d.a, f.b, spatial, thresholds);
        }
    }

    @Test
    void trainingForwardAndBackwardAgreeWithTheDoubleKernels() {
        for (int spatial : new int[] {1, 5}) {
            GroupLayout layout = new GroupLayout(4, spatial);
            int block = BATCH * layout.rowSize();
            int steps = 3;
            Buffers f = new Buffers(DataType.FLOAT, steps, block, 11);
            Buffers d = new Buffers(DataType.DOUBLE, steps, block, 11);
            for (Buffers b : new Buffers[] {f, d}) {
                for (int t = 0; t < steps; t++) {
                    double[] mean = new double[layout.groups()];
                    double[] variance = new double[layout.groups()];
                    LifDynamics.chargeAndSum(b.x, b.a, b.b, t * block, BATCH, t == 0, LIF.tau(), 0, layout, mean,
                            variance);
                    BatchNormMath.finishMoments(mean, variance, (double) BATCH * spatial);
                    b.means[t] = mean;
                    b.inverseStd[t] = new double[mean.length];
                    BatchNormMath.inverseStd(variance, 1e-5, b.inverseStd[t]);
                    double[] scale = {1.1, -0.8, 0.6, 2.0};
                    double[] shift = {0.05, 0.4, -0.2, 0.3};
                    for (int g = 0; g < scale.length; g++) {
                        scale[g] *= b.inverseStd[t][g];
                    }
                    LifDynamics.normalizeAndFire(b.a, b.hat, b.b, t * block, BATCH, layout, mean, scale, shift, LIF,
                            false);
                }
            }
            assertClose(d.a, f.a, 1e-5);
            assertClose(d.hat, f.hat, 1e-4);
            // backward from the double forward's spikes, so that both see the same branch of every reset
            d.b.copyRangeTo(0, f.b, 0, d.b.length());
            for (Buffers b : new Buffers[] {f, d}) {
                double[] sums = new double[layout.groups()];
                double[] sumsXhat = new double[layout.groups()];
                ArrayView gamma = ArrayView.heap(b.type, layout.groups());
                ArrayView gammaGrad = ArrayView.heap(b.type, layout.groups());
                ArrayView betaGrad = ArrayView.heap(b.type, layout.groups());
                for (int g = 0; g < layout.groups(); g++) {
                    gamma.set(g, 0.5 + g);
                }
                for (int t = steps - 1; t >= 0; t--) {
                    LifDynamics.surrogateSlopes(b.hat, b.slope, t * block, block, LIF);
                    LifDynamics.backwardStepAndSum(b.gradOut, b.gradIn, b.gradHat, b.a, b.slope, b.b, t * block, BATCH,
                            t == steps - 1, LIF, layout, b.means[t], b.inverseStd[t], sums, sumsXhat);
                    LifDynamics.finishNormBackward(b.gradIn, b.gradHat, b.a, t * block, BATCH, layout, b.means[t],
                            b.inverseStd[t], gamma, sums, sumsXhat, gammaGrad, betaGrad);
                }
                b.sums = gammaGrad.toDoubleArray();
            }
            assertClose(d.gradHat, f.gradHat, 1e-4);
            assertClose(d.gradIn, f.gradIn, 1e-4);
            for (int g = 0; g < layout.groups(); g++) {
                assertEquals(d.sums[g], f.sums[g], 1e-4 * Math.max(1, Math.abs(d.sums[g])), "∂L/∂γ of group " + g);
            }
        }
    }

    @Test
    void plainBackwardStepAgreesWithTheDoubleKernel() {
        int block = BATCH * 10;
        Buffers f = new Buffers(DataType.FLOAT, 3, block, 5);
        Buffers d = new Buffers(DataType.DOUBLE, 3, block, 5);
        FiringThreshold[] plain = {FiringThreshold.plain(LIF.threshold(), DataType.DOUBLE)};
        for (Buffers b : new Buffers[] {f, d}) {
            for (int t = 0; t < 3; t++) {
                LifDynamics.chargeAndFire(b.x, b.a, b.b, t * block, block, t == 0, LIF.tau(), 0, 10, plain);
            }
        }
        d.b.copyRangeTo(0, f.b, 0, d.b.length());
        d.a.copyRangeTo(0, f.a, 0, d.a.length());
        for (Buffers b : new Buffers[] {f, d}) {
            for (int t = 2; t >= 0; t--) {
                LifDynamics.surrogateSlopes(b.a, b.slope, t * block, block, LIF);
                LifDynamics.backwardStep(b.gradOut, b.gradIn, b.a, b.slope, b.b, t * block, block, t == 2, LIF);
            }
        }
        assertClose(d.gradIn, f.gradIn, 1e-5);
    }

    @Test
    void batchNormAffineAgreesWithTheDoubleKernel() {
        GroupLayout layout = new GroupLayout(3, 4);
        int rows = 5;
        Buffers f = new Buffers(DataType.FLOAT, 1, rows * 12, 3);
        Buffers d = new Buffers(DataType.DOUBLE, 1, rows * 12, 3);
        double[] mean = {0.1, -0.2, 0.3};
        double[] inverseStd = {2.0, 0.5, 1.5};
        for (Buffers b : new Buffers[] {f, d}) {
            ArrayView gamma = ArrayView.heap(b.type, 3);
            ArrayView beta = ArrayView.heap(b.type, 3);
            for (int g = 0; g < 3; g++) {
                gamma.set(g, 1 - 0.7 * g);
                beta.set(g, 0.1 * g);
            }
            BatchNormMath.normalize(b.x, b.a, 0, rows, layout, mean, inverseStd, gamma, beta);
        }
        assertClose(d.a, f.a, 1e-6);
    }

    @Test
    void batchMomentsAndBackwardAgreeWithTheDoubleKernels() {
        for (int spatial : new int[] {1, 4}) {
            GroupLayout layout = new GroupLayout(3, spatial);
            int rows = 40;
            int length = rows * layout.rowSize();
            ArrayView[] x = {ArrayView.heap(DataType.FLOAT, length), ArrayView.heap(DataType.DOUBLE, length)};
            ArrayView[] dy = {ArrayView.heap(DataType.FLOAT, length), ArrayView.heap(DataType.DOUBLE, length)};
            SplittableRandom rng = new SplittableRandom(9);
            for (int i = 0; i < length; i++) {
                int g = (i % layout.rowSize()) / spatial;
                // group 2 sits far from zero with a small spread: the float sums must not lose its variance
                double value = g == 2 ? 100 + 0.01 * rng.nextGaussian() : rng.nextGaussian();
                double grad = 0.1 * rng.nextGaussian();
                for (int k = 0; k < 2; k++) {
                    x[k].set(i, (float) value);
                    dy[k].set(i, (float) grad);
                }
            }
            double[][] mean = new double[2][3];
            double[][] variance = new double[2][3];
            double[][] gammaGrad = new double[2][];
            ArrayView[] dx = new ArrayView[2];
            for (int k = 0; k < 2; k++) {
                DataType type = k == 0 ? DataType.FLOAT : DataType.DOUBLE;
                BatchNormMath.moments(x[k], 0, rows, layout, mean[k], variance[k]);
                double[] inverseStd = new double[3];
                BatchNormMath.inverseStd(variance[k], 1e-5, inverseStd);
                ArrayView gamma = ArrayView.heap(type, 3);
                ArrayView gGrad = ArrayView.heap(type, 3);
                ArrayView bGrad = ArrayView.heap(type, 3);
                for (int g = 0; g < 3; g++) {
                    gamma.set(g, 0.5 + g);
                }
                dx[k] = ArrayView.heap(type, length);
                BatchNormMath.backward(x[k], dy[k], dx[k], 0, rows, layout, mean[k], inverseStd, gamma, gGrad, bGrad);
                gammaGrad[k] = gGrad.toDoubleArray();
            }
            for (int g = 0; g < 3; g++) {
                assertEquals(mean[1][g], mean[0][g], 1e-6 * Math.max(1, Math.abs(mean[1][g])), "mean " + g);
                assertEquals(variance[1][g], variance[0][g], 1e-3 * variance[1][g], "variance " + g);
                assertEquals(gammaGrad[1][g], gammaGrad[0][g], 1e-3 * Math.max(1, Math.abs(gammaGrad[1][g])),
                        "∂L/∂γ " + g);
            }
            assertClose(dx[1], dx[0], 2e-3);
        }
    }

    private static void assertClose(ArrayView expected, ArrayView actual, double tolerance) {
        for (int i = 0; i < expected.length(); i++) {
            double e = expected.get(i);
            assertEquals(e, actual.get(i), tolerance * Math.max(1, Math.abs(e)), "element " + i);
        }
    }

    private static void assertSpikesAgreeAwayFromTies(ArrayView expected, ArrayView membranes, ArrayView actual,
                                                      int spatial, FiringThreshold[] thresholds) {
        int compared = 0;
        for (int i = 0; i < expected.length(); i++) {
            int g = (i % (spatial * thresholds.length)) / spatial;
            double margin = thresholds[g].direction() * membranes.get(i) - thresholds[g].signedThreshold();
            if (Math.abs(margin) > 1e-5) {
                assertEquals(expected.get(i), actual.get(i), "spike " + i);
                compared++;
            }
        }
        assertTrue(compared > expected.length() / 2);
    }

    /** Random inputs and gradients, the same values in either type. */
    private static final class Buffers {
        final DataType type;
        final ArrayView x;
        final ArrayView a;
        final ArrayView b;
        final ArrayView hat;
        final ArrayView slope;
        final ArrayView gradOut;
        final ArrayView gradIn;
        final ArrayView gradHat;
        final double[][] means;
        final double[][] inverseStd;
        double[] sums;

        Buffers(DataType type, int steps, int block, long seed) {
            this.type = type;
            int length = steps * block;
            x = ArrayView.heap(type, length);
            a = ArrayView.heap(type, length);
            b = ArrayView.heap(type, length);
            hat = ArrayView.heap(type, length);
            slope = ArrayView.heap(type, length);
            gradOut = ArrayView.heap(type, length);
            gradIn = ArrayView.heap(type, length);
            gradHat = ArrayView.heap(type, length);
            means = new double[steps][];
            inverseStd = new double[steps][];
            SplittableRandom rng = new SplittableRandom(seed);
            for (int i = 0; i < length; i++) {
                x.set(i, (float) (0.3 * rng.nextGaussian() + 0.2));
                gradOut.set(i, (float) (0.1 * rng.nextGaussian()));
            }
        }
    }
}
