package org.mpbnlab.fold;

import java.util.ArrayList;
import java.util.List;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.NetworkBuilder;
import org.mpbnlab.snn.Pass;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Inference throughput of the MPBN network in evaluation mode, its fold, its deployable form and a network of
 * the same shape without MPBN, measured side by side on one input batch ({@link InferenceTiming}: interleaved
 * rounds, medians). Samples per second; {@code deployable} is NaN when there is none.
 *
 * @param batch samples per forward pass
 */
public record InferenceSpeeds(double mpbnEval, double folded, double deployable, double noMpbn, int batch) {

    /** Warm-up passes, timed rounds and seconds per slice: what {@code fold --check} and the app use. */
    public static final int WARMUP = 3;
    public static final int ROUNDS = 5;
    public static final double SECONDS_PER_SLICE = 0.3;

    /**
     * Measures {@code reference}, {@code folded}, {@code deployable} (may be null) and the no-MPBN network of
     * the reference's shape (its weights copied; its speed does not depend on them).
     *
     * @throws java.util.concurrent.CancellationException when {@code progress} answers false between rounds
     */
    public static InferenceSpeeds measure(Network reference, Network folded, Network deployable, INDArray input,
                                          Pass pass, CheckProgress progress) {
        Network plain = NetworkBuilder.build(PlainSpec.withoutMpbn(reference.spec()), reference.dataType(), 0);
        plain.copyMatchingStateFrom(reference);
        List<Network> networks = new ArrayList<>(List.of(reference, folded, plain));
        if (deployable != null) {
            networks.add(deployable);
        }
        double[] rates = InferenceTiming.interleaved(networks, input, pass, WARMUP, ROUNDS, SECONDS_PER_SLICE,
                progress);
        return new InferenceSpeeds(rates[0], rates[1], deployable == null ? Double.NaN : rates[3], rates[2],
                pass.batchSize());
    }
}
