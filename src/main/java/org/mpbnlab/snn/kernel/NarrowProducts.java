package org.mpbnlab.snn.kernel;

/**
 * Matrix products with a narrow dimension (few outputs), as plain loops over row-major arrays:
 * X [rows, in], W [in, out], Y [rows, out]. The caller passes heap views (an element access through
 * ND4J's native buffer would cost more than the multiplication); the small matrix is copied to a double
 * array first. No branch on the (random) spikes, whose misprediction would cost more still. Each output
 * element is summed by one thread in a fixed order, so the results do not depend on the split.
 */
public final class NarrowProducts {

    private NarrowProducts() {
    }

    /** {@code Y = X·W}. */
    public static void multiply(ArrayView x, ArrayView w, ArrayView y, int rows, int in, int out) {
        double[] weights = w.toDoubleArray();
        TwoWaySplit.run(rows, (long) rows * in * out, (from, to) -> {
            double[] acc = new double[out];
            for (int r = from; r < to; r++) {
                java.util.Arrays.fill(acc, 0.0);
                for (int k = 0; k < in; k++) {
                    double xv = x.get(r * in + k);
                    int base = k * out;
                    for (int o = 0; o < out; o++) {
                        acc[o] += xv * weights[base + o];
                    }
                }
                for (int o = 0; o < out; o++) {
                    y.set(r * out + o, acc[o]);
                }
            }
        });
    }

    /** {@code G = Xᵀ·D} with D [rows, out], G [in, out]; the rows of G are split between the threads. */
    public static void transposedLeft(ArrayView x, ArrayView d, ArrayView g, int rows, int in, int out) {
        double[] gradients = d.toDoubleArray();
        TwoWaySplit.run(in, (long) rows * in * out, (from, to) -> {
            double[] acc = new double[(to - from) * out];
            for (int r = 0; r < rows; r++) {
                int row = r * out;
                for (int k = from; k < to; k++) {
                    double xv = x.get(r * in + k);
                    int base = (k - from) * out;
                    for (int o = 0; o < out; o++) {
                        acc[base + o] += xv * gradients[row + o];
                    }
                }
            }
            for (int i = 0; i < acc.length; i++) {
                g.set(from * out + i, acc[i]);
            }
        });
    }

    /** {@code E = D·Wᵀ} with D [rows, out], E [rows, in]. */
    public static void transposedRight(ArrayView d, ArrayView w, ArrayView e, int rows, int in, int out) {
        double[] weights = w.toDoubleArray();
        TwoWaySplit.run(rows, (long) rows * in * out, (from, to) -> {
            double[] dr = new double[out];
            for (int r = from; r < to; r++) {
                for (int o = 0; o < out; o++) {
                    dr[o] = d.get(r * out + o);
                }
                for (int k = 0; k < in; k++) {
                    double sum = 0;
                    int base = k * out;
                    for (int o = 0; o < out; o++) {
                        sum += dr[o] * weights[base + o];
                    }
                    e.set(r * in + k, sum);
                }
            }
        });
    }
}
