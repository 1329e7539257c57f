package org.mpbnlab.snn;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Checks that an activation has the shape {@code [N, ...sampleShape]} a layer was built for. */
final class ActivationShape {

    private ActivationShape() {
    }

    /**
     * Returns N, the number of rows of {@code array}, after checking that its remaining
     * dimensions equal {@code sampleShape}.
     *
     * @param what e.g. {@code "conv2d input"}, used in the message
     */
    static int rows(String what, INDArray array, int[] sampleShape) {
        if (array == null) {
            throw new IllegalArgumentException(what + " is missing (null)");
        }
        long[] shape = array.shape();
        boolean matches = shape.length == sampleShape.length + 1 && shape[0] > 0;
        for (int d = 0; matches && d < sampleShape.length; d++) {
            matches = shape[d + 1] == sampleShape[d];
        }
        if (!matches) {
            throw new IllegalArgumentException(what + " has shape " + Arrays.toString(shape)
                    + " but the layer expects [N, " + joined(sampleShape) + "]");
        }
        if (shape[0] > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " has too many rows: " + shape[0]);
        }
        return (int) shape[0];
    }

    /** Checks that a per-sample shape given to a constructor has the expected rank and positive sizes. */
    static int[] requirePositive(String what, int[] sampleShape, int rank) {
        if (sampleShape == null || sampleShape.length != rank) {
            throw new IllegalArgumentException(what + " must have " + rank + " dimensions, got "
                    + Arrays.toString(sampleShape));
        }
        for (int size : sampleShape) {
            if (size <= 0) {
                throw new IllegalArgumentException(what + " must have positive sizes, got "
                        + Arrays.toString(sampleShape));
            }
        }
        return sampleShape.clone();
    }

    private static String joined(int[] sampleShape) {
        StringBuilder text = new StringBuilder();
        for (int d = 0; d < sampleShape.length; d++) {
            text.append(d == 0 ? "" : ", ").append(sampleShape[d]);
        }
        return text.toString();
    }
}
