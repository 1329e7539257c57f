package org.mpbnlab.session;

import java.nio.FloatBuffer;
import java.util.Random;
import org.mpbnlab.data.DataSplit;
import org.mpbnlab.data.Encoder;

/**
 * Direct coding of static samples: the analog sample is the input current of every step,
 * {@code input[t·B + b] = sample[b]} for t = 0..T−1 (DESIGN §1.1, the default encoding).
 * Used by {@link BuiltinDataCatalog} until the data package's encoder registry is available.
 */
final class RepeatedFrameEncoder implements Encoder {

    @Override
    public String name() {
        return "direct";
    }

    @Override
    public void encode(DataSplit split, int[] indices, int timeSteps, FloatBuffer out, Random rng) {
        int size = split.sampleSize();
        float[] features = split.features();
        int batch = indices.length;
        for (int t = 0; t < timeSteps; t++) {
            for (int b = 0; b < batch; b++) {
                out.put((t * batch + b) * size, features, indices[b] * size, size);
            }
        }
    }

    @Override
    public boolean repeatsOverTime() {
        return true;
    }
}
