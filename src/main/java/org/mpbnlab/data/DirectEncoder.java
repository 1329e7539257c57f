package org.mpbnlab.data;

import java.nio.FloatBuffer;
import java.util.Random;

/**
 * Direct (analog) input: the normalised sample itself is the input current at every step,
 * {@code input[t·B + b] = x_b} for all t. The first layer then turns currents into spikes.
 * For static data only.
 */
public final class DirectEncoder implements Encoder {

    @Override
    public String name() {
        return "direct";
    }

    @Override
    public boolean repeatsOverTime() {
        return true;
    }

    @Override
    public void encode(DataSplit split, int[] indices, int timeSteps, FloatBuffer out, Random rng) {
        int frame = split.sampleSize();
        Encoders.checkCapacity(out, timeSteps, indices.length, frame);
        float[] features = split.features();
        for (int t = 0; t < timeSteps; t++) {
            for (int index : indices) {
                out.put(features, index * frame, frame);
            }
        }
    }
}
