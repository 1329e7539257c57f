package org.mpbnlab.fold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Repeats on a fake clock that only moves while a step runs: a repeat's rate is the samples of its timed
 * steps over their time; an untimed step (an epoch's closing batch) neither counts nor takes time.
 */
class TimedRepeatsTest {

    /** Steps that each take {@code nanos} on the fake clock, every {@code slowEvery}-th one 100 times longer. */
    private static final class FakeSteps {
        long now;
        int steps;
        final long nanos;
        final int slowEvery;

        FakeSteps(long nanos, int slowEvery) {
            this.nanos = nanos;
            this.slowEvery = slowEvery;
        }

        void step() {
            steps++;
            now += steps % slowEvery == 0 ? 100 * nanos : nanos;
        }

        boolean nextIsSlow() {
            return (steps + 1) % slowEvery == 0;
        }
    }

    @Test
    void aRepeatsRateIsItsSamplesOverItsTime() {
        FakeSteps steps = new FakeSteps(1_000_000, Integer.MAX_VALUE);
        // 1 ms per step of 8 samples, repeats of 10 ms: 10 steps, 80 samples in 0.01 s
        double[] rates = TimedRepeats.rates(steps::step, () -> false, 8, 0, 3, 0.010, () -> steps.now);
        assertArrayEquals(new double[] {8_000, 8_000, 8_000}, rates, 1e-9);
        assertEquals(30, steps.steps);
    }

    @Test
    void anUntimedStepRunsButNeitherItsTimeNorItsSamplesCount() {
        FakeSteps steps = new FakeSteps(1_000_000, 4);
        // every 4th step takes 100 ms; announced as untimed, it leaves the rate at 8 000/s
        double[] rates = TimedRepeats.rates(steps::step, steps::nextIsSlow, 8, 0, 2, 0.010, () -> steps.now);
        assertArrayEquals(new double[] {8_000, 8_000}, rates, 1e-9);
        assertEquals(20 + 6, steps.steps, "20 timed steps and the 6 untimed ones among them");
    }

    @Test
    void warmUpStepsRunFirstAndAreNotTimed() {
        FakeSteps steps = new FakeSteps(1_000_000, 3);
        // the warm-up's steps 1–3 include a slow one; the timed repeat then starts at step 4
        double[] rates = TimedRepeats.rates(steps::step, steps::nextIsSlow, 1, 3, 1, 0.002, () -> steps.now);
        assertArrayEquals(new double[] {1_000}, rates, 1e-9);
        assertEquals(3 + 2, steps.steps);
    }

    @Test
    void refusesTimingWithoutRepeats() {
        assertThrows(IllegalArgumentException.class,
                () -> TimedRepeats.rates(() -> { }, () -> false, 1, 0, 0, 1, System::nanoTime));
    }
}
