package org.mpbnlab.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code moving-bars}: a bar sweeps across a 16×16 retina and an event camera reports where the
 * brightness rose; the class is the direction of motion (left, right, up, down), so it lives in the
 * timing of the events. {@code sampleShape [16, 1, 16, 16]}: 16 binary ON-event frames.
 *
 * <p>The bar (width w ∈ [1.6, 3] px, full height) moves at s ∈ [1.3, 1.6] px per step, starting just
 * outside one edge and leaving past the other, so it always sweeps the whole retina. Pixel brightness
 * is the bar's coverage of the pixel, {@code B_t ∈ [0, 1]}, and a pixel emits an ON event when its
 * brightness crosses the level ½ upwards:
 * <pre>
 *   event_t(pixel) = 1  if  B_{t−1} &lt; ½ ≤ B_t   (B_{−1} = 0)
 * </pre>
 * Because s ≤ w, every pixel crosses exactly once per sweep, whatever the direction: the sum of the
 * frames over time is the all-ones image for every class (before noise). A network that looks at the
 * summed frame sees nothing; one that integrates over time (a membrane) can read the direction.
 *
 * <p>Noise: each frame pixel flips to a spurious event with probability {@code noise}, and each true
 * event is dropped with the same probability (default 0.01). Events are spikes already, so the
 * features are stored raw (identity normalisation).
 */
public final class MovingBarsGenerator implements BuiltinGenerator {

    public static final int RETINA = 16;
    public static final int STEPS = 16;
    private static final int FRAME = RETINA * RETINA;

    @Override
    public String name() {
        return "moving-bars";
    }

    @Override
    public String description() {
        return "event frames of a bar sweeping a 16×16 retina; class = direction (needs timing)";
    }

    @Override
    public List<String> classNames() {
        return List.of("left", "right", "up", "down");
    }

    @Override
    public int[] sampleShape() {
        return new int[] {STEPS, 1, RETINA, RETINA};
    }

    @Override
    public int temporalSteps() {
        return STEPS;
    }

    @Override
    public GeneratorOptions defaults(long seed) {
        return new GeneratorOptions(2000, 400, 0.01, seed);
    }

    @Override
    public Dataset generate(GeneratorOptions options) {
        if (options.noise() > 0.5) {
            throw new DatasetException("moving-bars noise is an event probability and must be ≤ 0.5, got "
                    + options.noise());
        }
        SplittableRandom root = new SplittableRandom(options.seed());
        DataSplit train = split(options.trainSize(), options.noise(), root.split());
        DataSplit test = split(options.testSize(), options.noise(), root.split());
        return new Dataset(name(), classNames(), train, test, STEPS);
    }

    private DataSplit split(int count, double noise, SplittableRandom rng) {
        int[] labels = BalancedLabels.shuffled(count, 4, rng);
        long streamSeed = rng.nextLong();
        float[] events = new float[count * STEPS * FRAME];
        for (int i = 0; i < count; i++) {
            SplittableRandom sampleRng = new SplittableRandom(BalancedLabels.sampleSeed(streamSeed, i));
            double width = sampleRng.nextDouble(1.6, 3.0);
            double speed = sampleRng.nextDouble(1.3, 1.6);
            double start = sampleRng.nextDouble(RETINA - speed * (STEPS - 1), -width);
            sweep(labels[i], width, speed, start, events, i * STEPS * FRAME);
            addNoise(events, i * STEPS * FRAME, noise, sampleRng);
        }
        return new DataSplit(events, labels, sampleShape());
    }

    /**
     * Writes the ON events of one sweep. Along the motion axis the bar covers [p, p + w] with
     * p = start + s·t; the coverage of cell k is the overlap of [k, k + 1] with that interval.
     * Direction "right" runs along +x; "left" mirrors x; "down" and "up" use rows instead.
     */
    static void sweep(int direction, double width, double speed, double start, float[] out, int offset) {
        double[] previous = new double[RETINA];
        for (int t = 0; t < STEPS; t++) {
            double position = start + speed * t;
            for (int k = 0; k < RETINA; k++) {
                double coverage = Math.max(0, Math.min(k + 1, position + width) - Math.max(k, position));
                boolean event = previous[k] < 0.5 && coverage >= 0.5;
                previous[k] = coverage;
                if (event) {
                    int cell = (direction == 0 || direction == 2) ? RETINA - 1 - k : k;
                    markLine(direction >= 2, cell, out, offset + t * FRAME);
                }
            }
        }
    }

    /** Marks a whole column ({@code row == false}) or a whole row of a frame. */
    private static void markLine(boolean row, int cell, float[] out, int frameOffset) {
        for (int j = 0; j < RETINA; j++) {
            int index = row ? cell * RETINA + j : j * RETINA + cell;
            out[frameOffset + index] = 1f;
        }
    }

    private static void addNoise(float[] events, int offset, double noise, SplittableRandom rng) {
        if (noise == 0) {
            return;
        }
        for (int i = offset; i < offset + STEPS * FRAME; i++) {
            if (rng.nextDouble() < noise) {
                events[i] = 1f - events[i];
            }
        }
    }
}
