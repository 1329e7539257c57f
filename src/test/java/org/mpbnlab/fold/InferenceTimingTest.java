package org.mpbnlab.fold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * Interleaved timing on a fake clock: warm-up first, then rounds in which every pass runs in turn for its
 * slice; a pass's figure is samples over elapsed time, and its median over the rounds ignores a round that a
 * disturbance slowed down.
 */
class InferenceTimingTest {

    /** A clock that only moves when a pass runs: each pass advances it by its own cost. */
    private static final class FakeMachine {
        long now;
        final List<String> log = new ArrayList<>();

        Runnable pass(String name, long... costs) {
            int[] calls = {0};
            return () -> {
                log.add(name);
                now += costs[Math.min(calls[0]++, costs.length - 1)];
            };
        }
    }

    @Test
    void warmsUpEveryPassThenInterleavesTheRoundsInTheGivenOrder() {
        FakeMachine machine = new FakeMachine();
        // a slice of 1 ms: a 1 ms pass runs once per slice, a 0.4 ms pass three times (0.4, 0.8, 1.2 ms)
        Runnable a = machine.pass("a", 1_000_000);
        Runnable b = machine.pass("b", 400_000);
        InferenceTiming.interleavedPasses(List.of(a, b), 8, 2, 2, 0.001, CheckProgress.NONE, () -> machine.now);
        assertEquals(List.of("a", "a", "b", "b", // warm-up, untimed
                "a", "b", "b", "b", // round 1
                "a", "b", "b", "b"), // round 2
                machine.log);
    }

    @Test
    void rateIsSamplesOverElapsedTimeAndTheMedianIgnoresADisturbedRound() {
        // fast: 10 samples per 1 ms every round = 10 000/s; slow: 5 000/s, 200/s, 5 000/s → median 5 000/s
        FakeMachine machine = new FakeMachine();
        assertArrayEquals(new double[] {10_000, 5_000}, InferenceTiming.interleavedPasses(disturbedPair(machine),
                10, 0, 3, 0.001, CheckProgress.NONE, () -> machine.now), 1e-9);
    }

    @Test
    void theSpreadOfARoundsRatesKeepsTheDisturbedRoundAsTheMinimum() {
        FakeMachine machine = new FakeMachine();
        ThroughputSpread[] spreads = InferenceTiming.spreadsOfPasses(disturbedPair(machine), 10, 0, 3, 0.001,
                CheckProgress.NONE, () -> machine.now);
        assertEquals(new ThroughputSpread(10_000, 10_000, 10_000), spreads[0]);
        assertEquals(200, spreads[1].min(), 1e-9);
        assertEquals(5_000, spreads[1].median(), 1e-9);
        assertEquals(5_000, spreads[1].max(), 1e-9);
    }

    /**
     * Two passes on {@code machine}: "fast" takes 1 ms, "slow" 2 ms except in its second timed pass (round 2),
     * which a disturbance stretches to 50 ms.
     */
    private static List<Runnable> disturbedPair(FakeMachine machine) {
        return List.of(machine.pass("fast", 1_000_000), machine.pass("slow", 2_000_000, 50_000_000, 2_000_000));
    }

    @Test
    void refusesTimingWithoutRounds() {
        assertThrows(IllegalArgumentException.class,
                () -> InferenceTiming.interleavedPasses(List.of(() -> { }), 1, 0, 0, 0.1, CheckProgress.NONE,
                        System::nanoTime));
    }

    @Test
    void reportsEveryRoundAndStopsWhenCancelled() {
        FakeMachine machine = new FakeMachine();
        Runnable pass = machine.pass("p", 1_000_000);
        List<Long> reported = new ArrayList<>();
        assertThrows(CancellationException.class, () -> InferenceTiming.interleavedPasses(List.of(pass), 1, 0, 5,
                0.001, (done, total) -> {
                    reported.add(done);
                    return done < 2;
                }, () -> machine.now));
        assertEquals(List.of(0L, 1L, 2L), reported);
        assertEquals(2, machine.log.size(), "two rounds ran before the cancellation");
    }
}
