package org.mpbnlab.probe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.mpbnlab.io.NpyArray;
import org.mpbnlab.io.NpzFile;

/**
 * A {@link Recording} as named NumPy arrays (described one by one in {@code docs/recording-format.md}):
 * per LIF layer {@code L} (0-based among the LIF layers) {@code L.x}, {@code L.u_pre}, {@code L.u_hat} (only
 * with MPBN), {@code L.spikes}, each {@code [T, samples, neurons…]}, and {@code L.threshold},
 * {@code L.direction} {@code [T, neurons…]} (with MPBN also {@code L.folded_threshold},
 * {@code L.folded_direction}); then {@code logits}, {@code labels}, {@code predictions},
 * {@code sample_indices}, {@code input}, and the scalars {@code tau}, {@code v_th}.
 */
public final class RecordingArrays {

    private RecordingArrays() {
    }

    /** The arrays, each made when asked for (so that writing holds one array's bytes at a time). */
    public static Map<String, Supplier<NpyArray>> of(Recording recording) {
        Map<String, Supplier<NpyArray>> arrays = new LinkedHashMap<>();
        int steps = recording.timeSteps();
        int samples = recording.samples();
        for (LayerRecording layer : recording.layers()) {
            String prefix = layer.index() + ".";
            int[] cells = prepend(prepend(layer.shape(), samples), steps);
            int[] perStep = prepend(layer.shape(), steps);
            arrays.put(prefix + "x", () -> NpyArray.ofFloat(cells, layer.x()));
            arrays.put(prefix + "u_pre", () -> NpyArray.ofFloat(cells, layer.uPre()));
            if (layer.normalizes()) {
                arrays.put(prefix + "u_hat", () -> NpyArray.ofFloat(cells, layer.uHat()));
            }
            arrays.put(prefix + "spikes", () -> NpyArray.ofUint8(cells, layer.spikes()));
            arrays.put(prefix + "threshold", () -> NpyArray.ofDouble(perStep, layer.threshold()));
            arrays.put(prefix + "direction", () -> NpyArray.ofInt(perStep, ints(layer.direction())));
            if (layer.foldedThreshold() != null) {
                arrays.put(prefix + "folded_threshold", () -> NpyArray.ofDouble(perStep, layer.foldedThreshold()));
                arrays.put(prefix + "folded_direction", () -> NpyArray.ofInt(perStep, ints(layer.foldedDirection())));
            }
        }
        arrays.put("logits", () -> NpyArray.ofFloat(new int[] {steps, samples, recording.classes()},
                recording.logits()));
        arrays.put("labels", () -> NpyArray.ofInt(new int[] {samples}, recording.labels()));
        arrays.put("predictions", () -> NpyArray.ofInt(new int[] {samples}, recording.predictions()));
        arrays.put("sample_indices", () -> NpyArray.ofInt(new int[] {samples}, recording.sampleIndices()));
        arrays.put("input", () -> NpyArray.ofFloat(prepend(prepend(recording.inputShape(), samples),
                recording.inputSteps()), recording.input()));
        arrays.put("tau", () -> NpyArray.ofDouble(new int[0], new double[] {recording.tau()}));
        arrays.put("v_th", () -> NpyArray.ofDouble(new int[0], new double[] {recording.threshold()}));
        return arrays;
    }

    /** Writes the recording as a NumPy {@code .npz} file, atomically. */
    public static void write(Recording recording, Path target) throws IOException {
        NpzFile.write(target, of(recording));
    }

    private static int[] prepend(int[] shape, int first) {
        int[] out = new int[shape.length + 1];
        out[0] = first;
        System.arraycopy(shape, 0, out, 1, shape.length);
        return out;
    }

    private static int[] ints(byte[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
