package org.mpbnlab.probe;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.mpbnlab.snn.ArrayValues;
import org.mpbnlab.snn.LifNeurons;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.Pass;
import org.mpbnlab.snn.Shapes;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

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
    /** Rows are copied out of the engine's buffers in chunks of at most this many floats (4 MiB). */
    private static final int CHUNK_FLOATS = 1 << 20;
    private float[] chunk = new float[0];

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
            if (layer.lastMembraneBeforeNorm().dataType() != DataType.FLOAT) {
                throw new IllegalArgumentException("the probe records FLOAT networks (the app's engine type)");
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
        FloatBuffer current = floats(layer.lastInputCurrent());
        FloatBuffer before = floats(layer.lastMembraneBeforeNorm());
        FloatBuffer after = floats(layer.lastMembraneAfterNorm());
        int length = pass.rows() * rowSize;
        ValueRange membrane = spanOf(before, length).union(spanOf(after, length)).range(threshold);
        ValueRange currents = spanOf(current, length).range(0.0);
        FloatBuffer[] sources = {current, before, after};
        ValueRange[] ranges = {currents, membrane, membrane};
        int groups = accumulators[l][0][0].groups();
        int rowsPerChunk = Math.max(1, Math.min(batch, CHUNK_FLOATS / rowSize));
        FoldedFiring folded = foldedFiring(layer, steps);
        Histogram[][][] histograms = new Histogram[sources.length][steps][groups];
        for (int q = 0; q < sources.length; q++) {
            for (int t = 0; t < steps; t++) {
                HistogramAccumulator acc = accumulators[l][q][t];
                acc.begin();
                for (int b = 0; b < batch; b += rowsPerChunk) {
                    int rows = Math.min(rowsPerChunk, batch - b);
                    float[] values = copy(sources[q], (t * batch + b) * rowSize, rows * rowSize);
                    acc.accumulate(values, rows, rowSize, ranges[q], threshold);
                    if (folded != null && sources[q] == before) {
                        folded.count(t, values, rows);
                    }
                }
                acc.finish();
                for (int g = 0; g < groups; g++) {
                    histograms[q][t][g] = acc.freeze(g, ranges[q], threshold);
                }
            }
        }
        SpikeRaster spikes = SpikeRaster.of(layer.lastSpikes(), steps, batch, rowSize,
                Math.min(batch, RASTER_SAMPLES));
        String description = "LIF " + (l + 1) + " · " + describe(shape);
        return new LayerProbe(l, description, shape, threshold, layer.mpbnParameters().mode(),
                layer.mpbnParameters().statistics(), membrane, currents, histograms, normalization(layer, folded, batch),
                spikes);
    }

    /** True for a conv layer with channel MPBN: one MPBN group per channel, so one Ṽ per channel. */
    private static boolean foldsPerChannel(LifNeurons layer) {
        return layer.mpbnParameters().mode() == MpbnMode.CHANNEL && layer.outputShape().length == 3;
    }

    /** The exact Ṽ of every step and channel of the last pass, ready to count u_pre; null when not per channel. */
    private static FoldedFiring foldedFiring(LifNeurons layer, int steps) {
        if (!foldsPerChannel(layer)) {
            return null;
        }
        int[] shape = layer.outputShape();
        double[][] scale = new double[steps][];
        double[][] shift = new double[steps][];
        for (int t = 0; t < steps; t++) {
            scale[t] = layer.lastStepScale(t);
            shift[t] = layer.lastStepShift(t);
        }
        return new FoldedFiring(stepMeans(layer, steps), scale, shift, layer.lifParameters().threshold(),
                shape[1] * shape[2]);
    }

    /** γ, β, the step statistics and the fold of a conv layer with channel MPBN; null otherwise. */
    private static ChannelNormalization normalization(LifNeurons layer, FoldedFiring folded, int batch) {
        if (folded == null) {
            return null;
        }
        int steps = folded.thresholds().length;
        return new ChannelNormalization(ArrayValues.read(layer.gamma().value()),
                ArrayValues.read(layer.beta().value()), stepMeans(layer, steps),
                stepInverseStds(layer, steps), folded.thresholds(), folded.fractions(batch));
    }

    private static double[][] stepMeans(LifNeurons layer, int steps) {
        double[][] mean = new double[steps][];
        for (int t = 0; t < steps; t++) {
            mean[t] = layer.lastStepMean(t);
        }
        return mean;
    }

    private static double[][] stepInverseStds(LifNeurons layer, int steps) {
        double[][] inverseStd = new double[steps][];
        for (int t = 0; t < steps; t++) {
            inverseStd[t] = layer.lastStepInverseStd(t);
        }
        return inverseStd;
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

    /** The native floats of a contiguous array. */
    private static FloatBuffer floats(INDArray array) {
        ArrayValues.requireContiguous(array);
        return array.data().asNioFloat();
    }

    /** Copies {@code length} floats from {@code offset} into the reused chunk buffer. */
    private float[] copy(FloatBuffer source, int offset, int length) {
        if (chunk.length < length) {
            chunk = new float[length];
        }
        source.get(offset, chunk, 0, length);
        return chunk;
    }

    /**
     * Mean ± {@value #SPAN_IN_STD} std of the finite values among the first {@code n}, clipped to their min
     * and max (a diverged pass may hold NaN or ∞; those are left out here and drawn in the edge bins).
     */
    private Span spanOf(FloatBuffer values, int n) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double sumOfSquares = 0;
        long finite = 0;
        for (int start = 0; start < n; start += CHUNK_FLOATS) {
            int length = Math.min(CHUNK_FLOATS, n - start);
            float[] part = copy(values, start, length);
            for (int i = 0; i < length; i++) {
                double v = part[i];
                if (!Double.isFinite(v)) {
                    continue;
                }
                finite++;
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
                sumOfSquares += v * v;
            }
        }
        if (finite == 0) {
            return new Span(0.0, 0.0);
        }
        double mean = sum / finite;
        double std = Math.sqrt(Math.max(0, sumOfSquares / finite - mean * mean));
        double lower = Math.max(min, mean - SPAN_IN_STD * std);
        double upper = Math.min(max, mean + SPAN_IN_STD * std);
        return new Span(Math.min(lower, 0.0), Math.max(upper, 0.0));
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
