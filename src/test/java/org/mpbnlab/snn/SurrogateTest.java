package org.mpbnlab.snn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mpbnlab.snn.kernel.ArrayView;

/** Reference values of the surrogate derivatives (docs/mathematics.md §3) and consistency with φ. */
class SurrogateTest {

    @Test
    void officialTanhSurrogateMatchesTheReferenceValues() {
        Surrogate tanh = Surrogate.TANH;
        assertEquals(1.6572, tanh.derivative(0.5, 0.5), 1e-4);
        assertEquals(0.9887, tanh.derivative(0.25, 0.5), 1e-4);
        assertEquals(0.9887, tanh.derivative(0.75, 0.5), 1e-4);
        // at the window's edges: k(1 − tanh²(k/2))/(2 tanh(k/2)) = 0.29947 (0.3011, sometimes quoted, is not it)
        assertEquals(0.2995, tanh.derivative(1e-9, 0.5), 1e-4);
        assertEquals(0.2995, tanh.derivative(1 - 1e-9, 0.5), 1e-4);
        assertEquals(0.0, tanh.derivative(-1e-9, 0.5));
        assertEquals(0.0, tanh.derivative(1 + 1e-9, 0.5));
    }

    @Test
    void tanhSurrogateWindowScalesWithTheThreshold() {
        // z = û / (2 V_th): with V_th = 1 the peak sits at û = 1 and the derivative halves
        assertEquals(1.6572 / 2, Surrogate.TANH.derivative(1.0, 1.0), 1e-4);
    }

    @Test
    void everyDerivativeIsTheSlopeOfItsSmoothSpike() {
        double h = 1e-6;
        for (Surrogate s : Surrogate.values()) {
            for (double u : new double[] {0.1, 0.3, 0.45, 0.62, 0.8}) {
                double numeric = (s.smoothSpike(u + h, 0.5) - s.smoothSpike(u - h, 0.5)) / (2 * h);
                assertEquals(numeric, s.derivative(u, 0.5), 1e-6, s + " at " + u);
            }
        }
    }

    @Test
    void unknownSurrogateNamesTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Surrogate.byId("relu"));
        assertEquals("unknown surrogate 'relu' (allowed: tanh, sigmoid, arctan, rectangular)", e.getMessage());
    }

    @Test
    void surrogateBlockMethodUsesTheWindowForHeapArraysAndTheScalarFormulaOtherwise() {
        ArrayView membranes = ArrayView.heap(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 5);
        ArrayView slopes = ArrayView.heap(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 5);
        double[] values = {-0.1, 0.0, 0.25, 0.5, 1.2};
        for (int i = 0; i < values.length; i++) {
            membranes.set(i, values[i]);
        }
        for (Surrogate surrogate : Surrogate.values()) {
            surrogate.derivatives(membranes, 1, 4, 0.5, slopes);
            assertEquals(0.0, slopes.get(0), "index 0 is outside the range and stays untouched");
            for (int i = 1; i < 4; i++) {
                assertEquals(surrogate.derivative(values[i], 0.5), slopes.get(i), 0.0, surrogate + " at " + values[i]);
            }
        }
    }
}
