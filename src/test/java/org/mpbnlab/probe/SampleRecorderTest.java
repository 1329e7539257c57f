package org.mpbnlab.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mpbnlab.data.DataSplit;
import org.mpbnlab.data.Encoders;
import org.mpbnlab.fold.RandomNetworks;
import org.mpbnlab.io.NpyArray;
import org.mpbnlab.io.NpzFile;
import org.mpbnlab.snn.ArrayValues;
import org.mpbnlab.snn.LifParameters;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.MpbnParameters;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.NetworkBuilder;
import org.mpbnlab.snn.NetworkSpec;
import org.mpbnlab.snn.Pass;
import org.mpbnlab.snn.Presets;
import org.mpbnlab.snn.RunningStatsMode;
import org.mpbnlab.train.InputFeeder;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The recording path: the arrays written to .npz and read back obey the engine's rule element by element
 * (charge, fire, reset), the running logits end at the network's own logits, folded recordings give the same
 * spikes, and conv-small at T = 16 for 16 samples stays under the stated memory bound.
 */
class SampleRecorderTest {

    @TempDir
    Path dir;

    /** conv → BN → LIF → pool → dense → BN → LIF → readout, with random γ (some negative), β and statistics. */
    static Network randomNetwork(MpbnMode mode, RunningStatsMode stats, int steps, long seed) {
        return RandomNetworks.network(mode, stats, steps, seed, RandomNetworks.MODERATE);
    }

    static DataSplit randomData(int count, int[] shape, long seed) {
        return RandomNetworks.data(count, shape, seed);
    }

    @ParameterizedTest(name = "{0} MPBN, {1} statistics, {2} encoding")
    @CsvSource({"CHANNEL, SHARED, direct", "ELEMENT, PER_STEP, direct", "OFF, SHARED, direct", "CHANNEL, PER_STEP, rate"})
    void theArraysReadBackObeyChargeFireAndResetElementByElement(MpbnMode mode, RunningStatsMode stats, String encoder)
            throws Exception {
        Network network = randomNetwork(mode, stats, 6, 7);
        DataSplit data = randomData(20, new int[] {1, 6, 6}, 3);
        int[] samples = {0, 5, 9};
        Recording recording = new SampleRecorder(network).record(data, samples,
                new InputFeeder(Encoders.byName(encoder), 11));
        Path file = dir.resolve("rec.npz");
        RecordingArrays.write(recording, file);
        Map<String, NpyArray> arrays = NpzFile.read(file);

        float tau = (float) arrays.get("tau").toDoubleArray()[0];
        double vth = arrays.get("v_th").toDoubleArray()[0];
        assertEquals(0, arrays.get("tau").ndim());
        assertEquals(LifParameters.defaults().threshold(), vth);
        long spikes = 0;
        long silent = 0;
        for (int l = 0; l < 2; l++) {
            float[] x = arrays.get(l + ".x").toFloatArray();
            float[] uPre = arrays.get(l + ".u_pre").toFloatArray();
            int[] shape = arrays.get(l + ".u_pre").shape();
            assertEquals(6, shape[0]);
            assertEquals(3, shape[1]);
            assertEquals(mode != MpbnMode.OFF, arrays.containsKey(l + ".u_hat"));
            float[] compared = mode != MpbnMode.OFF ? arrays.get(l + ".u_hat").toFloatArray() : uPre;
            int[] s = arrays.get(l + ".spikes").toIntArray();
            double[] threshold = arrays.get(l + ".threshold").toDoubleArray();
            int[] direction = arrays.get(l + ".direction").toIntArray();
            int block = x.length / 6;
            int neurons = block / 3;
            for (int t = 0; t < 6; t++) {
                for (int i = 0; i < block; i++) {
                    int at = t * block + i;
                    // u[t−1] = u_pre[t−1]·(1 − s[t−1]): the hard reset of the raw membrane
                    float previous = t == 0 ? 0f : uPre[at - block] * (1 - s[at - block]);
                    assertEquals(tau * previous + x[at], uPre[at], 0f, "u_pre at layer " + l + " step " + t);
                    int n = i % neurons;
                    boolean fires = fires(direction[t * neurons + n], compared[at], threshold[t * neurons + n]);
                    assertEquals(fires ? 1 : 0, s[at], "spike at layer " + l + " step " + t);
                    spikes += s[at];
                    silent += 1 - s[at];
                }
            }
            if (mode != MpbnMode.OFF) {
                // u_pre against the exact folded threshold Ṽ gives the same spikes as û against V_th
                double[] folded = arrays.get(l + ".folded_threshold").toDoubleArray();
                int[] foldedDirection = arrays.get(l + ".folded_direction").toIntArray();
                for (int at = 0; at < uPre.length; at++) {
                    int cell = (at / block) * neurons + at % neurons;
                    boolean fires = fires(foldedDirection[cell], uPre[at], folded[cell]);
                    assertEquals(fires ? 1 : 0, s[at]);
                }
            }
        }
        assertTrue(spikes > 0 && silent > 0, "the test needs both spikes and silence");

        Pass pass = new Pass(6, 3, false);
        double[] finalLogits = ArrayValues.read(network.forward(new InputFeeder(Encoders.byName(encoder), 11)
                .encode(network, data, samples, pass), pass));
        float[] logits = arrays.get("logits").toFloatArray();
        assertArrayEquals(new int[] {6, 3, 3}, arrays.get("logits").shape());
        int[] predictions = arrays.get("predictions").toIntArray();
        for (int b = 0; b < 3; b++) {
            assertEquals(recording.predictionAfter(5, b), predictions[b]);
        }
        assertArrayEquals(new int[] {data.label(0), data.label(5), data.label(9)}, arrays.get("labels").toIntArray());
        assertArrayEquals(samples, arrays.get("sample_indices").toIntArray());
        assertEquals(mode == MpbnMode.OFF ? 0 : 2, arrays.keySet().stream().filter(k -> k.endsWith("folded_threshold")).count());
        for (int i = 0; i < 9; i++) {
            assertEquals((float) finalLogits[i], logits[5 * 9 + i], 0f, "the last row is the network's logits");
        }
    }

