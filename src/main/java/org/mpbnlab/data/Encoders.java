package org.mpbnlab.data;

import java.nio.FloatBuffer;
import java.util.List;

/** The input encoders by name: {@code direct, rate, latency, events}. */
public final class Encoders {

    private Encoders() {
    }

    /** The names accepted by {@link #byName}. */
    public static List<String> names() {
        return List.of("direct", "rate", "latency", "events");
    }

    /** The encoder called {@code name}; unknown names are rejected with the list of known ones. */
    public static Encoder byName(String name) {
        return switch (name) {
            case "direct" -> new DirectEncoder();
            case "rate" -> new RateEncoder();
            case "latency" -> new LatencyEncoder();
            case "events" -> new EventEncoder();
            default -> throw new DatasetException("unknown encoder '" + name + "'; choose one of "
                    + String.join(", ", names()));
        };
    }

    /** The natural encoder of a dataset: {@code events} for temporal data, {@code direct} otherwise. */
    public static Encoder defaultFor(Dataset dataset) {
        return dataset.temporalSteps() > 0 ? new EventEncoder() : new DirectEncoder();
    }

    /**
     * Checks that {@code encoder} can feed {@code dataset}: event data only with {@code events}, and
     * {@code events} only with event data.
     */
    public static void requireCompatible(Encoder encoder, Dataset dataset) {
        boolean temporal = dataset.temporalSteps() > 0;
        boolean events = encoder instanceof EventEncoder;
        if (temporal && !events) {
            throw new DatasetException(dataset.name() + " holds event frames; use the events encoder, not "
                    + encoder.name());
        }
        if (!temporal && events) {
            throw new DatasetException(dataset.name() + " holds static samples; use direct, rate or latency, not events");
        }
    }

    /** Intensities in [0, 1] of the selected samples, concatenated. */
    static float[] intensities(DataSplit split, int[] indices) {
        int size = split.sampleSize();
        float[] features = split.features();
        Normalisation normalisation = split.normalisation();
        float[] intensity = new float[indices.length * size];
        for (int b = 0; b < indices.length; b++) {
            int offset = indices[b] * size;
            for (int i = 0; i < size; i++) {
                intensity[b * size + i] = normalisation.intensity(features[offset + i]);
            }
        }
        return intensity;
    }

    static void checkCapacity(FloatBuffer out, int timeSteps, int batch, int frame) {
        if (timeSteps < 1) {
            throw new DatasetException("the number of time steps must be ≥ 1, got " + timeSteps);
        }
        long needed = (long) timeSteps * batch * frame;
        if (out.remaining() < needed) {
            throw new IllegalArgumentException("output buffer has room for " + out.remaining() + " floats, needs "
                    + needed + " (T " + timeSteps + " × B " + batch + " × frame " + frame + ")");
        }
    }
}
