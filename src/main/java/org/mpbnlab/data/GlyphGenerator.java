package org.mpbnlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code glyphs}: 28×28 grayscale images of ten procedurally drawn shapes ({@link GlyphShape}),
 * {@code sampleShape [1, 28, 28]}, a small stand-in for MNIST that needs no download.
 *
 * <p>Each sample draws its glyph with a random scale (10–18 px), aspect, shear, rotation (±20°),
 * position (±3.5 px), stroke width (1.2–2.8 px) and contrast (0.6–1), adds a faint stray stroke half
 * of the time, then Gaussian pixel noise of standard deviation {@code noise} (default 0.15) and
 * clips to [0, 1].
 *
 * <p>Normalisation: the raw pixel values in [0, 1] are standardised with the mean and standard
 * deviation of the whole training split, {@code x = (raw − mean) / std}, and the test split uses
 * the same two numbers; both are kept in {@link DataSplit#normalisation()}.
 *
 * <p>Every sample has its own random stream derived from the seed and its index, so the result is
 * identical however the work is split; two threads render the two halves.
 */
public final class GlyphGenerator implements BuiltinGenerator {

    public static final int SIZE = 28;
    private static final int PIXELS = SIZE * SIZE;

    @Override
    public String name() {
        return "glyphs";
    }

    @Override
    public String description() {
        return "28×28 drawn shapes (ring, square, cross, ...) with jitter and noise";
    }

    @Override
    public List<String> classNames() {
        List<String> names = new ArrayList<>();
        for (GlyphShape shape : GlyphShape.values()) {
            names.add(shape.label());
        }
        return names;
    }

    @Override
    public int[] sampleShape() {
        return new int[] {1, SIZE, SIZE};
    }

    @Override
    public int temporalSteps() {
        return 0;
    }

    @Override
    public GeneratorOptions defaults(long seed) {
        return new GeneratorOptions(12000, 2000, 0.15, seed);
    }

    @Override
    public Dataset generate(GeneratorOptions options) {
        SplittableRandom root = new SplittableRandom(options.seed());
        SplittableRandom trainRng = root.split();
        SplittableRandom testRng = root.split();
        int[] trainLabels = BalancedLabels.shuffled(options.trainSize(), GlyphShape.values().length, trainRng);
        int[] testLabels = BalancedLabels.shuffled(options.testSize(), GlyphShape.values().length, testRng);
        float[] train = render(trainLabels, trainRng.nextLong(), options.noise());
        float[] test = render(testLabels, testRng.nextLong(), options.noise());
        Normalisation normalisation = Normalisation.standardise(train, 0f, 1f);
        normalisation.applyInPlace(test);
        return new Dataset(name(), classNames(),
                new DataSplit(train, trainLabels, sampleShape(), normalisation),
                new DataSplit(test, testLabels, sampleShape(), normalisation), 0);
    }

    private static float[] render(int[] labels, long streamSeed, double noise) {
        float[] pixels = new float[labels.length * PIXELS];
        int half = labels.length / 2;
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread helper = new Thread(() -> {
            try {
                renderRange(labels, streamSeed, noise, pixels, half, labels.length);
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "glyph-renderer");
        helper.start();
        renderRange(labels, streamSeed, noise, pixels, 0, half);
        try {
            helper.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetException("interrupted while drawing glyphs", e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return pixels;
    }

    private static void renderRange(int[] labels, long streamSeed, double noise, float[] pixels,
                                    int from, int to) {
        GlyphCanvas canvas = new GlyphCanvas(SIZE, pixels);
        for (int i = from; i < to; i++) {
            SplittableRandom rng = new SplittableRandom(BalancedLabels.sampleSeed(streamSeed, i));
            canvas.target(i * PIXELS);
            drawGlyph(canvas, GlyphShape.values()[labels[i]], rng);
            finish(pixels, i * PIXELS, rng, noise);
        }
    }

    /**
     * Glyph point (u, v) maps to pixel R(θ)·[[sx, k·sy], [0, sy]]·(u, v) + centre: scale, aspect,
     * shear k, rotation θ and position all drawn at random.
     */
    private static void drawGlyph(GlyphCanvas canvas, GlyphShape shape, SplittableRandom rng) {
        double scale = rng.nextDouble(6.5, 11);
        double sx = scale * rng.nextDouble(0.85, 1.15);
        double sy = scale * rng.nextDouble(0.85, 1.15);
        double shear = rng.nextDouble(-0.15, 0.15);
        double theta = rng.nextDouble(-0.35, 0.35);
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double centreX = SIZE / 2.0 + rng.nextDouble(-3.5, 3.5);
        double centreY = SIZE / 2.0 + rng.nextDouble(-3.5, 3.5);
        canvas.transform(cos * sx, cos * shear * sy - sin * sy, sin * sx, sin * shear * sy + cos * sy,
                centreX, centreY);
        canvas.strokeWidth(rng.nextDouble(1.2, 2.8));
        shape.draw(canvas);
        if (rng.nextBoolean()) {
            double u = rng.nextDouble(-1.2, 1.2);
            double v = rng.nextDouble(-1.2, 1.2);
            double angle = rng.nextDouble(0, Math.PI);
            double length = rng.nextDouble(0.2, 0.5);
            canvas.strokeWidth(1.0);
            canvas.stroke(u, v, u + length * Math.cos(angle), v + length * Math.sin(angle));
        }
    }

    /** Scales ink by a random contrast, adds N(0, noise²) per pixel and clips to [0, 1]. */
    private static void finish(float[] pixels, int offset, SplittableRandom rng, double noise) {
        double contrast = rng.nextDouble(0.6, 1.0);
        for (int p = offset; p < offset + PIXELS; p++) {
            double value = pixels[p] * contrast + noise * rng.nextGaussian();
            pixels[p] = (float) Math.max(0, Math.min(1, value));
        }
    }
}
