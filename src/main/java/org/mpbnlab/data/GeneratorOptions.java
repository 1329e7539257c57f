package org.mpbnlab.data;

/**
 * Settings of a built-in generator.
 *
 * @param trainSize number of training samples, {@code ≥ 1}
 * @param testSize  number of test samples, {@code ≥ 1}
 * @param noise     noise level in the generator's own units (see each generator), {@code ≥ 0}
 * @param seed      the same seed gives the same arrays, bit for bit
 */
public record GeneratorOptions(int trainSize, int testSize, double noise, long seed) {

    /** Sizes above this would not fit the memory of a classroom laptop for image sets. */
    public static final int MAX_SIZE = 1_000_000;

    public GeneratorOptions {
        if (trainSize < 1 || testSize < 1 || trainSize > MAX_SIZE || testSize > MAX_SIZE) {
            throw new DatasetException("train and test sizes must be between 1 and " + MAX_SIZE
                    + ", got " + trainSize + " and " + testSize);
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new DatasetException("noise must be a finite number ≥ 0, got " + noise);
        }
    }
}
