package org.mpbnlab.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Steady timing on a scripted machine: the warm-up lasts until the JIT stops compiling, a slice during which other
 * processes used the processors is shared, rounds go on until every pass has enough quiet slices (at most twice as
 * many rounds), and the figures come from the quiet slices.
 */
class SteadyTimingTest {

    /**
     * A machine whose clock moves only when a pass runs: a run of {@code nanos} adds them to the wall clock, {@code
     * ownCores · nanos} to this process's CPU time, and both to the machine's busy time together with what other
     * processes used meanwhile ({@code othersCores · nanos}). The JIT's compile time is moved by the tests.
     */
    private static final class ScriptedMachine implements ProcessorMeter {
        long now;
        long own;
        long busy;
        long compileMillis;
        /** Cores this process keeps busy while a pass runs. */
        double ownCores = 1;
        final List<String> log = new ArrayList<>();

        void run(String name, long nanos, double othersCores) {
            log.add(name);
            now += nanos;
            own += (long) (ownCores * nanos);
            busy += (long) (ownCores * nanos) + (long) (othersCores * nanos);
        }

        @Override
        public ProcessorReading read() {
            return new ProcessorReading(now, own, busy, compileMillis);
        }
    }

    /**
     * A pass of 1 ms whose first run is the warm-up and whose timed runs share the machine with other processes
     * using {@code othersPerTimedRun[i]} cores during the i-th (a slice of 1 ms holds one run).
     */
    private static Runnable sharedPass(ScriptedMachine machine, double... othersPerTimedRun) {
        int[] runs = {0};
        return () -> {
            int run = runs[0]++;
            machine.run("a", 1_000_000, run == 0 ? 0 : othersPerTimedRun[run - 1]);
        };
    }

    @Test
    void warmsUpUntilACycleCompilesAtMostTwoPercentOfItsTime() {
        ScriptedMachine machine = new ScriptedMachine();
        // each cycle runs the pass twice (20 ms); the JIT compiles 15 ms in the first, 5 ms in the second, 0 after
        long[] compiled = {15, 5};
        int[] runs = {0};
        Runnable pass = () -> {
            machine.run("a", 10_000_000, 0);
            int cycle = runs[0]++ / 2;
            if (runs[0] % 2 == 0 && cycle < compiled.length) {
                machine.compileMillis += compiled[cycle];
            }
        };
        SteadyTiming.Result result = SteadyTiming.measure(List.of(pass), 1, 2, 1, 0.01, () -> machine.now, machine);
        assertEquals(3, result.warmUp().cycles());
        assertTrue(result.warmUp().steady());
        assertEquals(0.06, result.warmUp().seconds(), 1e-12);
    }

    @Test
    void stopsWarmingUpAfterTenCyclesWhenTheJitNeverRests() {
        ScriptedMachine machine = new ScriptedMachine();
        Runnable compiling = () -> {
            machine.run("a", 1_000_000, 0);
            machine.compileMillis += 1;
        };
        SteadyTiming.Result result = SteadyTiming.measure(List.of(compiling), 1, 1, 1, 0.001, () -> machine.now,
                machine);
        assertEquals(SteadyTiming.MAX_WARMUP_CYCLES, result.warmUp().cycles());
        assertFalse(result.warmUp().steady());
    }

    @Test
    void aQuietMachineRunsExactlyTheRoundsAskedForInterleaved() {
        ScriptedMachine machine = new ScriptedMachine();
        Runnable a = () -> machine.run("a", 1_000_000, 0);
        Runnable b = () -> machine.run("b", 500_000, 0);
        SteadyTiming.Result result = SteadyTiming.measure(List.of(a, b), 10, 1, 2, 0.001, () -> machine.now, machine);
        assertEquals(List.of("a", "b", // warm-up
                "a", "b", "b", // round 1
                "a", "b", "b"), // round 2
                machine.log);
        SteadyTiming.Measured first = result.passes().get(0);
        assertEquals(new ThroughputSpread(10_000, 10_000, 10_000), first.rates());
        assertEquals(2, first.kept());
        assertEquals(0, first.shared());
        assertEquals(2, first.roundsRun());
        assertEquals(20_000, result.passes().get(1).rates().median(), 1e-9);
    }

