package org.mpbnlab.app.spikes;

import org.mpbnlab.probe.LayerRecording;

/**
 * The spikes of one LIF layer of a recording, for one sample, counted once off the UI thread so that drawing
 * the raster counts nothing. For each step t it keeps the running count
 *
 * <pre>  upTo[t][n] = s[t, 0] + s[t, 1] + … + s[t, n − 1]     (upTo[t][0] = 0)</pre>
 *
 * of the recording's spikes s (0 or 1), from which any band of neurons is counted by one subtraction:
 * the spikes of neurons {@code from … to − 1} at step t are {@code upTo[t][to] − upTo[t][from]}, and the whole
 * layer's are {@code upTo[t][N]}. The raster draws a band of neurons per pixel row ({@link SpikeRasterCanvas}),
 * so for every size of the canvas a redraw costs steps × rows, not steps × neurons (25 088 neurons for a conv
 * layer of conv-small: 400 000 reads per drawing, 10–15 ms on the UI thread before the JIT has compiled the loop).
 * Immutable; made by {@link SpikesViewModel} on its background thread with the recording.
 */
public final class SpikeTally {

    private final int neurons;
    private final int[][] upTo;

    private SpikeTally(int neurons, int[][] upTo) {
        this.neurons = neurons;
        this.upTo = upTo;
    }

    /** Counts the spikes of sample {@code sample} of {@code layer}. */
    public static SpikeTally of(LayerRecording layer, int sample) {
        int neurons = layer.neurons();
        byte[] spikes = layer.spikes();
        int[][] upTo = new int[layer.timeSteps()][neurons + 1];
        for (int t = 0; t < upTo.length; t++) {
            int offset = layer.offset(t, sample);
            int[] row = upTo[t];
            for (int n = 0; n < neurons; n++) {
                row[n + 1] = row[n] + spikes[offset + n];
            }
        }
        return new SpikeTally(neurons, upTo);
    }

    public int timeSteps() {
        return upTo.length;
    }

    public int neurons() {
        return neurons;
    }

    /** Spikes at step {@code t} of neurons {@code from} (included) to {@code to} (excluded). */
    public int inRange(int t, int from, int to) {
        return upTo[t][to] - upTo[t][from];
    }

    /** Spikes of the whole layer at each step. */
    public int[] perStep() {
        int[] counts = new int[upTo.length];
        for (int t = 0; t < counts.length; t++) {
            counts[t] = upTo[t][neurons];
        }
        return counts;
    }
}
