package org.mpbnlab.fold;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Throughput of a step that handles a fixed number of samples, timed in repeats. A repeat runs the step until
 * the timed steps add up to at least the repeat's length; its rate is
 * <pre>
 *   rate = samples of the timed steps / seconds of the timed steps
 * </pre>
 * A step that must not count (the training batch that closes an epoch also evaluates the test set) is
 * announced by {@code nextIsUntimed}: it runs outside the clock and its samples are left out.
 */
public final class TimedRepeats {

    private TimedRepeats() {
    }

    /**
     * The rate of each of {@code repeats} repeats of {@code seconds}, after {@code warmup} untimed steps, on
     * {@code nanoClock} (nanoseconds). {@code nextIsUntimed} must not answer true forever (each step it
     * announces has to move on to one that is timed).
     */
    public static double[] rates(Runnable step, BooleanSupplier nextIsUntimed, int samplesPerStep, int warmup,
                                 int repeats, double seconds, LongSupplier nanoClock) {
        if (repeats < 1 || warmup < 0 || !(seconds > 0)) {
            throw new IllegalArgumentException("timing needs at least one repeat, no negative warm-up and a"
                    + " positive length");
        }
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        double[] rates = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            rates[r] = repeat(step, nextIsUntimed, samplesPerStep, seconds, nanoClock);
        }
        return rates;
    }

    /** One repeat: samples per second of the timed steps, run until they took at least {@code seconds}. */
    static double repeat(Runnable step, BooleanSupplier nextIsUntimed, int samplesPerStep, double seconds,
                         LongSupplier nanoClock) {
        long timed = 0;
        long samples = 0;
        while (timed < seconds * 1e9) {
            if (nextIsUntimed.getAsBoolean()) {
                step.run();
                continue;
            }
            long start = nanoClock.getAsLong();
            step.run();
            timed += nanoClock.getAsLong() - start;
            samples += samplesPerStep;
        }
        return samples / (timed / 1e9);
    }
}
