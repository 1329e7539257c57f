package org.mpbnlab.snn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mpbnlab.snn.kernel.ArrayView;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The float engine's one-pass inference step (previous spikes recomputed, spikes written straight out) gives
 * bit-identical spikes, membranes and û to the step kernels it replaces (charge, then MPBN and fire, or
 * charge-and-fire), for MPBN with per-step statistics and a negative γ, for plain LIF, and for folded
 * neurons with both comparison directions and per-step thresholds.
 */
class InferenceStepTest {

    private static final int STEPS = 3;
    private static final int BATCH = 5;
    private static final LifParameters LIF = new LifParameters(0.3, 0.4, Surrogate.byId("tanh"), false);

    @ParameterizedTest
    @ValueSource(strings = {"dense", "conv"})
    void mpbnInferenceMatchesTheStepKernels(String shapeName) {
        int[] shape = shapeName.equals("dense") ? new int[] {6} : new int[] {3, 2, 2};
        LifNeurons layer = new LifNeurons(shape, STEPS, LIF,
                MpbnParameters.of(MpbnMode.CHANNEL, RunningStatsMode.PER_STEP), DataType.FLOAT);
        GroupLayout layout = layer.normalizationLayout();
        int groups = layout.groups();
        SplittableRandom rng = new SplittableRandom(4);
        for (int g = 0; g < groups; g++) {
            layer.gamma().value().putScalar(g, g == 1 ? -0.7 : 0.5 + g);
            layer.beta().value().putScalar(g, 0.1 * g);
            for (int t = 0; t < STEPS; t++) {
                layer.runningMean().putScalar(new long[] {t, g}, 0.2 * rng.nextGaussian());
                layer.runningVar().putScalar(new long[] {t, g}, 0.5 + rng.nextDouble());
            }
        }
        INDArray input = input(shape, 8);
        layer.forward(input, new Pass(STEPS, BATCH, false));

        int block = BATCH * layout.rowSize();
        ArrayView x = heapCopy(input);
        ArrayView u = ArrayView.heap(DataType.FLOAT, STEPS * block);
        ArrayView hat = ArrayView.heap(DataType.FLOAT, STEPS * block);
        ArrayView s = ArrayView.heap(DataType.FLOAT, STEPS * block);
        for (int t = 0; t < STEPS; t++) {
            double[] mean = new double[groups];
            double[] inverseStd = new double[groups];
            BatchNormMath.runningMoments(ArrayView.of(layer.runningMean()), ArrayView.of(layer.runningVar()),
                    t * groups, 1e-5, mean, inverseStd);
            double[] scale = new double[groups];
            double[] shift = new double[groups];
            for (int g = 0; g < groups; g++) {
                scale[g] = layer.gamma().value().getDouble(g) * inverseStd[g];
                shift[g] = layer.beta().value().getDouble(g);
            }
            LifDynamics.charge(x, u, s, t * block, block, t == 0, LIF.tau(), 0);
            LifDynamics.normalizeAndFire(u, hat, s, t * block, BATCH, layout, mean, scale, shift, LIF, false);
        }
        assertArrayEquals(s.toDoubleArray(), ArrayView.of(layer.lastSpikes()).toDoubleArray());
        assertArrayEquals(u.toDoubleArray(), ArrayView.of(layer.lastMembraneBeforeNorm()).toDoubleArray());
        assertArrayEquals(hat.toDoubleArray(), ArrayView.of(layer.lastMembraneAfterNorm()).toDoubleArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dense", "conv"})
    void foldedAndPlainInferenceMatchChargeAndFire(String shapeName) {
        int[] shape = shapeName.equals("dense") ? new int[] {6} : new int[] {3, 2, 2};
        GroupLayout layout = shapeName.equals("dense") ? new GroupLayout(6, 1) : new GroupLayout(3, 4);
        FoldedLifNeurons folded = new FoldedLifNeurons(shape, LIF, layout, STEPS, DataType.FLOAT);
        SplittableRandom rng = new SplittableRandom(6);
        for (int t = 0; t < STEPS; t++) {
            for (int g = 0; g < layout.groups(); g++) {
                folded.threshold().putScalar(new long[] {t, g}, 0.3 * rng.nextGaussian() + 0.2);
                folded.direction().putScalar(new long[] {t, g}, g % 3 == 1 ? -1 : 1);
            }
        }
        folded.threshold().putScalar(new long[] {1, 0}, Double.NEGATIVE_INFINITY);
        // constant groups (γ = 0): direction 0, Ṽ = −1 always fires, +1 never fires
        folded.direction().putScalar(new long[] {0, 1}, 0);
        folded.threshold().putScalar(new long[] {0, 1}, -1);
        folded.direction().putScalar(new long[] {2, 2}, 0);
        folded.threshold().putScalar(new long[] {2, 2}, 1);
        INDArray input = input(shape, 10);
        folded.forward(input, new Pass(STEPS, BATCH, false));
        LifNeurons plain = new LifNeurons(shape, STEPS, LIF, MpbnParameters.off(), DataType.FLOAT);
        plain.forward(input, new Pass(STEPS, BATCH, false));

        int block = BATCH * layout.rowSize();
        for (boolean isFolded : new boolean[] {true, false}) {
            ArrayView x = heapCopy(input);
            ArrayView u = ArrayView.heap(DataType.FLOAT, STEPS * block);
            ArrayView s = ArrayView.heap(DataType.FLOAT, STEPS * block);
            for (int t = 0; t < STEPS; t++) {
                FiringThreshold[] thresholds = isFolded ? folded.thresholds(t)
                        : new FiringThreshold[] {FiringThreshold.plain(LIF.threshold(), DataType.FLOAT)};
                int spatial = isFolded ? layout.spatial() : layout.rowSize();
                LifDynamics.chargeAndFire(x, u, s, t * block, block, t == 0, LIF.tau(), 0, spatial, thresholds);
            }
            NeuronLayer layer = isFolded ? folded : plain;
            assertArrayEquals(s.toDoubleArray(), ArrayView.of(layer.lastSpikes()).toDoubleArray());
            assertArrayEquals(u.toDoubleArray(), ArrayView.of(layer.lastMembraneBeforeNorm()).toDoubleArray());
        }
    }

    private static INDArray input(int[] shape, long seed) {
        long[] full = new long[shape.length + 1];
        full[0] = (long) STEPS * BATCH;
        for (int i = 0; i < shape.length; i++) {
            full[i + 1] = shape[i];
        }
        INDArray input = Nd4j.create(DataType.FLOAT, full);
        ArrayView view = ArrayView.of(input);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < view.length(); i++) {
            view.set(i, 0.4 * rng.nextGaussian() + 0.2);
        }
        return input;
    }

    private static ArrayView heapCopy(INDArray array) {
        ArrayView heap = ArrayView.heap(DataType.FLOAT, (int) array.length());
        heap.copyFrom(array);
        return heap;
    }
}
