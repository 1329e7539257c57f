package org.mpbnlab.snn;

import java.util.SplittableRandom;
import org.mpbnlab.snn.kernel.ArrayView;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small helpers to move test data between Java arrays and ND4J arrays. */
final class TestArrays {

    private TestArrays() {
    }

    /** A new array of {@code shape} filled with uniform values in [−1, 1). */
    static INDArray uniform(SplittableRandom rng, DataType type, long... shape) {
        INDArray array = Nd4j.create(type, shape);
        ArrayView view = ArrayView.of(array);
        for (int index = 0; index < view.length(); index++) {
            view.set(index, 2.0 * rng.nextDouble() - 1.0);
        }
        return array;
    }

    /** A new array holding {@code values} (c-order). */
    static INDArray of(double[] values, DataType type, long... shape) {
        INDArray array = Nd4j.create(type, shape);
        ArrayView view = ArrayView.of(array);
        for (int index = 0; index < values.length; index++) {
            view.set(index, values[index]);
        }
        return array;
    }

    static double[] values(INDArray array) {
        return ArrayView.of(array).toDoubleArray();
    }

    static double[][][][] nested(INDArray array) {
        long[] s = array.shape();
        double[] flat = values(array);
        double[][][][] out = new double[(int) s[0]][(int) s[1]][(int) s[2]][(int) s[3]];
        int index = 0;
        for (double[][][] a : out) {
            for (double[][] b : a) {
                for (double[] c : b) {
                    for (int d = 0; d < c.length; d++) {
                        c[d] = flat[index++];
                    }
                }
            }
        }
        return out;
    }

    static double[] flat(double[][][][] nested) {
        int length = nested.length * nested[0].length * nested[0][0].length * nested[0][0][0].length;
        double[] out = new double[length];
        int index = 0;
        for (double[][][] a : nested) {
            for (double[][] b : a) {
                for (double[] c : b) {
                    for (double v : c) {
                        out[index++] = v;
                    }
                }
            }
        }
        return out;
    }

    /** {@code L = Σ g·y}, the random linear loss whose gradient with respect to y is g. */
    static double linearLoss(INDArray output, double[] g) {
        ArrayView y = ArrayView.of(output);
        double sum = 0.0;
        for (int index = 0; index < g.length; index++) {
            sum += g[index] * y.get(index);
        }
        return sum;
    }
}
