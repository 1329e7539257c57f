package org.mpbnlab.snn.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The branch-free tanh surrogate slope against the textbook formula with {@code tanh}. */
class TanhWindowTest {

    private static final double K = 3.0;

    /** {@code k·(1 − tanh²(k(z − ½))) / (2·tanh(k/2)) / (2·V_th)} inside {@code 0 ≤ û ≤ 2·V_th}, else 0. */
    private static double textbook(double uHat, double vth) {
        if (!(uHat >= 0 && uHat <= 2 * vth)) {
            return 0.0;
        }
        double t = Math.tanh(K * (uHat / (2 * vth) - 0.5));
        return K * (1 - t * t) / (2 * Math.tanh(K / 2)) / (2 * vth);
    }

    @Test
    void doubleSlopeIsTheTextbookFormulaToTheLastBits() {
        for (double vth : new double[] {0.5, 1.0, 0.3}) {
            for (int i = -1000; i <= 11000; i++) {
                double uHat = 2 * vth * i / 10000.0;
                double expected = textbook(uHat, vth);
                double actual = TanhWindow.derivative(uHat, vth);
                assertEquals(expected, actual, 1e-14 * Math.max(1.0, expected), "û = " + uHat + ", V_th = " + vth);
            }
        }
    }

    @Test
    void coshSeriesMatchesCoshOverTheWholeWindow() {
        for (int i = 0; i <= 3000; i++) {
            double a = -1.5 + i / 1000.0;
            assertEquals(Math.cosh(a), TanhWindow.cosh(a), 4 * Math.ulp(Math.cosh(a)), "a = " + a);
        }
    }

    @Test
    void windowEdgesAreExactEvenForSignedZerosAndSubnormals() {
        double vth = 0.5;
        assertTrue(TanhWindow.derivative(0.0, vth) > 0.29);
        assertTrue(TanhWindow.derivative(-0.0, vth) > 0.29);
        assertTrue(TanhWindow.derivative(Double.MIN_VALUE, vth) > 0.29);
        assertEquals(0.0, TanhWindow.derivative(-Double.MIN_VALUE, vth));
        assertTrue(TanhWindow.derivative(1.0, vth) > 0.29);
        assertEquals(0.0, TanhWindow.derivative(Math.nextUp(1.0), vth));
        assertEquals(0.0, TanhWindow.derivative(Double.POSITIVE_INFINITY, vth));
        assertEquals(0.0, TanhWindow.derivative(Double.NEGATIVE_INFINITY, vth));

        float[] edges = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1f, Math.nextUp(1f), Math.nextDown(1f),
                Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        float[] slopes = new float[edges.length];
        TanhWindow.derivatives(edges, 0, edges.length, vth, slopes);
        for (int i = 0; i < edges.length; i++) {
            boolean inside = edges[i] >= 0f && edges[i] <= 1f;
            assertEquals(inside, slopes[i] > 0f, "û = " + edges[i]);
        }
    }

    @Test
    void floatBlockAgreesWithTheDoubleSlopeWithinFloatPrecision() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 100_000;
        float[] membranes = new float[n];
        for (int i = 0; i < n; i++) {
            membranes[i] = (float) (rng.nextDouble(-0.5, 1.5));
        }
        float[] slopes = new float[n];
        TanhWindow.derivatives(membranes, 0, n, 0.5, slopes);
        for (int i = 0; i < n; i++) {
            double expected = textbook(membranes[i], 0.5);
            assertEquals(expected == 0.0, slopes[i] == 0f, "window at û = " + membranes[i]);
            assertEquals(expected, slopes[i], 6e-7 * expected, "û = " + membranes[i]);
        }
    }

    @Test
    void doubleBlockIsTheScalarSlopeBitForBit() {
        SplittableRandom rng = new SplittableRandom(8);
        double[] membranes = rng.doubles(10_000, -0.5, 1.5).toArray();
        double[] slopes = new double[membranes.length];
        TanhWindow.derivatives(membranes, 0, membranes.length, 0.5, slopes);
        for (int i = 0; i < membranes.length; i++) {
            assertEquals(TanhWindow.derivative(membranes[i], 0.5), slopes[i], 0.0);
        }
    }
}
