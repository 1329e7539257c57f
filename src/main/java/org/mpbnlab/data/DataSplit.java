package org.mpbnlab.data;

import java.util.Arrays;

/**
 * Labelled samples stored flat: sample {@code i} occupies
 * {@code features[i·sampleSize, (i+1)·sampleSize)}, already normalised for the network.
 *
 * @param features    all samples, row-major, {@code count · sampleSize} floats
 * @param labels      one class index per sample, in {@code [0, classes)}
 * @param sampleShape shape of one sample, e.g. {@code [2]}, {@code [1, 28, 28]} or, for temporal
 *                    data, {@code [Tdata, C, H, W]} (see {@link Dataset#temporalSteps()})
 */
public record DataSplit(float[] features, int[] labels, int[] sampleShape) {

    public DataSplit {
        int size = sampleSize(sampleShape);
        if ((long) labels.length * size != features.length) {
            throw new IllegalArgumentException("features length " + features.length + " != "
                    + labels.length + " samples × " + size);
        }
        sampleShape = sampleShape.clone();
    }

    public int count() {
        return labels.length;
    }

    public int sampleSize() {
        return sampleSize(sampleShape);
    }

    @Override
    public int[] sampleShape() {
        return sampleShape.clone();
    }

    static int sampleSize(int[] shape) {
        return Arrays.stream(shape).reduce(1, Math::multiplyExact);
    }
}
