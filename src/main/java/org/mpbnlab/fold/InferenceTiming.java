package org.mpbnlab.fold;

import java.util.Arrays;
import java.util.List;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.Pass;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Inference throughput of networks on one fixed input batch. Networks that are to be compared are timed
 * interleaved: in every round each network runs for the same slice of time, one after the other, and a
 * network's figure is its median over the rounds. A disturbance of the shared machine then falls on all of
 * them alike instead of on whichever happened to be measured at that moment.
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
        for (Network network : networks) {
            for (int i = 0; i < warmup; i++) {
                network.forward(input, pass);
            }
        }
        double[][] rates = new double[networks.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            if (!progress.proceed(r, rounds)) {
                throw new java.util.concurrent.CancellationException("the timing was cancelled");
            }
            for (int n = 0; n < networks.size(); n++) {
                rates[n][r] = slice(networks.get(n), input, pass, secondsPerSlice);
            }
        }
        progress.proceed(rounds, rounds);
        double[] medians = new double[networks.size()];
        for (int n = 0; n < medians.length; n++) {
            medians[n] = median(rates[n]);
        }
        return medians;
    }

    /** Samples per second of one network over about {@code seconds} of repeated passes. */
    private static double slice(Network network, INDArray input, Pass pass, double seconds) {
        long start = System.nanoTime();
        long samples = 0;
        do {
            network.forward(input, pass);
            samples += pass.batchSize();
        } while (System.nanoTime() - start < seconds * 1e9);
        return samples / ((System.nanoTime() - start) / 1e9);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
