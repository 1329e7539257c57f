package org.mpbnlab.probe;

import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.RunningStatsMode;

/**
 * What one LIF layer did in one recorded forward pass: for every step t and every quantity
 * (x, u_pre, û) a histogram over all neurons and, for conv layers, one per channel; optionally the
 * spikes of the first samples. Immutable.
 *
 * @param index          position among the network's LIF layers (0-based)
 * @param description    e.g. {@code "LIF 1 · 32×28×28"}
 * @param shape          per-sample neuron shape, [F] or [C, H, W]
 * @param threshold      V_th
 * @param mpbnMode       OFF, CHANNEL or ELEMENT
 * @param runningStats   how MPBN keeps running statistics (relevant to evaluation-mode frames)
 * @param membraneRange  the span shared by all u_pre and û histograms of this layer (all steps)
 * @param currentRange   the span of all x histograms of this layer
 * @param histograms     [quantity][t][group], group 0 = all neurons, group c + 1 = channel c
 * @param spikes         spikes of the first samples, or null when not kept (history frames)
 */
public record LayerProbe(int index, String description, int[] shape, double threshold, MpbnMode mpbnMode,
                         RunningStatsMode runningStats, ValueRange membraneRange, ValueRange currentRange,
                         Histogram[][][] histograms, SpikeRaster spikes) {

    /** Selects all neurons of the layer instead of one channel. */
    public static final int ALL_CHANNELS = -1;

    public LayerProbe {
        shape = shape.clone();
        histograms = deepCopy(histograms);
    }

    private static Histogram[][][] deepCopy(Histogram[][][] histograms) {
        Histogram[][][] copy = new Histogram[histograms.length][][];
        for (int q = 0; q < histograms.length; q++) {
            copy[q] = new Histogram[histograms[q].length][];
            for (int t = 0; t < histograms[q].length; t++) {
                copy[q][t] = histograms[q][t].clone();
            }
        }
        return copy;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public Histogram[][][] histograms() {
        return deepCopy(histograms);
    }

    public boolean mpbnEnabled() {
        return mpbnMode != MpbnMode.OFF;
    }

    /** Number of channels a user can choose (0 for a dense layer: only all neurons). */
    public int channels() {
        return shape.length == 3 ? shape[0] : 0;
    }

    public int timeSteps() {
        return histograms[0].length;
    }

    /**
     * The histogram of {@code quantity} at step {@code t} (0-based) for {@code channel}, or for all
     * neurons with {@link #ALL_CHANNELS}.
     */
    public Histogram histogram(MembraneQuantity quantity, int t, int channel) {
        if (channel != ALL_CHANNELS && (channel < 0 || channel >= channels())) {
            throw new IllegalArgumentException("channel " + channel + " does not exist in " + description
                    + " (it has " + channels() + " channels)");
        }
        return histograms[quantity.ordinal()][t][channel + 1];
    }

    /** A copy without the spikes, for the training history. */
    public LayerProbe withoutSpikes() {
        return new LayerProbe(index, description, shape, threshold, mpbnMode, runningStats, membraneRange,
                currentRange, histograms, null);
    }

    /** Bytes held by the histograms and spikes. */
    public long bytes() {
        long total = 128;
        for (Histogram[][] perStep : histograms) {
            for (Histogram[] perGroup : perStep) {
                for (Histogram h : perGroup) {
                    total += h.bytes() + 8;
                }
            }
        }
        return total + (spikes == null ? 0 : spikes.bytes());
    }
}
