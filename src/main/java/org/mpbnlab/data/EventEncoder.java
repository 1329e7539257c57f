package org.mpbnlab.data;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Random;

/**
 * Passes the event frames of temporal data ({@code sampleShape [Tdata, C, H, W]}) through as spikes.
 * When the network runs for {@code T = Tdata} steps, step t gets frame t. When {@code T < Tdata},
 * the frames are binned: step t gets the events of frames
 * {@code ⌊t·Tdata/T⌋ … ⌊(t+1)·Tdata/T⌋ − 1}, merged by maximum (a pixel spikes if it had any event in
 * its bin), so no event is lost and the order of events is kept. {@code T > Tdata} is refused: there
 * would be steps without data.
 */
public final class EventEncoder implements Encoder {

    @Override
    public String name() {
        return "events";
    }

    @Override
    public boolean repeatsOverTime() {
        return false;
    }

    @Override
    public void encode(DataSplit split, int[] indices, int timeSteps, FloatBuffer out, Random rng) {
        int[] shape = split.sampleShape();
        if (shape.length < 2) {
            throw new DatasetException("the events encoder needs temporal data [Tdata, C, H, W]; "
                    + "use direct, rate or latency for static samples");
        }
        int dataSteps = shape[0];
        if (timeSteps < 1 || timeSteps > dataSteps) {
            throw new DatasetException("the data holds " + dataSteps + " event frames per sample; choose T between 1 and "
                    + dataSteps + " (got T = " + timeSteps + ")");
        }
        int frame = split.sampleSize() / dataSteps;
        Encoders.checkCapacity(out, timeSteps, indices.length, frame);
        float[] features = split.features();
        float[] merged = new float[frame];
        for (int t = 0; t < timeSteps; t++) {
            int first = t * dataSteps / timeSteps;
            int end = (t + 1) * dataSteps / timeSteps;
            for (int index : indices) {
                int sampleOffset = index * split.sampleSize();
                if (end - first == 1) {
                    out.put(features, sampleOffset + first * frame, frame);
                    continue;
                }
                Arrays.fill(merged, 0f);
                for (int step = first; step < end; step++) {
                    int offset = sampleOffset + step * frame;
                    for (int i = 0; i < frame; i++) {
                        merged[i] = Math.max(merged[i], features[offset + i]);
                    }
                }
                out.put(merged);
            }
        }
    }
}
