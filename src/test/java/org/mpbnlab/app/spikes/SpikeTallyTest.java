package org.mpbnlab.app.spikes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mpbnlab.probe.LayerRecording;

/**
 * The spike counts the raster draws from a tally made off the UI thread are the counts it drew before by reading
 * every neuron: per step, and per band of neurons for any number of pixel rows.
 */
class SpikeTallyTest {

    private static final int STEPS = 5;
    private static final int SAMPLES = 2;

    /** A conv-shaped layer [3, 7, 11] (231 neurons) with random spikes, about one in three. */
    private static LayerRecording layer() {
        int[] shape = {3, 7, 11};
        int neurons = 3 * 7 * 11;
        int cells = STEPS * SAMPLES * neurons;
        byte[] spikes = new byte[cells];
        Random random = new Random(12);
        for (int i = 0; i < cells; i++) {
            spikes[i] = (byte) (random.nextInt(3) == 0 ? 1 : 0);
        }
        return new LayerRecording(0, "LIF 1", shape, STEPS, SAMPLES, new float[cells], new float[cells], null, spikes,
                new double[STEPS * neurons], new byte[STEPS * neurons], null, null);
    }

    @Test
    void theCountPerStepIsTheRecordingsSpikeCount() {
        LayerRecording layer = layer();
        for (int sample = 0; sample < SAMPLES; sample++) {
            int[] expected = new int[STEPS];
            for (int t = 0; t < STEPS; t++) {
                expected[t] = layer.spikeCount(t, sample);
            }
            assertArrayEquals(expected, SpikeTally.of(layer, sample).perStep(), "sample " + sample);
        }
    }

    @Test
    void bandsCountedFromTheTallyEqualBandsCountedNeuronByNeuron() {
        LayerRecording layer = layer();
        for (int sample = 0; sample < SAMPLES; sample++) {
            SpikeTally tally = SpikeTally.of(layer, sample);
            for (int rows : new int[] {1, 2, 7, 100, 170, 230, 231}) {
                int[][] read = RasterBands.count(layer, sample, rows);
                int[][] tallied = RasterBands.count(tally, rows);
                for (int t = 0; t < STEPS; t++) {
                    assertArrayEquals(read[t], tallied[t], rows + " rows, step " + t + ", sample " + sample);
                }
            }
        }
    }

    @Test
    void everyNeuronIsInTheBandThatStartsAtOrBeforeIt() {
        int neurons = 231;
        for (int rows : new int[] {1, 7, 100, 170, 231}) {
            int total = 0;
            for (int r = 0; r < rows; r++) {
                int first = RasterBands.first(r, rows, neurons);
                int size = RasterBands.size(r, rows, neurons);
                for (int n = first; n < first + size; n++) {
                    assertEquals(r, RasterBands.band(n, rows, neurons), "neuron " + n + " of " + rows + " rows");
                }
                total += size;
            }
            assertEquals(neurons, total, "the bands hold every neuron once, " + rows + " rows");
            assertEquals(neurons, RasterBands.first(rows, rows, neurons));
        }
    }
}
