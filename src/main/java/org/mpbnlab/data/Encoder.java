package org.mpbnlab.data;

import java.nio.FloatBuffer;
import java.util.Random;

/**
 * Turns samples into the network's input over T steps: rows {@code t·B + b} of a
 * {@code [T·B, ...frameShape]} float buffer (time-major, like every activation of the engine).
 */
public interface Encoder {

    /** A stable name, e.g. {@code "direct"}, {@code "rate"}. */
    String name();

    /**
     * Writes the input of samples {@code indices} of {@code split} into {@code out}, which holds
     * exactly {@code timeSteps · indices.length · frameSize} floats.
     *
     * @param rng source of randomness for stochastic codes (seeded by the caller), unused otherwise
     */
    void encode(DataSplit split, int[] indices, int timeSteps, FloatBuffer out, Random rng);

    /**
     * True when every time step receives the same frame (direct encoding of a static sample), so the
     * first stateless layer may be computed once and repeated over T.
     */
    boolean repeatsOverTime();
}
