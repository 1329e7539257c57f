package org.mpbnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EncodersTest {

    /** Three samples of four pixels with known intensities, stored standardised (mean 0.5, std 0.25). */
    private static DataSplit images() {
        Normalisation n = new Normalisation(0.5f, 0.25f, 0f, 1f);
        float[] raw = {0f, 0.25f, 0.5f, 1f, 0.9f, 0.1f, 0.6f, 0.3f, 1f, 1f, 0f, 0.75f};
        n.applyInPlace(raw);
        return new DataSplit(raw, new int[] {0, 1, 2}, new int[] {1, 2, 2}, n);
    }

    private static float[] encode(Encoder encoder, DataSplit split, int[] indices, int steps, int frame, long seed) {
        FloatBuffer out = FloatBuffer.allocate(steps * indices.length * frame);
        encoder.encode(split, indices, steps, out, new Random(seed));
        assertEquals(0, out.remaining());
        return out.array();
    }

    @Test
    void directRepeatsTheNormalisedSampleAtEveryStep() {
        DataSplit split = images();
        float[] out = encode(Encoders.byName("direct"), split, new int[] {2, 0}, 3, 4, 1);
        for (int t = 0; t < 3; t++) {
            for (int i = 0; i < 4; i++) {
                assertEquals(split.features()[8 + i], out[(t * 2) * 4 + i]);
                assertEquals(split.features()[i], out[(t * 2 + 1) * 4 + i]);
            }
        }
        assertTrue(Encoders.byName("direct").repeatsOverTime());
        assertFalse(Encoders.byName("rate").repeatsOverTime());
    }

    @Test
    void rateSpikesWithMeanEqualToIntensity() {
        DataSplit split = images();
        int steps = 4000;
        float[] out = encode(Encoders.byName("rate"), split, new int[] {0, 1}, steps, 4, 7);
        float[] expected = {0f, 0.25f, 0.5f, 1f, 0.9f, 0.1f, 0.6f, 0.3f};
        for (int j = 0; j < 8; j++) {
            double sum = 0;
            for (int t = 0; t < steps; t++) {
                float spike = out[t * 8 + j];
                assertTrue(spike == 0f || spike == 1f);
                sum += spike;
            }
            assertEquals(expected[j], sum / steps, 0.03, "element " + j);
        }
    }

    @Test
    void rateIsReproducibleFromTheSeed() {
        DataSplit split = images();
        assertArrayEquals(encode(new RateEncoder(), split, new int[] {1}, 20, 4, 3),
                encode(new RateEncoder(), split, new int[] {1}, 20, 4, 3));
    }

    @Test
    void latencyFiresOncePerPixelBrighterEarlier() {
        DataSplit split = images();
        int steps = 10;
        float[] out = encode(Encoders.byName("latency"), split, new int[] {1}, steps, 4, 1);
        int[] first = new int[4];
        int[] counts = new int[4];
        java.util.Arrays.fill(first, -1);
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < 4; i++) {
                if (out[t * 4 + i] == 1f) {
                    counts[i]++;
                    if (first[i] < 0) {
                        first[i] = t;
                    }
                }
            }
        }
        assertArrayEquals(new int[] {1, 1, 1, 1}, counts);
        // intensities 0.9, 0.1, 0.6, 0.3: order of firing 0, 2, 3, 1
        assertTrue(first[0] < first[2] && first[2] < first[3] && first[3] < first[1]);
        assertEquals(0, LatencyEncoder.spikeStep(1f, steps));
        assertEquals(-1, LatencyEncoder.spikeStep(0f, steps));
    }

    @Test
    void eventsPassFramesThroughWhenStepsMatch() {
        Dataset bars = new MovingBarsGenerator().generate(new GeneratorOptions(4, 4, 0.01, 2));
        DataSplit split = bars.train();
        int frame = 256;
        float[] out = encode(Encoders.byName("events"), split, new int[] {3}, 16, frame, 1);
        assertArrayEquals(split.sample(3), out);
    }

    @Test
    void eventsAreBinnedByMaximumWhenFewerStepsAreAsked() {
        Dataset bars = new MovingBarsGenerator().generate(new GeneratorOptions(4, 4, 0.0, 2));
        DataSplit split = bars.train();
        float[] sample = split.sample(0);
        float[] out = encode(new EventEncoder(), split, new int[] {0}, 4, 256, 1);
        for (int t = 0; t < 4; t++) {
            for (int p = 0; p < 256; p++) {
                float expected = 0;
                for (int step = 4 * t; step < 4 * t + 4; step++) {
                    expected = Math.max(expected, sample[step * 256 + p]);
                }
                assertEquals(expected, out[t * 256 + p]);
            }
        }
    }

    @Test
    void eventsRefuseMoreStepsThanTheDataHas() {
        Dataset bars = new MovingBarsGenerator().generate(new GeneratorOptions(4, 4, 0.0, 2));
        DatasetException e = assertThrows(DatasetException.class, () -> new EventEncoder().encode(bars.train(),
                new int[] {0}, 20, FloatBuffer.allocate(20 * 256), new Random(1)));
        assertTrue(e.getMessage().contains("between 1 and 16"), e.getMessage());
    }

    @Test
    void unknownEncoderNameListsTheKnownOnes() {
        DatasetException e = assertThrows(DatasetException.class, () -> Encoders.byName("poisson"));
        assertTrue(e.getMessage().contains("direct, rate, latency, events"), e.getMessage());
    }

    @Test
    void temporalDataNeedsTheEventsEncoder() {
        Dataset bars = new MovingBarsGenerator().generate(new GeneratorOptions(4, 4, 0.0, 2));
        assertThrows(DatasetException.class, () -> Encoders.requireCompatible(new DirectEncoder(), bars));
        Encoders.requireCompatible(Encoders.defaultFor(bars), bars);
        assertEquals("events", Encoders.defaultFor(bars).name());
    }

    @Test
    void tooSmallOutputBufferIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DirectEncoder().encode(images(), new int[] {0, 1},
                2, FloatBuffer.allocate(15), new Random(1)));
    }
}
