package org.mpbnlab.fold;

import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.Pass;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Inference throughput of a network on one fixed input batch: warm-up passes first, then the best
 * samples-per-second of several timed repeats (the least disturbed one on a shared machine).
 */
public final class InferenceTiming {

    private InferenceTiming() {
    }

    public static double samplesPerSecond(Network network, INDArray input, Pass pass, int warmup, int repeats,
                                          double secondsPerRepeat) {
        for (int i = 0; i < warmup; i++) {
            network.forward(input, pass);
        }
        double best = 0;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            long samples = 0;
            do {
                network.forward(input, pass);
                samples += pass.batchSize();
            } while (System.nanoTime() - start < secondsPerRepeat * 1e9);
            best = Math.max(best, samples / ((System.nanoTime() - start) / 1e9));
        }
        return best;
    }
}
