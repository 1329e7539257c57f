package org.mpbnlab.snn.kernel;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Reuse of a layer's output or gradient array while the row count and data type stay the same. */
public final class ActivationBuffers {

    private ActivationBuffers() {
    }

    /** {@code current} if it already is a {@code [rows, ...sampleShape]} array of {@code dtype}, else a new one. */
    public static INDArray fit(INDArray current, DataType dtype, int rows, int[] sampleShape) {
        if (dtype != DataType.FLOAT && dtype != DataType.DOUBLE) {
            throw new IllegalArgumentException("layers support FLOAT or DOUBLE arrays, got " + dtype);
        }
        if (current != null && current.dataType() == dtype && current.size(0) == rows) {
            return current;
        }
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = rows;
        for (int d = 0; d < sampleShape.length; d++) {
            shape[d + 1] = sampleShape[d];
        }
        return Nd4j.create(dtype, shape);
    }
}
