package org.mpbnlab.data;

import java.util.List;

/**
 * A dataset ready for training: a train and a test split with the same sample shape.
 *
 * @param name          registry name, e.g. {@code "glyphs"}
 * @param classNames    one human-readable name per class
 * @param train         training split
 * @param test          test split
 * @param temporalSteps 0 for static samples (encoded by repeating or rate coding over T);
 *                      otherwise the number of event frames per sample, and the first dimension
 *                      of {@code sampleShape} is that number
 * @param origin        where the samples came from and how raw values relate to stored ones
 */
public record Dataset(String name, List<String> classNames, DataSplit train, DataSplit test, int temporalSteps,
                      DataOrigin origin) {

    public Dataset {
        classNames = List.copyOf(classNames);
        java.util.Objects.requireNonNull(origin, "origin");
    }

    /** A generated dataset ({@link DataOrigin#generated()}). */
    public Dataset(String name, List<String> classNames, DataSplit train, DataSplit test, int temporalSteps) {
        this(name, classNames, train, test, temporalSteps, DataOrigin.generated());
    }

    /** The same samples with another origin. */
    public Dataset withOrigin(DataOrigin newOrigin) {
        return new Dataset(name, classNames, train, test, temporalSteps, newOrigin);
    }

    public int numClasses() {
        return classNames.size();
    }

    /** Shape of one sample as the network sees it at one time step (frame shape for temporal data). */
    public int[] frameShape() {
        int[] shape = train.sampleShape();
        if (temporalSteps == 0) {
            return shape;
        }
        int[] frame = new int[shape.length - 1];
        System.arraycopy(shape, 1, frame, 0, frame.length);
        return frame;
    }

    /** How the raw values were normalised (the same for both splits), e.g. to show raw pixel values. */
    public Normalisation normalisation() {
        return train.normalisation();
    }
}
