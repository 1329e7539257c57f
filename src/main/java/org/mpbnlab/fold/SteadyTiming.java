package org.mpbnlab.fold;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Interleaved timing ({@link InferenceTiming}) made steady on a shared machine, for {@code bench}:
 *
 * <ol>
 *   <li><b>Warm-up until the JIT is done.</b> Every pass runs {@code warmup} times per cycle, and cycles repeat
 *       until one in which the JIT compiled for at most {@value #STEADY_COMPILE_SHARE} of its wall time (at most
 *       {@value #MAX_WARMUP_CYCLES} cycles). A fixed number of passes left the compilers working through the first
 *       timed rounds on a busy machine, and they took a core from the passes being timed.</li>
 *   <li><b>Rounds the machine left to us.</b> Each pass's slice is timed as before, and beside it the processors
 *       other processes kept busy meanwhile ({@link ProcessorReading#othersCoresSince}). A slice during which
 *       they used more than {@value #QUIET_OTHERS_CORES} cores on average is <i>shared</i>: its rate tells how busy
 *       the machine was, not how fast the code is (on 2 cores another program running flat out turns
 *       conv-small's ~2000 samples/s into ~1200). Rounds go on, up to {@code rounds} more, until every pass has
 *       {@code rounds} quiet slices.</li>
 *   <li><b>The figures</b> are each pass's first {@code rounds} quiet slices, filled up with its least shared
 *       ones when the machine never quietened; how many of them were shared is reported with them.</li>
 * </ol>
 */
public final class SteadyTiming {

    /** Above this many cores kept busy by other processes during a slice, the slice is shared. */
    public static final double QUIET_OTHERS_CORES = 0.2;

    /** A warm-up cycle in which the JIT compiled at most this fraction of its wall time ends the warm-up. */
    public static final double STEADY_COMPILE_SHARE = 0.02;

    /** Warm-up cycles at most, whether or not the JIT has finished. */
    public static final int MAX_WARMUP_CYCLES = 10;

    private SteadyTiming() {
    }

    /**
     * How the warm-up ended.
     *
     * @param cycles  cycles run
     * @param seconds their wall time
     * @param steady  whether the last cycle compiled at most {@link #STEADY_COMPILE_SHARE} of its time
     */
    public record WarmUp(int cycles, double seconds, boolean steady) {
    }

    /**
     * One pass's figures.
     *
     * @param rates       min, median and max over the slices kept
     * @param kept        how many slices the figures were taken from ({@code rounds})
     * @param shared      how many of the kept slices were shared with other processes
     * @param othersCores cores other processes kept busy, on average over the kept slices
     * @param roundsRun   rounds run in all, shared ones included
     * @param perCpuSecond the median over the kept slices of samples per second of this process's CPU time
     *                     (all its threads): what the work costs, whoever else used the machine meanwhile
     */
    public record Measured(ThroughputSpread rates, int kept, int shared, double othersCores, int roundsRun,
                           double perCpuSecond) {
    }

    /** The timing of every pass (in the order given) and its warm-up. */
    public record Result(WarmUp warmUp, List<Measured> passes) {
    }

    private record Slice(double rate, double othersCores, double perCpuSecond) {
        boolean quiet() {
            return othersCores <= QUIET_OTHERS_CORES;
        }
    }

    /**
     * Times {@code passes} (each handles {@code samplesPerPass} samples): warm-up cycles of {@code warmup} runs of
     * every pass, then interleaved rounds of {@code secondsPerSlice} per pass on {@code nanoClock}, observed with
     * {@code meter}, until each pass has {@code rounds} quiet slices or {@code 2 · rounds} rounds have run.
     */
    public static Result measure(List<Runnable> passes, int samplesPerPass, int warmup, int rounds,
                                 double secondsPerSlice, LongSupplier nanoClock, ProcessorMeter meter) {
        if (rounds < 1 || warmup < 1 || !(secondsPerSlice > 0) || passes.isEmpty()) {
            throw new IllegalArgumentException("timing needs passes, at least one round and one warm-up run, and a"
                    + " positive slice");
        }
        WarmUp warmUp = warmUp(passes, warmup, meter);
        List<List<Slice>> slices = new ArrayList<>();
        passes.forEach(p -> slices.add(new ArrayList<>()));
        int roundsRun = 0;
        while (roundsRun < rounds || roundsRun < 2 * rounds && !slices.stream().allMatch(s -> quietCount(s) >= rounds)) {
            for (int n = 0; n < passes.size(); n++) {
                ProcessorReading before = meter.read();
                double rate = TimedRepeats.repeat(passes.get(n), () -> false, samplesPerPass, secondsPerSlice,
                        nanoClock);
                ProcessorReading after = meter.read();
                double wallSeconds = (after.wallNanos() - before.wallNanos()) / 1e9;
                double cpuSeconds = (after.ownCpuNanos() - before.ownCpuNanos()) / 1e9;
                double perCpu = cpuSeconds > 0 ? rate * wallSeconds / cpuSeconds : Double.NaN;
                slices.get(n).add(new Slice(rate, after.othersCoresSince(before), perCpu));
            }
            roundsRun++;
        }
        List<Measured> measured = new ArrayList<>();
        for (List<Slice> passSlices : slices) {
            measured.add(kept(passSlices, rounds, roundsRun));
        }
        return new Result(warmUp, measured);
    }

    private static WarmUp warmUp(List<Runnable> passes, int warmup, ProcessorMeter meter) {
        ProcessorReading start = meter.read();
        ProcessorReading before = start;
        int cycles = 0;
        boolean steady;
        do {
            for (Runnable pass : passes) {
                for (int i = 0; i < warmup; i++) {
                    pass.run();
                }
            }
            cycles++;
            ProcessorReading after = meter.read();
            steady = after.compileShareSince(before) <= STEADY_COMPILE_SHARE;
            before = after;
        } while (!steady && cycles < MAX_WARMUP_CYCLES);
        return new WarmUp(cycles, (before.wallNanos() - start.wallNanos()) / 1e9, steady);
    }

    private static int quietCount(List<Slice> slices) {
        return (int) slices.stream().filter(Slice::quiet).count();
    }

    /** The first {@code rounds} quiet slices, filled up with the least shared others. */
    private static Measured kept(List<Slice> slices, int rounds, int roundsRun) {
        List<Slice> kept = new ArrayList<>(slices.stream().filter(Slice::quiet).limit(rounds).toList());
        slices.stream().filter(s -> !s.quiet()).sorted(Comparator.comparingDouble(Slice::othersCores))
                .limit(rounds - kept.size()).forEach(kept::add);
        double[] rates = kept.stream().mapToDouble(Slice::rate).toArray();
        int shared = (int) kept.stream().filter(s -> !s.quiet()).count();
        double others = kept.stream().mapToDouble(Slice::othersCores).average().orElse(0);
        double[] perCpu = kept.stream().mapToDouble(Slice::perCpuSecond).filter(Double::isFinite).toArray();
        double perCpuSecond = perCpu.length == 0 ? Double.NaN : ThroughputSpread.of(perCpu).median();
        return new Measured(ThroughputSpread.of(rates), rates.length, shared, others, roundsRun, perCpuSecond);
    }
}
