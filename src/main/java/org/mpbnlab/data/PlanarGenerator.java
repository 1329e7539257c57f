package org.mpbnlab.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a {@link PlanarShape} dataset: {@code sampleShape [2]}, balanced classes, coordinates
 * stored as they are (identity normalisation, {@code mean 0, std 1}); the recorded raw range
 * [min, max] over both coordinates of the training split lets rate and latency codes map a
 * coordinate to an intensity.
 */
public final class PlanarGenerator implements BuiltinGenerator {

    private final PlanarShape shape;

    public PlanarGenerator(PlanarShape shape) {
        this.shape = shape;
    }

    @Override
    public String name() {
        return shape.registryName();
    }

    @Override
    public String description() {
        return shape.description() + " in the plane";
    }

    @Override
    public List<String> classNames() {
        return shape.classNames();
    }

    @Override
    public int[] sampleShape() {
        return new int[] {2};
    }

    @Override
    public int temporalSteps() {
        return 0;
    }

    @Override
    public GeneratorOptions defaults(long seed) {
        return new GeneratorOptions(2000, 1000, shape.defaultNoise(), seed);
    }

    @Override
    public Dataset generate(GeneratorOptions options) {
        SplittableRandom root = new SplittableRandom(options.seed());
        SplittableRandom trainRng = root.split();
        SplittableRandom testRng = root.split();
        float[] trainFeatures = new float[2 * options.trainSize()];
        int[] trainLabels = points(options.trainSize(), options.noise(), trainRng, trainFeatures);
        float[] testFeatures = new float[2 * options.testSize()];
        int[] testLabels = points(options.testSize(), options.noise(), testRng, testFeatures);
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : trainFeatures) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        Normalisation range = new Normalisation(0f, 1f, min, max > min ? max : min + 1f);
        return new Dataset(name(), classNames(),
                new DataSplit(trainFeatures, trainLabels, sampleShape(), range),
                new DataSplit(testFeatures, testLabels, sampleShape(), range), 0);
    }

    private int[] points(int count, double noise, SplittableRandom rng, float[] out) {
        int[] labels = BalancedLabels.shuffled(count, shape.classNames().size(), rng);
        double[] xy = new double[2];
        for (int i = 0; i < count; i++) {
            shape.point(labels[i], rng, xy);
            out[2 * i] = (float) (xy[0] + noise * rng.nextGaussian());
            out[2 * i + 1] = (float) (xy[1] + noise * rng.nextGaussian());
        }
        return labels;
    }
}
