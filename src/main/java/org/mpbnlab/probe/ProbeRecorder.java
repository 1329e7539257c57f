package org.mpbnlab.probe;

import java.util.ArrayList;
import java.util.List;
import org.mpbnlab.snn.ArrayView;
import org.mpbnlab.snn.LifNeurons;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.Pass;
import org.mpbnlab.snn.Shapes;

/**
 * Records what every LIF layer of a network did in its last forward pass: per layer × step the
 * histograms of the input current x, of u_pre and of û (all neurons, and per channel for conv
 * layers), and the spikes of the first {@link #RASTER_SAMPLES} samples as bits.
 *
 * <p>The counters are preallocated once per network ({@code L·T·3·(C+1)·BINS} ints); a recording
 * only allocates its immutable {@link ProbeFrame}.
 *
 * <p><b>Memory bound.</b> A frame holds {@code 3·T·Σ_l (C_l + 1)} histograms of {@link #BINS} bins
 * (about 240 bytes each) plus {@code T·8·Σ_l N_l} spike bits. For the largest preset, conv-small
 * (32 and 64 channels) at T ≤ 8, that is at most 3·8·98·240 B ≈ 0.56 MiB of histograms and, on
 * inputs up to 3×32×32 (49 152 neurons), 8·8·49 152 bits = 0.38 MiB of spikes: <b>under 1 MiB per
 * frame</b>, whatever the batch size. The recorder's own counters are of the same size.
 */
public final class ProbeRecorder {

    /** Bins per histogram. */
    public static final int BINS = 40;
    /** Samples whose spikes are kept. */
    public static final int RASTER_SAMPLES = 8;
    /** The bound stated above, in bytes, for one frame of conv-small at T ≤ 8. */
    public static final long FRAME_BYTES_BOUND = 1L << 20;

    /** A histogram spans mean ± this many standard deviations of the recorded values (clipped to min/max). */
    private static final double SPAN_IN_STD = 4.0;

    private final Network network;
    private final List<LifNeurons> neurons;
    private final HistogramAccumulator[][][] accumulators;

    public ProbeRecorder(Network network) {
        this.network = network;
        this.neurons = network.neuronLayers();
        int steps = network.spec().timeSteps();
        accumulators = new HistogramAccumulator[neurons.size()][MembraneQuantity.values().length][steps];
        for (int l = 0; l < neurons.size(); l++) {
            int[] shape = neurons.get(l).outputShape();
            int channels = shape.length == 3 ? shape[0] : 0;
            int spatial = shape.length == 3 ? shape[1] * shape[2] : 1;
            for (int q = 0; q < MembraneQuantity.values().length; q++) {
                for (int t = 0; t < steps; t++) {
                    accumulators[l][q][t] = new HistogramAccumulator(channels, spatial, BINS);
                }
            }
        }
    }

    /**
     * Records the last forward pass of the network (which must have run).
     *
     * @param iteration training iterations completed
     * @param source    the pass it was (must agree with the pass's training flag)
     */
    public ProbeFrame record(long iteration, StatisticsSource source) {
        List<LayerProbe> layers = new ArrayList<>();
        Pass pass = null;
        for (int l = 0; l < neurons.size(); l++) {
            LifNeurons layer = neurons.get(l);
            pass = layer.lastPass();
            if (pass == null) {
                throw new IllegalStateException("nothing to record: the network has not run a forward pass yet");
            }
            if (pass.training() != (source == StatisticsSource.TRAINING_BATCH)) {
                throw new IllegalStateException("the last pass was " + (pass.training() ? "training" : "evaluation")
                        + " but the frame is labelled " + source.label());
            }
            layers.add(recordLayer(l, layer, pass));
        }
        return new ProbeFrame(iteration, source, pass == null ? 0 : pass.batchSize(), layers);
    }

    private LayerProbe recordLayer(int l, LifNeurons layer, Pass pass) {
        int[] shape = layer.outputShape();
        int rowSize = Shapes.size(shape);
        int steps = pass.timeSteps();
        int batch = pass.batchSize();
        double threshold = layer.lifParameters().threshold();
        ArrayView current = ArrayView.of(layer.lastInputCurrent());
        ArrayView before = ArrayView.of(layer.lastMembraneBeforeNorm());
        ArrayView after = ArrayView.of(layer.lastMembraneAfterNorm());
        ValueRange membrane = spanOf(before, 0.0).union(spanOf(after, 0.0)).range(threshold);
        ValueRange currents = spanOf(current, 0.0).range(0.0);
        ArrayView[] sources = {current, before, after};
        ValueRange[] ranges = {currents, membrane, membrane};
        int groups = accumulators[l][0][0].groups();
        Histogram[][][] histograms = new Histogram[sources.length][steps][groups];
        for (int q = 0; q < sources.length; q++) {
            for (int t = 0; t < steps; t++) {
                HistogramAccumulator acc = accumulators[l][q][t];
                acc.accumulate(sources[q], t * batch, batch, rowSize, ranges[q], threshold);
                for (int g = 0; g < groups; g++) {
                    histograms[q][t][g] = acc.freeze(g, ranges[q], threshold);
                }
            }
        }
        SpikeRaster spikes = SpikeRaster.of(ArrayView.of(layer.lastSpikes()), steps, batch, rowSize,
                Math.min(batch, RASTER_SAMPLES));
        String description = "LIF " + (l + 1) + " · " + describe(shape);
        return new LayerProbe(l, description, shape, threshold, layer.mpbnParameters().mode(),
                layer.mpbnParameters().statistics(), membrane, currents, histograms, spikes);
    }

    /** The network this recorder reads. */
    public Network network() {
        return network;
    }

    static String describe(int[] shape) {
        StringBuilder text = new StringBuilder();
        for (int d = 0; d < shape.length; d++) {
            text.append(d == 0 ? "" : "×").append(shape[d]);
        }
        return text.append(shape.length == 3 ? " conv" : " dense").toString();
    }

    private static Span spanOf(ArrayView values, double include) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double sumOfSquares = 0;
        int n = values.length();
        for (int i = 0; i < n; i++) {
            double v = values.get(i);
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            sumOfSquares += v * v;
        }
        double mean = sum / n;
        double std = Math.sqrt(Math.max(0, sumOfSquares / n - mean * mean));
        double lower = Math.max(min, mean - SPAN_IN_STD * std);
        double upper = Math.min(max, mean + SPAN_IN_STD * std);
        return new Span(Math.min(lower, include), Math.max(upper, include));
    }

    /** A raw [lower, upper] that may still be empty. */
    private record Span(double lower, double upper) {

        Span union(Span other) {
            return new Span(Math.min(lower, other.lower), Math.max(upper, other.upper));
        }

        /**
         * The histogram range: this span with {@code marker} inside, padded by 5% on both sides (at
         * least 0.05) so that no value sits on an edge.
         */
        ValueRange range(double marker) {
            double lo = Math.min(lower, marker);
            double hi = Math.max(upper, marker);
            double pad = Math.max(0.05, 0.05 * (hi - lo));
            return new ValueRange(lo - pad, hi + pad);
        }
    }
}
