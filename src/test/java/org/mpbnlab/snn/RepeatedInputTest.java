package org.mpbnlab.snn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mpbnlab.snn.kernel.ArrayView;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A static frame given once gives the same logits and gradients as the frame written out for every step. */
class RepeatedInputTest {

    @Test
    void repeatedFramesGiveTheSameLogitsAndGradientsAsExplicitSteps() {
        for (String preset : new String[] {"mlp", "conv-small"}) {
            NetworkSpec spec = Presets.build(preset, new int[] {1, 8, 8}, 4, 3, LifParameters.defaults(),
                    MpbnParameters.of(MpbnMode.CHANNEL, RunningStatsMode.SHARED));
            Network once = NetworkBuilder.build(spec, DataType.DOUBLE, 1);
            Network explicit = NetworkBuilder.build(spec, DataType.DOUBLE, 1);
            Pass pass = new Pass(3, 5, true);
            INDArray frames = Nd4j.create(DataType.DOUBLE, 5, 1, 8, 8);
            GradientCheck.fill(frames, new SplittableRandom(2), -1, 2);
            INDArray steps = Nd4j.concat(0, frames, frames, frames);
            INDArray a = once.forward(frames, pass).dup();
            INDArray b = explicit.forward(steps, pass).dup();
            assertArrayEquals(ArrayView.of(b).toDoubleArray(), ArrayView.of(a).toDoubleArray(), 1e-12, preset);
            // BN_pre runs on the B frames but updates its running variance as if it had seen all T·B rows
            Map<String, INDArray> onceState = once.state();
            explicit.state().forEach((name, value) -> assertArrayEquals(ArrayView.of(value).toDoubleArray(),
                    ArrayView.of(onceState.get(name)).toDoubleArray(), 1e-12, preset + " " + name));
            INDArray grad = Nd4j.create(DataType.DOUBLE, 5, 4);
            GradientCheck.fill(grad, new SplittableRandom(3), -1, 1);
            once.backward(grad);
            explicit.backward(grad);
            Map<String, Parameter> pa = once.parameters();
            explicit.parameters().forEach((name, p) -> assertArrayEquals(ArrayView.of(p.gradient()).toDoubleArray(),
                    ArrayView.of(pa.get(name).gradient()).toDoubleArray(), 1e-10, preset + " " + name));
        }
    }
}