    @Test
    void aSharedSliceIsReplacedByAnExtraRoundAndLeftOutOfTheFigures() {
        ScriptedMachine machine = new ScriptedMachine();
        int[] runs = {0};
        // 1 ms a run, except the second timed run: another program takes a core and the run takes 2 ms
        Runnable pass = () -> {
            boolean disturbed = runs[0]++ == 2;
            machine.run("a", disturbed ? 2_000_000 : 1_000_000, disturbed ? 1.0 : 0);
        };
        SteadyTiming.Measured measured = SteadyTiming.measure(List.of(pass), 10, 1, 3, 0.001, () -> machine.now,
                machine).passes().get(0);
        assertEquals(4, measured.roundsRun(), "one extra round for the shared one");
        assertEquals(new ThroughputSpread(10_000, 10_000, 10_000), measured.rates(), "the 5 000/s slice is left out");
        assertEquals(0, measured.shared());
        assertEquals(0, measured.othersCores(), 1e-12);
    }

    @Test
    void aMachineThatStaysBusyRunsTwiceTheRoundsAndKeepsTheLeastSharedSlices() {
        ScriptedMachine machine = new ScriptedMachine();
        Runnable pass = sharedPass(machine, 1.0, 0.5, 1.5, 0.8, 0.3, 1.2);
        SteadyTiming.Measured measured = SteadyTiming.measure(List.of(pass), 10, 1, 3, 0.001, () -> machine.now,
                machine).passes().get(0);
        assertEquals(6, measured.roundsRun());
        assertEquals(3, measured.kept());
        assertEquals(3, measured.shared());
        assertEquals((0.3 + 0.5 + 0.8) / 3, measured.othersCores(), 1e-9);
    }

    @Test
    void quietSlicesComeFirstAndTheLeastSharedFillUp() {
        ScriptedMachine machine = new ScriptedMachine();
        Runnable pass = sharedPass(machine, 0.1, 0.9, 0.6, 0.7, 0.2, 0.8);
        SteadyTiming.Measured measured = SteadyTiming.measure(List.of(pass), 10, 1, 3, 0.001, () -> machine.now,
                machine).passes().get(0);
        assertEquals(6, measured.roundsRun(), "only two quiet slices in six rounds");
        assertEquals(1, measured.shared(), "0.1 and 0.2 are quiet, 0.6 the least shared of the rest");
        assertEquals((0.1 + 0.2 + 0.6) / 3, measured.othersCores(), 1e-9);
    }

    @Test
    void theCostPerCpuSecondCountsEveryCoreThePassesKeptBusy() {
        ScriptedMachine machine = new ScriptedMachine();
        machine.ownCores = 2;
        Runnable pass = () -> machine.run("a", 1_000_000, 0);
        SteadyTiming.Measured measured = SteadyTiming.measure(List.of(pass), 10, 1, 3, 0.001, () -> machine.now,
                machine).passes().get(0);
        assertEquals(10_000, measured.rates().median(), 1e-9);
        assertEquals(5_000, measured.perCpuSecond(), 1e-9, "10 samples per 2 ms of CPU time");
        assertEquals(0, measured.shared(), "our own second core is not another process");
    }

    @Test
    void othersAreTheMachinesBusyTimeBeyondOurOwnAndTheJitShareIsItsCompileTime() {
        ProcessorReading before = new ProcessorReading(0, 0, 0, 0);
        ProcessorReading after = new ProcessorReading(1_000_000_000, 1_700_000_000, 2_600_000_000L, 30);
        assertEquals(0.9, after.othersCoresSince(before), 1e-12);
        assertEquals(0.03, after.compileShareSince(before), 1e-12);
        ProcessorReading ownOnly = new ProcessorReading(1_000_000_000, 1_700_000_000, 1_690_000_000, 0);
        assertEquals(0, ownOnly.othersCoresSince(before), "tick rounding never makes others negative");
    }

    @Test
    void readsTheBusyTicksOfProcStat() {
        assertEquals(5104747 + 69186 + 420794 + 0 + 1385 + 6960,
                ProcessorMeter.busyTicks("cpu  5104747 69186 420794 880080 1591 0 1385 6960 0 0"));
        assertEquals(-1, ProcessorMeter.busyTicks("cpu0 2545374 33174 209985 449476 344 0 222 3740 0 0"));
        assertEquals(-1, ProcessorMeter.busyTicks("intr 1 2 3"));
    }

    @Test
    void refusesTimingWithoutRoundsOrWarmUp() {
        assertThrows(IllegalArgumentException.class, () -> SteadyTiming.measure(List.of(() -> { }), 1, 1, 0, 0.1,
                System::nanoTime, ProcessorMeter.system()));
        assertThrows(IllegalArgumentException.class, () -> SteadyTiming.measure(List.of(() -> { }), 1, 0, 1, 0.1,
                System::nanoTime, ProcessorMeter.system()));
    }
}
