package org.mpbnlab.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.mpbnlab.io.NpyArray;
import org.mpbnlab.io.NpyDtype;
import org.mpbnlab.io.NpzArchive;

/**
 * A NumPy {@code .npz} dataset, as {@code np.savez(path, x_train=…, y_train=…, x_test=…, y_test=…)} writes it:
 * <ul>
 *   <li>{@code x_*}: images {@code N×H×W} or {@code N×C×H×W}, feature vectors or 2-D points {@code N×F}, or, with
 *       {@code sequence=True} in the file, sequences {@code N×T×F} or {@code N×T×C×H×W} (fed by the events
 *       encoder, frame t at step t);</li>
 *   <li>{@code y_*}: {@code N} whole-number labels 0, 1, … (any integer type).</li>
 * </ul>
 * {@code uint8} values are pixels (raw = byte / 255); float and integer values are taken as they are.
 */
final class NpzDatasetReader {

    private static final java.util.List<String> REQUIRED = java.util.List.of("x_train", "y_train", "x_test", "y_test");
    private static final java.util.List<String> KNOWN = java.util.List.of("x_train", "y_train", "x_test", "y_test",
            "sequence");

    private NpzDatasetReader() {
    }

    static Dataset read(Path file, String name) {
        Map<String, NpyArray> arrays;
        try {
            arrays = NpzArchive.read(file);
        } catch (IOException e) {
            throw new DatasetException(file + ": " + e.getMessage(), e);
        }
        for (String required : REQUIRED) {
            if (!arrays.containsKey(required)) {
                throw new DatasetException(file + " has no array '" + required + "'; a dataset .npz needs x_train, "
                        + "y_train, x_test and y_test (np.savez(path, x_train=..., y_train=..., x_test=..., y_test=...))");
            }
        }
        for (String key : arrays.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new DatasetException(file + " holds an array '" + key + "' that is not part of a dataset .npz "
                        + "(known: " + String.join(", ", KNOWN) + "); remove it or check its spelling");
            }
        }
        boolean sequence = sequenceFlag(file, arrays.get("sequence"));
        NpyArray xTrain = arrays.get("x_train");
        boolean pixels = xTrain.dtype() == NpyDtype.UINT8;
        if (arrays.get("x_test").dtype() != xTrain.dtype()) {
            throw new DatasetException(file + ": x_train is " + xTrain.dtype().numpyName() + " but x_test is "
                    + arrays.get("x_test").dtype().numpyName() + "; give both splits the same type");
        }
        RawSplit train = split(file, "train", xTrain, arrays.get("y_train"), sequence);
        RawSplit test = split(file, "test", arrays.get("x_test"), arrays.get("y_test"), sequence);
        int dataSteps = sequence ? train.sampleShape()[0] : 0;
        DataOrigin origin = new DataOrigin("file", "npz", file.toAbsolutePath().normalize().toString(), pixels ? 255 : 1);
        return UserDatasets.build(name, null, train, test, dataSteps, origin);
    }

    private static boolean sequenceFlag(Path file, NpyArray flag) {
        if (flag == null) {
            return false;
        }
        if (flag.elementCount() != 1 || flag.dtype() != NpyDtype.BOOL && !isInteger(flag.dtype())) {
            throw new DatasetException(file + ": 'sequence' must be a single True or False");
        }
        return flag.toDoubleArray()[0] != 0;
    }

    private static RawSplit split(Path file, String split, NpyArray x, NpyArray y, boolean sequence) {
        int[] shape = x.shape();
        String xName = "x_" + split;
        int rank = shape.length;
        boolean fits = sequence ? rank == 3 || rank == 5 : rank >= 2 && rank <= 4;
        if (!fits) {
            throw new DatasetException(file + ": " + xName + " has shape " + Arrays.toString(shape) + "; use N×H×W or "
                    + "N×C×H×W images, N×F points or features, or with sequence=True N×T×F or N×T×C×H×W sequences");
        }
        if (y.ndim() != 1 || y.shape()[0] != shape[0]) {
            throw new DatasetException(file + ": y_" + split + " has shape " + Arrays.toString(y.shape()) + " but "
                    + xName + " holds " + shape[0] + " samples; give one label per sample (shape [" + shape[0] + "])");
        }
        if (!isInteger(y.dtype())) {
            throw new DatasetException(file + ": y_" + split + " is " + y.dtype().numpyName() + "; labels must be whole "
                    + "numbers 0, 1, 2, … (e.g. y.astype(np.int64))");
        }
        if (x.dtype() == NpyDtype.BOOL) {
            throw new DatasetException(file + ": " + xName + " is bool; store it as uint8 or float32");
        }
        long[] rawLabels = y.toLongArray();
        int[] labels = new int[rawLabels.length];
        for (int i = 0; i < labels.length; i++) {
            if (rawLabels[i] < 0 || rawLabels[i] > Integer.MAX_VALUE) {
                throw new DatasetException(file + ": y_" + split + "[" + i + "] is " + rawLabels[i]
                        + "; labels must be 0, 1, 2, …");
            }
            labels[i] = (int) rawLabels[i];
        }
        int[] sample = Arrays.copyOfRange(shape, 1, rank);
        if (!sequence && rank == 3) {
            sample = new int[] {1, shape[1], shape[2]};
        }
        float[] raw = x.toFloatArray();
        if (x.dtype() == NpyDtype.UINT8) {
            for (int i = 0; i < raw.length; i++) {
                raw[i] /= 255f;
            }
        }
        return new RawSplit(raw, labels, sample);
    }

    private static boolean isInteger(NpyDtype dtype) {
        return dtype == NpyDtype.INT32 || dtype == NpyDtype.INT64 || dtype == NpyDtype.UINT8;
    }
}
