package org.mpbnlab.data;

import java.nio.FloatBuffer;
import java.util.Random;

/**
 * An encoder of static samples into spikes, from each element's intensity p ∈ [0, 1] (recovered from the
 * stored feature, {@link Encoders#intensities}); every step gets its own frame. {@link RateEncoder} and
 * {@link LatencyEncoder} say when an element spikes.
 */
abstract class IntensityEncoder implements Encoder {

    private final String name;

    IntensityEncoder(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean repeatsOverTime() {
        return false;
    }

    @Override
    public final void encode(DataSplit split, int[] indices, int timeSteps, FloatBuffer out, Random rng) {
        Encoders.checkCapacity(out, timeSteps, indices.length, split.sampleSize());
        spikes(Encoders.intensities(split, indices), timeSteps, out, rng);
    }

    /**
     * Writes the spikes of step 0, then step 1, …, each step's frame the samples' elements in the order of
     * {@code intensity} (sample by sample).
     */
    abstract void spikes(float[] intensity, int timeSteps, FloatBuffer out, Random rng);
}
