package org.mpbnlab.snn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.mpbnlab.snn.kernel.ArrayView;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Checks a layer's backward pass against central differences of the random linear loss
 * {@code L = Σ g·y}: {@code ∂L/∂θ ≈ (L(θ + h) − L(θ − h)) / 2h} for every input element and every
 * parameter element. Meant for DOUBLE layers and small shapes.
 */
final class FiniteDifferences {

    static final double STEP = 1e-6;
    static final double TOLERANCE = 1e-6;

    private FiniteDifferences() {
    }

    /** Runs the check; returns the largest relative error seen (for diagnostics). */
    static double assertBackwardMatches(Layer layer, INDArray input, Pass pass, SplittableRandom rng) {
        INDArray output = layer.forward(input, pass);
        double[] g = TestArrays.values(TestArrays.uniform(rng, output.dataType(), output.shape()));
        INDArray gradOutput = TestArrays.of(g, output.dataType(), output.shape());
        double[] inputGradient = TestArrays.values(layer.backward(gradOutput, true));
        double worst = compare("input", inputGradient, input, input, layer, pass, g);
        for (Parameter parameter : layer.parameters()) {
            double[] analytic = TestArrays.values(parameter.gradient());
            worst = Math.max(worst, compare(parameter.name(), analytic, parameter.value(), input, layer, pass, g));
        }
        return worst;
    }

    private static double compare(String what, double[] analytic, INDArray perturbed, INDArray input,
                                  Layer layer, Pass pass, double[] g) {
        ArrayView values = ArrayView.of(perturbed);
        double worst = 0.0;
        for (int index = 0; index < values.length(); index++) {
            double original = values.get(index);
            values.set(index, original + STEP);
            double plus = TestArrays.linearLoss(layer.forward(input, pass), g);
            values.set(index, original - STEP);
            double minus = TestArrays.linearLoss(layer.forward(input, pass), g);
            values.set(index, original);
            double numeric = (plus - minus) / (2 * STEP);
            double scale = Math.max(Math.abs(analytic[index]) + Math.abs(numeric), 1e-6);
            double error = Math.abs(analytic[index] - numeric) / scale;
            worst = Math.max(worst, error);
            assertTrue(error < TOLERANCE, what + "[" + index + "]: backward " + analytic[index]
                    + " but central difference " + numeric);
        }
        return worst;
    }
}
