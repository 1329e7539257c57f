package org.mpbnlab.snn;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mpbnlab.snn.kernel.ArrayView;
import org.mpbnlab.train.SoftmaxCrossEntropy;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The BPTT plumbing of a whole network — conv, pooling, BN_pre, LIF with MPBN, readout averaged over T,
 * cross-entropy — against central finite differences in double precision, with the smooth surrogate φ
 * in the forward pass so that the analytic gradient is the exact one.
 */
class NetworkGradientTest {

    @ParameterizedTest
    @EnumSource(MpbnMode.class)
    void wholeNetworkGradientsMatchFiniteDifferencesThroughTime(MpbnMode mode) {
        LifParameters lif = new LifParameters(0.25, 0.5, Surrogate.SIGMOID, false);
        MpbnParameters mpbn = MpbnParameters.of(mode, RunningStatsMode.SHARED);
        LayerSpec.LifSpec neurons = new LayerSpec.LifSpec(lif, mpbn);
        NetworkSpec spec = new NetworkSpec("test", new int[] {1, 4, 4}, 3, 3, List.of(
                new LayerSpec.ConvSpec(2, 3, 1, false), LayerSpec.BatchNormSpec.defaults(), neurons,
                new LayerSpec.AvgPoolSpec(2), new LayerSpec.FlattenSpec(),
                new LayerSpec.DenseSpec(5, false), LayerSpec.BatchNormSpec.defaults(), neurons,
                new LayerSpec.DenseSpec(3, true)));
        Network network = NetworkBuilder.build(spec, DataType.DOUBLE, 7);
        network.neuronLayers().forEach(l -> l.setFiring(Firing.SMOOTH));
        SplittableRandom rng = new SplittableRandom(11);
        for (LifNeurons l : network.neuronLayers()) {
            if (l.gamma() != null) {
                GradientCheck.fill(l.gamma().value(), rng, 0.6, 1.4);
                GradientCheck.fill(l.beta().value(), rng, 0.1, 0.4);
            }
        }
        Pass pass = new Pass(3, 4, true);
        INDArray input = Nd4j.create(DataType.DOUBLE, network.inputShape(pass));
        GradientCheck.fill(input, rng, -1, 1);
        int[] labels = {0, 2, 1, 2};
        INDArray gradLogits = Nd4j.create(DataType.DOUBLE, 4, 3);
        SoftmaxCrossEntropy.lossAndGradient(network.forward(input, pass), labels, gradLogits);
        network.backward(gradLogits);
        java.util.function.Supplier<Double> loss =
                () -> SoftmaxCrossEntropy.lossAndGradient(network.forward(input, pass), labels, null);
        for (Map.Entry<String, Parameter> e : network.parameters().entrySet()) {
            double[] analytic = ArrayView.of(e.getValue().gradient()).toDoubleArray();
            GradientCheck.compare(e.getKey(), e.getValue().value(), analytic, loss, 1e-6);
        }
    }
}
