package org.mpbnlab.snn;

import org.mpbnlab.snn.kernel.ArrayView;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The values of a network's arrays (parameters, running statistics, thresholds, spikes, membranes) in
 * row-major order, for code outside the engine: folding, recording, saving and training read and write
 * them here and never touch the kernels' memory views. Every array must be contiguous and c-ordered, as
 * the engine's own arrays are; float arrays round on write.
 */
public final class ArrayValues {

    private ArrayValues() {
    }

    /** Value {@code index} of {@code array} in row-major order. */
    public static double get(INDArray array, int index) {
        return ArrayView.of(array).get(index);
    }

    /** All values of {@code array}, in row-major order. */
    public static double[] read(INDArray array) {
        return ArrayView.of(array).toDoubleArray();
    }

    /** Values {@code [offset, offset + length)} of {@code array} in row-major order. */
    public static double[] read(INDArray array, int offset, int length) {
        double[] out = new double[length];
        read(array, offset, out);
        return out;
    }

    /**
     * Values {@code [offset, offset + into.length)} of {@code array} in row-major order, into {@code into}: a
     * reader of many rows reuses one array instead of allocating one per row.
     */
    public static void read(INDArray array, int offset, double[] into) {
        ArrayView view = ArrayView.of(array);
        for (int i = 0; i < into.length; i++) {
            into[i] = view.get(offset + i);
        }
    }

    /** All values of {@code array} rounded to float, in row-major order. */
    public static float[] readFloats(INDArray array) {
        ArrayView view = ArrayView.of(array);
        float[] out = new float[view.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) view.get(i);
        }
        return out;
    }

    /** Writes {@code values} (as many as the array holds) into {@code array}, in row-major order. */
    public static void write(INDArray array, double[] values) {
        ArrayView view = ArrayView.of(array);
        if (values.length != view.length()) {
            throw new IllegalArgumentException("array holds " + view.length() + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            view.set(i, values[i]);
        }
    }

    /** Writes {@code values} (as many as the array holds) into {@code array}, in row-major order. */
    public static void write(INDArray array, float[] values) {
        ArrayView view = ArrayView.of(array);
        if (values.length != view.length()) {
            throw new IllegalArgumentException("array holds " + view.length() + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            view.set(i, values[i]);
        }
    }

    /** Fails with a clear message unless {@code array} is contiguous and c-ordered (what every reader here needs). */
    public static void requireContiguous(INDArray array) {
        ArrayView.of(array);
    }
}
