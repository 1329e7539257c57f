package org.mpbnlab.fold;

import java.util.List;
import java.util.function.LongSupplier;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.Pass;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Inference throughput of networks on one fixed input batch. Networks that are to be compared are timed
 * interleaved: in every round each network runs for the same slice of time, one after the other, and a
 * network's figure is its median over the rounds. A disturbance of the shared machine then falls on all of
 * them alike instead of on whichever happened to be measured at that moment. The rounds' spread
 * ({@link ThroughputSpread}) says how much the machine disturbed them.
 */
public final class InferenceTiming {

    private InferenceTiming() {
    }

    /**
     * Samples per second of each network (in the order given), after {@code warmup} untimed passes of each;
     * {@code rounds} interleaved rounds of {@code secondsPerSlice} per network.
     */
    public static double[] interleaved(List<Network> networks, INDArray input, Pass pass, int warmup, int rounds,
                                       double secondsPerSlice) {
        return interleaved(networks, input, pass, warmup, rounds, secondsPerSlice, CheckProgress.NONE);
    }

    /**
     * As above, telling {@code progress} the rounds done (the warm-up counts as round 0).
     *
     * @throws java.util.concurrent.CancellationException when {@code progress} answers false between rounds
     */
    public static double[] interleaved(List<Network> networks, INDArray input, Pass pass, int warmup, int rounds,
                                       double secondsPerSlice, CheckProgress progress) {
        List<Runnable> passes = networks.stream().<Runnable>map(network -> () -> network.forward(input, pass))
                .toList();
        return interleavedPasses(passes, pass.batchSize(), warmup, rounds, secondsPerSlice, progress,
                System::nanoTime);
    }

    /**
     * As {@link #interleaved(List, INDArray, Pass, int, int, double)}, each network's rates over the rounds told
     * by their minimum, median and maximum.
     */
    public static ThroughputSpread[] interleavedSpreads(List<Network> networks, INDArray input, Pass pass,
                                                        int warmup, int rounds, double secondsPerSlice) {
        List<Runnable> passes = networks.stream().<Runnable>map(network -> () -> network.forward(input, pass))
                .toList();
        return spreadsOfPasses(passes, pass.batchSize(), warmup, rounds, secondsPerSlice, CheckProgress.NONE,
                System::nanoTime);
    }

    /**
     * The interleaved timing of any passes that each handle {@code samplesPerPass} samples, read on
     * {@code nanoClock} (nanoseconds): every pass first runs {@code warmup} times untimed; then in each of
     * {@code rounds} rounds every pass in turn runs repeatedly for at least {@code secondsPerSlice}, and its
     * rate for the round is {@code samples / elapsed}. Returns each pass's median rate over the rounds.
     *
     * @throws java.util.concurrent.CancellationException when {@code progress} answers false between rounds
     */
    public static double[] interleavedPasses(List<Runnable> passes, int samplesPerPass, int warmup, int rounds,
                                             double secondsPerSlice, CheckProgress progress, LongSupplier nanoClock) {
        ThroughputSpread[] spreads = spreadsOfPasses(passes, samplesPerPass, warmup, rounds, secondsPerSlice,
                progress, nanoClock);
        double[] medians = new double[spreads.length];
        for (int n = 0; n < medians.length; n++) {
            medians[n] = spreads[n].median();
        }
        return medians;
    }

    /** As {@link #interleavedPasses}, each pass's rates over the rounds as minimum, median and maximum. */
    public static ThroughputSpread[] spreadsOfPasses(List<Runnable> passes, int samplesPerPass, int warmup,
                                                     int rounds, double secondsPerSlice, CheckProgress progress,
                                                     LongSupplier nanoClock) {
        if (rounds < 1 || warmup < 0 || !(secondsPerSlice > 0)) {
            throw new IllegalArgumentException("timing needs at least one round, no negative warm-up and a positive"
                    + " slice");
        }
        for (Runnable pass : passes) {
            for (int i = 0; i < warmup; i++) {
                pass.run();
            }
        }
        double[][] rates = new double[passes.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            if (!progress.proceed(r, rounds)) {
                throw new java.util.concurrent.CancellationException("the timing was cancelled");
            }
            for (int n = 0; n < passes.size(); n++) {
                rates[n][r] = TimedRepeats.repeat(passes.get(n), () -> false, samplesPerPass, secondsPerSlice,
                        nanoClock);
            }
        }
        progress.proceed(rounds, rounds);
        ThroughputSpread[] spreads = new ThroughputSpread[passes.size()];
        for (int n = 0; n < spreads.length; n++) {
            spreads[n] = ThroughputSpread.of(rates[n]);
        }
        return spreads;
    }
}
