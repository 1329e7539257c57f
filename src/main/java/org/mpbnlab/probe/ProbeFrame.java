package org.mpbnlab.probe;

import java.util.List;

/**
 * One recording of every LIF layer of a network, taken after training iteration {@code iteration}.
 * Immutable, so it can be handed to another thread and kept in a history.
 *
 * @param iteration training iterations completed when it was recorded (0 = initial weights)
 * @param source    which pass it was taken from, hence which MPBN statistics û used
 * @param batchSize samples in the recorded pass
 * @param layers    one probe per LIF layer, in network order
 */
public record ProbeFrame(long iteration, StatisticsSource source, int batchSize, List<LayerProbe> layers) {

    public ProbeFrame {
        layers = List.copyOf(layers);
    }

    /** A copy without spikes, small enough to keep many of in a history. */
    public ProbeFrame withoutSpikes() {
        return new ProbeFrame(iteration, source, batchSize, layers.stream().map(LayerProbe::withoutSpikes).toList());
    }

    /** Bytes held (histograms and spikes). */
    public long bytes() {
        return 64 + layers.stream().mapToLong(LayerProbe::bytes).sum();
    }
}
