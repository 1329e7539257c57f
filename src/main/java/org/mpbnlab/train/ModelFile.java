package org.mpbnlab.train;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpbnlab.io.JsonFieldException;
import org.mpbnlab.io.JsonFields;
import org.mpbnlab.io.ModelArchive;
import org.mpbnlab.io.ModelFileException;
import org.mpbnlab.io.NpyArray;
import org.mpbnlab.snn.ArrayValues;
import org.mpbnlab.snn.FoldedLifNeurons;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.NetworkBuilder;
import org.mpbnlab.snn.NetworkSpec;
import org.mpbnlab.snn.SpecLimits;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Saves and loads networks in the model file format ({@code docs/model-format.md}): the container's
 * {@code model.json} gets {@code network} (the {@link NetworkSpec}, mapped by {@link NetworkSpecJson}),
 * {@code dataType}, {@code info} and {@code input} (the {@link ModelInfo}, mapped by {@link ModelInfoJson}); every parameter and running statistic is one float32 array named as in
 * {@link Network#state()}. Loading checks the description against {@link SpecLimits} before allocating,
 * then requires every array with the exact shape and finite values.
 */
public final class ModelFile {

    /** The top-level fields of model.json that this class reads (the container's own fields aside). */
    static final List<String> FIELDS = List.of("network", "dataType", "info", "input");
    private static final String FIX_ADVICE = " Fix model.json as docs/model-format.md describes, or save the model "
            + "again with MPBN Lab.";

    private ModelFile() {
    }

    public static void save(Path file, Network network, ModelInfo info) throws IOException {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.set("network", NetworkSpecJson.write(network.spec()));
        json.put("dataType", "float32");
        json.set("info", ModelInfoJson.writeInfo(info));
        if (info.input() != null) {
            json.set("input", ModelInfoJson.writeInput(info.input(), info.seed()));
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        network.state().forEach((name, array) -> arrays.put(name, toNpy(array)));
        ModelArchive.write(file, json, arrays);
    }

    /** The network description and provenance of a parsed model.json, read strictly. */
    public record Description(NetworkSpec spec, ModelInfo info) {
    }

    /**
     * Reads the network fields of a model file's JSON: every field checked, unknown fields refused.
     *
     * @param where the start of every message, e.g. {@code Cannot load model file 'm.zip': }
     */
    public static Description describe(ObjectNode modelJson, String where) throws ModelFileException {
        try {
            JsonFields root = JsonFields.of(modelJson, "");
            root.allow(ModelArchive.CONTAINER_FIELDS.toArray(String[]::new));
            NetworkSpec spec = NetworkSpecJson.read(root.object("network"));
            root.choice("dataType", List.of("float32", "float64"));
            JsonFields info = root.optionalObject("info");
            JsonFields input = root.optionalObject("input");
            root.rejectOtherFields();
            ModelInfo provenance = info == null ? new ModelInfo("", "direct", 0, null, null, "")
                    : ModelInfoJson.read(info, input);
            try {
                SpecLimits.check(spec);
            } catch (IllegalArgumentException e) {
                throw new ModelFileException(where + "the network that model.json describes is too large or "
                        + "does not fit together: " + e.getMessage() + "." + FIX_ADVICE, e);
            }
            return new Description(spec, provenance);
        } catch (JsonFieldException e) {
            throw new ModelFileException(where + "model.json: " + e.getMessage() + "." + FIX_ADVICE, e);
        }
    }

    public static SavedModel load(Path file) throws ModelFileException {
        ModelArchive.Contents contents = ModelArchive.read(file);
        String where = "Cannot load model file '" + file.getFileName() + "': ";
        Description description = describe(contents.json(), where);
        NetworkSpec spec = description.spec();
        ModelInfo info = description.info();
        Network network;
        try {
            network = NetworkBuilder.build(spec, DataType.FLOAT, 0);
        } catch (RuntimeException e) {
            throw new ModelFileException(where + "the network that model.json describes cannot be built: "
                    + oneLine(e) + "." + FIX_ADVICE, e);
        }
        Map<String, NpyArray> arrays = contents.arrays();
        for (Map.Entry<String, INDArray> entry : network.state().entrySet()) {
            NpyArray stored = arrays.get(entry.getKey());
            if (stored == null) {
                throw new ModelFileException(where + "array '" + entry.getKey() + "' is missing.");
            }
            copyInto(where, entry.getKey(), stored, entry.getValue());
        }
        for (String name : arrays.keySet()) {
            if (!network.state().containsKey(name)) {
                throw new ModelFileException(where + "array '" + name + "' does not belong to the described network.");
            }
        }
        checkFoldedThresholds(where, network);
        return new SavedModel(network, info);
    }

    /** Folded thresholds: directions +1, −1 or 0 (constant), and a constant group's Ṽ = ±1. */
    private static void checkFoldedThresholds(String where, Network network) throws ModelFileException {
        for (int i = 0; i < network.layers().size(); i++) {
            if (network.layers().get(i) instanceof FoldedLifNeurons folded) {
                try {
                    folded.checkStoredThresholds(i + "." + folded.kind() + ".");
                } catch (IllegalArgumentException e) {
                    throw new ModelFileException(where + e.getMessage() + ". Fold the MPBN model again.", e);
                }
            }
        }
    }

    private static void copyInto(String where, String name, NpyArray stored, INDArray target)
            throws ModelFileException {
        long[] expected = target.shape();
        int[] shape = stored.shape();
        boolean same = expected.length == shape.length;
        for (int i = 0; same && i < shape.length; i++) {
            same = expected[i] == shape[i];
        }
        if (!same) {
            throw new ModelFileException(where + "array '" + name + "' has shape " + java.util.Arrays.toString(shape)
                    + " but the network needs " + java.util.Arrays.toString(expected) + ".");
        }
        if (!stored.dtype().isFloatingPoint()) {
            throw new ModelFileException(where + "array '" + name + "' must be float32 or float64, not "
                    + stored.dtype().numpyName() + ".");
        }
        double[] values = stored.toDoubleArray();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i]) && name.endsWith("lif-folded.threshold")) {
                throw new ModelFileException(where + "array '" + name + "' contains NaN or infinite thresholds "
                        + "(an older MPBN Lab stored a γ = 0 channel as ±∞). Fold the MPBN model again.");
            }
            if (!Double.isFinite(values[i])) {
                throw new ModelFileException(where + "array '" + name + "' contains NaN or infinite values "
                        + "(a diverged training run?).");
            }
            if (name.endsWith("runningVar") && values[i] < 0) {
                throw new ModelFileException(where + "array '" + name + "' has a negative variance.");
            }
        }
        ArrayValues.write(target, values);
    }

    private static NpyArray toNpy(INDArray array) {
        long[] shape = array.shape();
        int[] intShape = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            intShape[i] = (int) shape[i];
        }
        return NpyArray.ofFloat(intShape, ArrayValues.readFloats(array));
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
