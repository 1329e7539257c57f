package org.mpbnlab.snn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.mpbnlab.snn.kernel.ArrayView;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Central finite differences in double precision, compared with the analytic gradient:
 * {@code ∂L/∂θ ≈ (L(θ + h) − L(θ − h)) / 2h}.
 */
final class GradientCheck {

    static final double STEP = 1e-6;

    private GradientCheck() {
    }

    /** Fills a double array with values from U(lo, hi). */
    static void fill(INDArray array, SplittableRandom rng, double lo, double hi) {
        ArrayView v = ArrayView.of(array);
        for (int i = 0; i < v.length(); i++) {
            v.set(i, lo + (hi - lo) * rng.nextDouble());
        }
    }

    /** L = Σ g·y. */
    static double linearLoss(INDArray output, INDArray weights) {
        ArrayView y = ArrayView.of(output);
        ArrayView g = ArrayView.of(weights);
        double sum = 0;
        for (int i = 0; i < y.length(); i++) {
            sum += y.get(i) * g.get(i);
        }
        return sum;
    }

    /**
     * Checks {@code analytic} (a copy of the gradient of {@code target}) against finite differences of
     * {@code loss} for every element of {@code target}.
     */
    static void compare(String what, INDArray target, double[] analytic, Supplier<Double> loss, double tolerance) {
        ArrayView v = ArrayView.of(target);
        double worst = 0;
        for (int i = 0; i < v.length(); i++) {
            double original = v.get(i);
            v.set(i, original + STEP);
            double plus = loss.get();
            v.set(i, original - STEP);
            double minus = loss.get();
            v.set(i, original);
            double numeric = (plus - minus) / (2 * STEP);
            double error = Math.abs(numeric - analytic[i]) / Math.max(1.0, Math.abs(numeric) + Math.abs(analytic[i]));
            worst = Math.max(worst, error);
            assertTrue(error < tolerance, what + "[" + i + "]: numeric " + numeric + " vs analytic " + analytic[i]);
        }
        assertTrue(worst < tolerance, what + " worst relative error " + worst);
    }
}
