package org.mpbnlab.snn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mpbnlab.train.SoftmaxCrossEntropy;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loop threads are a setting of each network: 1 or 2 (more means 2), and the same numbers either way, since
 * the loops split their work the same way on one thread or two.
 */
class LoopThreadsSettingTest {

    @Test
    void aNetworkTakesOneOrTwoLoopThreads() {
        Network network = NetworkBuilder.build(spec(MpbnMode.OFF), DataType.FLOAT, 1);
        assertEquals(2, network.loopThreads());
        network.setLoopThreads(1);
        assertEquals(1, network.loopThreads());
        network.setLoopThreads(8);
        assertEquals(2, network.loopThreads());
        assertThrows(IllegalArgumentException.class, () -> network.setLoopThreads(0));
    }

    @Test
    void oneAndTwoLoopThreadsGiveBitIdenticalLogitsAndGradients() {
        for (MpbnMode mode : new MpbnMode[] {MpbnMode.OFF, MpbnMode.CHANNEL}) {
            Map<String, double[]> one = trainingStep(mode, 1);
            Map<String, double[]> two = trainingStep(mode, 2);
            assertTrue(Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(thread -> thread.getName().equals("snn-loop-helper")), "the loops used a second thread");
            assertEquals(one.keySet(), two.keySet());
            one.forEach((name, values) -> assertArrayEquals(values, two.get(name), 0.0, mode + " " + name));
        }
    }

    /** A network large enough that its loops split (a LIF block of 128·512 values), one training step. */
    private static Map<String, double[]> trainingStep(MpbnMode mode, int threads) {
        Network network = NetworkBuilder.build(spec(mode), DataType.FLOAT, 3);
        network.setLoopThreads(threads);
        Pass pass = new Pass(4, 128, true);
        SplittableRandom rng = new SplittableRandom(5);
        double[] values = new double[128 * 196];
        for (int i = 0; i < values.length; i++) {
            values[i] = rng.nextDouble();
        }
        INDArray input = Nd4j.create(DataType.FLOAT, 128, 196);
        ArrayValues.write(input, values);
        int[] labels = new int[128];
        for (int b = 0; b < labels.length; b++) {
            labels[b] = rng.nextInt(10);
        }
        INDArray logits = network.forward(input, pass);
        INDArray gradLogits = Nd4j.create(DataType.FLOAT, 128, 10);
        SoftmaxCrossEntropy.lossAndGradient(logits, labels, gradLogits);
        Map<String, double[]> out = new java.util.TreeMap<>();
        out.put("logits", ArrayValues.read(logits));
        network.backward(gradLogits);
        network.parameters().forEach((name, p) -> out.put(name, ArrayValues.read(p.gradient())));
        return out;
    }

    private static NetworkSpec spec(MpbnMode mode) {
        return Presets.build("mlp", new int[] {196}, 10, 4, LifParameters.defaults(),
                MpbnParameters.of(mode, RunningStatsMode.SHARED));
    }
}
