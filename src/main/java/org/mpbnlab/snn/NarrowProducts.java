package org.mpbnlab.snn;

/**
 * Matrix products with a narrow dimension (few outputs), as plain loops over row-major arrays:
 * X [rows, in], W [in, out], Y [rows, out]. Zero inputs (silent neurons) are skipped.
 */
final class NarrowProducts {

    private NarrowProducts() {
    }

    /** {@code Y = X·W}. */
    static void multiply(ArrayView x, ArrayView w, ArrayView y, int rows, int in, int out) {
        double[] acc = new double[out];
        for (int r = 0; r < rows; r++) {
            java.util.Arrays.fill(acc, 0.0);
            for (int k = 0; k < in; k++) {
                double xv = x.get(r * in + k);
                if (xv != 0.0) {
                    for (int o = 0; o < out; o++) {
                        acc[o] += xv * w.get(k * out + o);
                    }
                }
            }
            for (int o = 0; o < out; o++) {
                y.set(r * out + o, acc[o]);
            }
        }
    }

    /** {@code G = Xᵀ·D} with D [rows, out], G [in, out]. */
    static void transposedLeft(ArrayView x, ArrayView d, ArrayView g, int rows, int in, int out) {
        double[] acc = new double[in * out];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < in; k++) {
                double xv = x.get(r * in + k);
                if (xv != 0.0) {
                    for (int o = 0; o < out; o++) {
                        acc[k * out + o] += xv * d.get(r * out + o);
                    }
                }
            }
        }
        for (int i = 0; i < acc.length; i++) {
            g.set(i, acc[i]);
        }
    }

    /** {@code E = D·Wᵀ} with D [rows, out], E [rows, in]. */
    static void transposedRight(ArrayView d, ArrayView w, ArrayView e, int rows, int in, int out) {
        double[] dr = new double[out];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                dr[o] = d.get(r * out + o);
            }
            for (int k = 0; k < in; k++) {
                double sum = 0;
                for (int o = 0; o < out; o++) {
                    sum += dr[o] * w.get(k * out + o);
                }
                e.set(r * in + k, sum);
            }
        }
    }
}
