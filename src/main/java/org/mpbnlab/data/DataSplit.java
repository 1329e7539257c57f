package org.mpbnlab.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Labelled samples stored flat: sample {@code i} occupies
 * {@code features[i·sampleSize, (i+1)·sampleSize)}, already normalised for the network.
 *
 * @param features      all samples, row-major, {@code count · sampleSize} floats
 * @param labels        one class index per sample, in {@code [0, classes)}
 * @param sampleShape   shape of one sample, e.g. {@code [2]}, {@code [1, 28, 28]} or, for temporal
 *                      data, {@code [Tdata, C, H, W]} (see {@link Dataset#temporalSteps()})
 * @param normalisation how the stored features were made from the raw values, so that encoders and
 *                      views can recover raw intensities ({@link Normalisation#IDENTITY} when the
 *                      features are the raw values)
 */
public record DataSplit(float[] features, int[] labels, int[] sampleShape, Normalisation normalisation) {

    public DataSplit {
        int size = sampleSize(sampleShape);
        if ((long) labels.length * size != features.length) {
            throw new IllegalArgumentException("features length " + features.length + " != "
                    + labels.length + " samples × " + size);
        }
        sampleShape = sampleShape.clone();
        Objects.requireNonNull(normalisation, "normalisation");
    }

    /** Samples whose features are their raw values (no normalisation). */
    public DataSplit(float[] features, int[] labels, int[] sampleShape) {
        this(features, labels, sampleShape, Normalisation.IDENTITY);
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

    /** The label of sample {@code index}. */
    public int label(int index) {
        return labels[index];
    }

    /** A copy of the features of sample {@code index}. */
    public float[] sample(int index) {
        int size = sampleSize();
        return Arrays.copyOfRange(features, index * size, (index + 1) * size);
    }

    /**
     * The first {@code limit} samples (all of them if there are fewer), for quick runs. Every split
     * made here or read from the standard files is in shuffled class order, so a prefix stays
     * roughly balanced.
     */
    public DataSplit limit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be ≥ 0, got " + limit);
        }
        if (limit >= count()) {
            return this;
        }
        int size = sampleSize();
        return new DataSplit(Arrays.copyOf(features, limit * size), Arrays.copyOf(labels, limit),
                sampleShape, normalisation);
    }

    /** Number of samples of each class, {@code counts[c]} for {@code c < classes}. */
    public int[] classCounts(int classes) {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    static int sampleSize(int[] shape) {
        return Arrays.stream(shape).reduce(1, Math::multiplyExact);
    }
}