    @Test
    void theLastRunningLogitsAreTheNetworksLogitsAndEarlierOnesAreRunningAverages() {
        Network network = randomNetwork(MpbnMode.CHANNEL, RunningStatsMode.PER_STEP, 5, 2);
        DataSplit data = randomData(8, new int[] {1, 6, 6}, 5);
        int[] samples = {1, 2, 3, 4};
        Recording recording = new SampleRecorder(network).record(data, samples, new InputFeeder(Encoders.byName("direct"), 0));
        // the same network run for fewer steps predicts from the running average of its first steps
        for (int steps : new int[] {1, 3, 5}) {
            Pass pass = new Pass(steps, 4, false);
            double[] logits = ArrayValues.read(network.forward(new InputFeeder(Encoders.byName("direct"), 0)
                    .encode(network, data, samples, pass), pass));
            for (int b = 0; b < 4; b++) {
                for (int k = 0; k < 3; k++) {
                    assertEquals((float) logits[b * 3 + k], recording.logit(steps - 1, b, k), steps == 5 ? 0f : 1e-5f);
                }
            }
        }
    }

    @Test
    void foldedAndDeployableRecordingsCompareUPreWithTheFoldedThreshold() {
        Network network = randomNetwork(MpbnMode.CHANNEL, RunningStatsMode.SHARED, 4, 9);
        DataSplit data = randomData(10, new int[] {1, 6, 6}, 1);
        int[] samples = {0, 1, 2, 3, 4, 5};
        InputFeeder feeder = new InputFeeder(Encoders.byName("direct"), 0);
        Recording mpbn = new SampleRecorder(NetworkForm.AS_SAVED.of(network)).record(data, samples, feeder);
        Recording folded = new SampleRecorder(NetworkForm.FOLDED.of(network)).record(data, samples, feeder);
        Recording deployable = new SampleRecorder(NetworkForm.DEPLOYABLE.of(network)).record(data, samples, feeder);
        assertEquals("MPBN", mpbn.network());
        assertEquals("folded", folded.network());
        assertEquals("deployable", deployable.network());
        for (int l = 0; l < 2; l++) {
            LayerRecording a = mpbn.layers().get(l);
            LayerRecording b = folded.layers().get(l);
            assertTrue(a.normalizes());
            assertFalse(b.normalizes());
            assertNull(b.foldedThreshold());
            assertArrayEquals(a.spikes(), b.spikes(), "the exact fold changes no spike");
            assertArrayEquals(a.uPre(), b.uPre());
            assertArrayEquals(a.x(), b.x());
            assertArrayEquals(a.foldedThreshold(), b.threshold(), "Ṽ shown beside MPBN is the folded layer's");
            assertArrayEquals(a.foldedDirection(), b.direction());
            LayerRecording c = deployable.layers().get(l);
            for (int t = 0; t < 4; t++) {
                for (int n = 0; n < c.neurons(); n++) {
                    for (int s = 0; s < 6; s++) {
                        boolean fires = fires(c.direction()[t * c.neurons() + n], c.uPre(t, s, n), c.threshold(t, n));
                        assertEquals(fires, c.spiked(t, s, n));
                    }
                }
            }
        }
        assertArrayEquals(mpbn.logits(), folded.logits());
    }

    @Test
    void convSmallAtSixteenStepsForSixteenSamplesStaysUnderTheStatedBound() {
        int[] input = {3, 32, 32};
        NetworkSpec spec = Presets.build("conv-small", input, 10, 16, LifParameters.defaults(),
                MpbnParameters.of(MpbnMode.CHANNEL, RunningStatsMode.PER_STEP));
        Network network = NetworkBuilder.build(spec, DataType.FLOAT, 0);
        DataSplit data = randomData(16, input, 4);
        int[] samples = new int[16];
        for (int i = 0; i < 16; i++) {
            samples[i] = i;
        }
        Recording recording = new SampleRecorder(network).record(data, samples, new InputFeeder(Encoders.byName("direct"), 0));
        long neurons = 32 * 32 * 32 + 64 * 16 * 16;
        assertEquals(neurons, recording.layers().stream().mapToLong(LayerRecording::neurons).sum());
        long cells = neurons * 16 * 16;
        assertTrue(recording.bytes() >= 13 * cells, "x, u_pre, û and spikes alone take 13 bytes a cell");
        assertTrue(recording.bytes() <= Recording.CONV_SMALL_T16_S16_BOUND,
                recording.bytes() + " bytes exceed the stated bound");
    }

    /** The documented rule: {@code [d·v > d·threshold]} for d = ±1; a constant group (d = 0) fires when threshold &lt; 0. */
    private static boolean fires(int direction, float value, double threshold) {
        return direction == 0 ? threshold < 0 : direction * (double) value > direction * threshold;
    }
}
