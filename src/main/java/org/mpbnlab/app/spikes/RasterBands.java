package org.mpbnlab.app.spikes;

import org.mpbnlab.probe.LayerRecording;

/**
 * How a raster with more neurons than pixel rows groups them: {@code rows} bands of neighbouring neurons, neuron
 * n in band {@code ⌊n · rows / N⌋}, so band r holds neurons {@code first(r) … first(r + 1) − 1} with
 * {@code first(r) = ⌈r · N / rows⌉}; and how many of a band spiked at each step, counted either by reading every
 * neuron's spike or, the same numbers, from a {@link SpikeTally} made off the UI thread.
 */
final class RasterBands {

    private RasterBands() {
    }

    /** The rows of a raster {@code height} pixels high: one per neuron when they fit, else one per band. */
    static int rows(int neurons, int height) {
        return Math.max(1, Math.min(neurons, height));
    }

    /** The band of neuron {@code neuron}: ⌊n · rows / N⌋. */
    static int band(int neuron, int rows, int neurons) {
        return (int) ((long) neuron * rows / neurons);
    }

    /** The first neuron of band {@code band} (for {@code band = rows}: N, the end of the last band). */
    static int first(int band, int rows, int neurons) {
        return (int) (((long) band * neurons + rows - 1) / rows);
    }

    /** The neurons of band {@code band}. */
    static int size(int band, int rows, int neurons) {
        return first(band + 1, rows, neurons) - first(band, rows, neurons);
    }

    /** {@code counts[t][r]}: the neurons of band r that spiked at step t in sample {@code sample}, read one by one. */
    static int[][] count(LayerRecording layer, int sample, int rows) {
        int neurons = layer.neurons();
        int[][] counts = new int[layer.timeSteps()][rows];
        byte[] spikes = layer.spikes();
        for (int t = 0; t < counts.length; t++) {
            int offset = layer.offset(t, sample);
            for (int n = 0; n < neurons; n++) {
                counts[t][band(n, rows, neurons)] += spikes[offset + n];
            }
        }
        return counts;
    }

    /** The same counts from {@code tally}: one subtraction per band and step. */
    static int[][] count(SpikeTally tally, int rows) {
        int neurons = tally.neurons();
        int[][] counts = new int[tally.timeSteps()][rows];
        for (int t = 0; t < counts.length; t++) {
            for (int r = 0; r < rows; r++) {
                counts[t][r] = tally.inRange(t, first(r, rows, neurons), first(r + 1, rows, neurons));
            }
        }
        return counts;
    }
}
