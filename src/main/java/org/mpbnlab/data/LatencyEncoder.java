package org.mpbnlab.data;

import java.nio.FloatBuffer;
import java.util.Random;

/**
 * Latency (time-to-first-spike) coding: every element spikes once, brighter ones earlier, and
 * elements darker than {@value #SILENT_BELOW} never spike:
 * <pre>
 *   t_spike = round((1 − p) · (T − 1)),   p = intensity (as in {@link RateEncoder})
 * </pre>
 * So p = 1 fires at step 0 and p just above the cut-off fires at the last step. Deterministic; for
 * static data only.
 */
public final class LatencyEncoder extends IntensityEncoder {

    /** Intensities below this emit no spike (background pixels stay silent). */
    public static final float SILENT_BELOW = 0.01f;

    public LatencyEncoder() {
        super("latency");
    }

    @Override
    void spikes(float[] intensity, int timeSteps, FloatBuffer out, Random rng) {
        int[] spikeStep = new int[intensity.length];
        for (int i = 0; i < intensity.length; i++) {
            spikeStep[i] = spikeStep(intensity[i], timeSteps);
        }
        for (int t = 0; t < timeSteps; t++) {
            for (int step : spikeStep) {
                out.put(step == t ? 1f : 0f);
            }
        }
    }

    /** {@code round((1 − p)(T − 1))}, or −1 (never) when {@code p < SILENT_BELOW}. */
    public static int spikeStep(float intensity, int timeSteps) {
        if (intensity < SILENT_BELOW) {
            return -1;
        }
        return Math.round((1 - intensity) * (timeSteps - 1));
    }
}
