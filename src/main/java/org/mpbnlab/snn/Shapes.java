package org.mpbnlab.snn;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small helpers for per-sample shapes and row-stacked buffers. */
public final class Shapes {

    private Shapes() {
    }

    /** Product of the dimensions. */
    public static int size(int[] shape) {
        int size = 1;
        for (int d : shape) {
            size = Math.multiplyExact(size, d);
        }
        return size;
    }

    /** {@code [rows, ...sampleShape]} as a long[] for ND4J. */
    public static long[] withRows(int rows, int[] sampleShape) {
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = rows;
        for (int i = 0; i < sampleShape.length; i++) {
            shape[i + 1] = sampleShape[i];
        }
        return shape;
    }

    /** A zeroed, contiguous c-order array {@code [rows, ...sampleShape]}. */
    public static INDArray zeros(DataType type, int rows, int[] sampleShape) {
        return Nd4j.create(type, withRows(rows, sampleShape));
    }

    /** Reuses {@code buffer} if it has {@code rows} rows, else allocates a new zeroed one. */
    public static INDArray ensureRows(INDArray buffer, DataType type, int rows, int[] sampleShape) {
        if (buffer != null && buffer.size(0) == rows && buffer.dataType() == type) {
            return buffer;
        }
        return zeros(type, rows, sampleShape);
    }

    public static String format(int[] shape) {
        return Arrays.toString(shape);
    }
}
