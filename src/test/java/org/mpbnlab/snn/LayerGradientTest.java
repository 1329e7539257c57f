package org.mpbnlab.snn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mpbnlab.snn.kernel.ArrayView;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Finite-difference gradient checks (double precision) of the layers written in this package. */
class LayerGradientTest {

    private static final double TOLERANCE = 1e-6;

    /** Runs the check for inputs and all parameters of {@code layer} under L = Σ g·layer(x). */
    private static void check(Layer layer, Pass pass, SplittableRandom rng, double lo, double hi) {
        INDArray x = Shapes.zeros(DataType.DOUBLE, pass.rows(), layer.inputShape());
        GradientCheck.fill(x, rng, lo, hi);
        INDArray g = Shapes.zeros(DataType.DOUBLE, pass.rows(), layer.outputShape());
        GradientCheck.fill(g, rng, -1, 1);
        layer.forward(x, pass);
        double[] gradX = ArrayView.of(layer.backward(g, true)).toDoubleArray();
        java.util.function.Supplier<Double> loss = () -> GradientCheck.linearLoss(layer.forward(x, pass), g);
        for (Parameter p : layer.parameters()) {
            double[] analytic = ArrayView.of(p.gradient()).toDoubleArray();
            GradientCheck.compare(layer.kind() + "." + p.name(), p.value(), analytic, loss, TOLERANCE);
        }
        GradientCheck.compare(layer.kind() + ".input", x, gradX, loss, TOLERANCE);
    }

    @Test
    void denseGradientsMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(1);
        check(new Dense(5, 4, true, DataType.DOUBLE, rng), new Pass(2, 3, true), rng, -1, 1);
    }

    @Test
    void wideDenseGradientsThroughNd4jGemmMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(5);
        check(new Dense(6, Dense.NARROW + 8, true, DataType.DOUBLE, rng), new Pass(2, 3, true), rng, -1, 1);
    }

    @Test
    void batchNormPreGradientsMatchFiniteDifferencesForDenseAndConvShapes() {
        SplittableRandom rng = new SplittableRandom(2);
        BatchNormPre dense = new BatchNormPre(new int[] {3}, 1e-5, 0.1, DataType.DOUBLE);
        GradientCheck.fill(dense.gamma().value(), rng, 0.5, 1.5);
        GradientCheck.fill(dense.beta().value(), rng, -0.5, 0.5);
        check(dense, new Pass(2, 3, true), rng, -1, 1);
        BatchNormPre conv = new BatchNormPre(new int[] {2, 2, 3}, 1e-5, 0.1, DataType.DOUBLE);
        GradientCheck.fill(conv.gamma().value(), rng, -1.5, 1.5);
        check(conv, new Pass(2, 2, true), rng, -1, 1);
    }

    @ParameterizedTest
    @EnumSource(Surrogate.class)
    void lifGradientsThroughTimeMatchFiniteDifferencesOfTheSmoothSurrogate(Surrogate surrogate) {
        SplittableRandom rng = new SplittableRandom(3);
        LifNeurons lif = new LifNeurons(new int[] {4}, 4, new LifParameters(0.25, 0.5, surrogate, false),
                MpbnParameters.off(), DataType.DOUBLE);
        lif.setFiring(Firing.SMOOTH);
        check(lif, new Pass(4, 3, true), rng, 0.05, 0.95);
    }

    @Test
    void detachedResetDropsOnlyThePathThroughTheSpikeOfTheReset() {
        // T = 2, one neuron, L = g0·s0 + g1·s1 with s = φ(u_pre) (smooth forward):
        // ∂L/∂x0 = g0·φ'(u0) + g1·φ'(u1)·τ·(1 − s0)          (detached: s0 in the reset is a constant)
        Surrogate phi = Surrogate.SIGMOID;
        double tau = 0.25;
        double x0 = 0.3;
        double x1 = 0.4;
        double g0 = 0.7;
        double g1 = -1.1;
        LifNeurons lif = new LifNeurons(new int[] {1}, 2, new LifParameters(tau, 0.5, phi, true),
                MpbnParameters.off(), DataType.DOUBLE);
        lif.setFiring(Firing.SMOOTH);
        lif.forward(Nd4j.create(new double[] {x0, x1}, new long[] {2, 1}, DataType.DOUBLE), new Pass(2, 1, true));
        double[] grad = ArrayView.of(lif.backward(Nd4j.create(new double[] {g0, g1}, new long[] {2, 1},
                DataType.DOUBLE), true)).toDoubleArray();
        double s0 = phi.smoothSpike(x0, 0.5);
        double u1 = tau * x0 * (1 - s0) + x1;
        double expected = g0 * phi.derivative(x0, 0.5) + g1 * phi.derivative(u1, 0.5) * tau * (1 - s0);
        org.junit.jupiter.api.Assertions.assertEquals(expected, grad[0], 1e-14);
        org.junit.jupiter.api.Assertions.assertEquals(g1 * phi.derivative(u1, 0.5), grad[1], 1e-14);
    }

    @ParameterizedTest
    @EnumSource(value = MpbnMode.class, names = {"CHANNEL", "ELEMENT"})
    void mpbnGradientsFlowThroughThePerStepBatchStatistics(MpbnMode mode) {
        for (RunningStatsMode stats : RunningStatsMode.values()) {
            SplittableRandom rng = new SplittableRandom(4);
            LifNeurons lif = new LifNeurons(new int[] {2, 2, 2}, 3, new LifParameters(0.3, 0.5, Surrogate.SIGMOID,
                    false), MpbnParameters.of(mode, stats), DataType.DOUBLE);
            GradientCheck.fill(lif.gamma().value(), rng, 0.5, 1.5);
            GradientCheck.fill(lif.beta().value(), rng, 0.0, 0.5);
            lif.setFiring(Firing.SMOOTH);
            check(lif, new Pass(3, 3, true), rng, -1, 1);
        }
    }

    @Test
    void stepForwardGivesBinarySpikes() {
        LifNeurons lif = new LifNeurons(new int[] {3}, 2, LifParameters.defaults(), MpbnParameters.off(),
                DataType.FLOAT);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 3);
        ArrayView s = ArrayView.of(lif.forward(x, new Pass(2, 2, false)));
        for (int i = 0; i < s.length(); i++) {
            assertTrue(s.get(i) == 0.0 || s.get(i) == 1.0);
        }
    }
}
