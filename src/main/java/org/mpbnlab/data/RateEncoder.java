package org.mpbnlab.data;

import java.nio.FloatBuffer;
import java.util.Random;

/**
 * Rate (Bernoulli) coding: at every step each input element spikes independently with probability
 * equal to its intensity, so the spike count over T steps has mean {@code T · p}:
 * <pre>
 *   p = clip((raw − rawMin) / (rawMax − rawMin), 0, 1),   raw = x · std + mean
 *   s[t] = 1 if u[t] &lt; p else 0,   u[t] ~ Uniform[0, 1)
 * </pre>
 * The intensity is recovered from the stored feature through the split's {@link Normalisation}: for
 * images it is the pixel brightness in [0, 1]; for point sets it is the coordinate scaled min-max over
 * the training range. For static data only. The caller's seeded {@link Random} makes it reproducible.
 */
public final class RateEncoder extends IntensityEncoder {

    public RateEncoder() {
        super("rate");
    }

    @Override
    void spikes(float[] intensity, int timeSteps, FloatBuffer out, Random rng) {
        for (int t = 0; t < timeSteps; t++) {
            for (float p : intensity) {
                out.put(rng.nextFloat() < p ? 1f : 0f);
            }
        }
    }
}
