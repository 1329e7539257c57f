package org.mpbnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpbnlab.snn.Parameter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Optimizer updates against hand-computed values. */
class OptimizerTest {

    private static Parameter parameter(boolean decayed, double value, double gradient) {
        Parameter p = new Parameter("w", Nd4j.scalar(DataType.FLOAT, value).reshape(1), decayed);
        p.gradient().putScalar(0, gradient);
        return p;
    }

    @Test
    void sgdWithMomentumAndWeightDecayFollowsPyTorch() {
        Parameter w = parameter(true, 1.0, 0.5);
        Parameter b = parameter(false, 1.0, 0.5);
        Sgd sgd = new Sgd(0.9, 0.1);
        sgd.step(List.of(w, b), 0.1);
        // g = 0.5 + 0.1·1 = 0.6, v = 0.6, w = 1 − 0.06; bias: no decay, v = 0.5
        assertEquals(0.94, w.value().getDouble(0), 1e-6);
        assertEquals(0.95, b.value().getDouble(0), 1e-6);
        sgd.step(List.of(w, b), 0.1);
        // g = 0.5 + 0.094 = 0.594, v = 0.9·0.6 + 0.594 = 1.134, w = 0.94 − 0.1134
        assertEquals(0.8266, w.value().getDouble(0), 1e-6);
    }

    @Test
    void adamFirstStepMovesByTheLearningRateAgainstTheGradientSign() {
        Parameter w = parameter(false, 1.0, 0.25);
        Adam adam = new Adam(0);
        adam.step(List.of(w), 0.01);
        // m̂ = g, v̂ = g², step = g/(|g| + 1e-8) ≈ 1
        assertEquals(1.0 - 0.01, w.value().getDouble(0), 1e-6);
        w.gradient().putScalar(0, -0.5);
        adam.step(List.of(w), 0.01);
        double m = 0.9 * 0.1 * 0.25 + 0.1 * -0.5;
        double v = 0.999 * 0.001 * 0.0625 + 0.001 * 0.25;
        double expected = 0.99 - 0.01 * (m / (1 - 0.81)) / (Math.sqrt(v / (1 - 0.999 * 0.999)) + 1e-8);
        assertEquals(expected, w.value().getDouble(0), 1e-6);
    }
}
