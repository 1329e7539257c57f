package org.mpbnlab.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The container's own fields of {@code model.json}: {@code format}, {@code formatVersion} and
 * the {@code arrays} table {@code {name: {"dtype": "float32", "shape": [..]}}} that declares
 * every {@code <name>.npy} entry. All other fields belong to the engine and pass through.
 */
final class ModelManifest {
    static final String FORMAT_FIELD = "format";
    static final String FORMAT_VERSION_FIELD = "formatVersion";
    static final String ARRAYS_FIELD = "arrays";

    /** Array names: letters, digits, '.', '_' and '-', not starting with '.', 1–128 chars. */
    private static final Pattern ARRAY_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

    /** What model.json declares about one array. */
    record Declaration(NpyDtype dtype, int[] shape) {
        boolean matches(NpyArray array) {
            return array.dtype() == dtype && Arrays.equals(array.shape(), shape);
        }

        String describe() {
            return dtype.numpyName() + " " + NpyShape.format(shape);
        }
    }

    private ModelManifest() {
    }

    static boolean isValidArrayName(String name) {
        return name != null && ARRAY_NAME.matcher(name).matches();
    }

    /** The {@code arrays} table for {@code arrays}, in their iteration order. */
    static ObjectNode arraysTable(Map<String, NpyArray> arrays) {
        ObjectNode table = JsonNodeFactory.instance.objectNode();
        arrays.forEach((name, array) -> {
            ObjectNode entry = table.putObject(name);
            entry.put("dtype", array.dtype().numpyName());
            ArrayNode shape = entry.putArray("shape");
            for (int dim : array.shape()) {
                shape.add(dim);
            }
        });
        return table;
    }

    /**
     * Checks the container fields of a parsed model.json and returns the declared arrays.
     *
     * @throws ModelFileException naming the first thing that is wrong
     */
    static Map<String, Declaration> parse(JsonNode root, Path file) throws ModelFileException {
        if (!root.isObject()) {
            throw ModelArchive.cannotLoad(file, "model.json is not a JSON object",
                    ModelArchive.NOT_A_MODEL_ADVICE);
        }
        JsonNode format = root.get(FORMAT_FIELD);
        if (format == null || !ModelArchive.FORMAT_NAME.equals(format.asText(null))) {
            throw ModelArchive.cannotLoad(file, "not an MPBN Lab model file (model.json has no"
                    + " \"format\": \"" + ModelArchive.FORMAT_NAME + "\")", ModelArchive.NOT_A_MODEL_ADVICE);
        }
        checkFormatVersion(root.get(FORMAT_VERSION_FIELD), file);

        JsonNode table = root.get(ARRAYS_FIELD);
        if (table == null || !table.isObject()) {
            throw ModelArchive.cannotLoad(file, "model.json has no \"arrays\" object",
                    ModelArchive.DAMAGED_ADVICE);
        }
        Map<String, Declaration> declarations = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            declarations.put(field.getKey(), declaration(field.getKey(), field.getValue(), file));
        }
        return Collections.unmodifiableMap(declarations);
    }

    private static void checkFormatVersion(JsonNode version, Path file) throws ModelFileException {
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()
                || version.intValue() < 1) {
            throw ModelArchive.cannotLoad(file, "model.json has no valid \"formatVersion\""
                    + " (a positive integer)", ModelArchive.DAMAGED_ADVICE);
        }
        if (version.intValue() != ModelArchive.FORMAT_VERSION) {
            throw ModelArchive.cannotLoad(file, "it uses model format version "
                    + version.intValue() + ", but this MPBN Lab reads only format version "
                    + ModelArchive.FORMAT_VERSION, "Update MPBN Lab to open it");
        }
    }

    /**
     * The dtype for a manifest's {@code "dtype"}: a NumPy name ({@code "float32"}, what
     * {@code a.dtype.name} gives) or, leniently, a descr ({@code "<f4"}, {@code ">f4"},
     * what {@code str(a.dtype)} gives) — byte order is a detail of each .npy entry.
     */
    private static Optional<NpyDtype> dtypeNamed(String name) {
        if (name.length() > 1 && "<>|".indexOf(name.charAt(0)) >= 0) {
            return NpyDtype.fromTypeCode(name.substring(1));
        }
        return NpyDtype.fromNumpyName(name);
    }

    private static Declaration declaration(String name, JsonNode entry, Path file)
            throws ModelFileException {
        if (!isValidArrayName(name)) {
            throw ModelArchive.cannotLoad(file, "model.json declares an array with the invalid"
                    + " name '" + ModelArchive.printable(name) + "'", ModelArchive.DAMAGED_ADVICE);
        }
        String where = "model.json entry arrays." + name;
        NpyDtype dtype = dtypeNamed(entry.path("dtype").asText(""))
                .orElseThrow(() -> ModelArchive.cannotLoad(file, where + " has no supported"
                        + " \"dtype\" (one of " + NpyDtype.supportedList() + ")",
                        ModelArchive.DAMAGED_ADVICE));
        JsonNode shapeNode = entry.path("shape");
        boolean validShape = shapeNode.isArray() && shapeNode.size() <= NpyShape.MAX_DIMENSIONS;
        int[] shape = new int[validShape ? shapeNode.size() : 0];
        for (int k = 0; validShape && k < shape.length; k++) {
            JsonNode dim = shapeNode.get(k);
            validShape = dim.isIntegralNumber() && dim.canConvertToInt() && dim.intValue() >= 0;
            shape[k] = dim.intValue();
        }
        if (!validShape) {
            throw ModelArchive.cannotLoad(file, where + " has no valid \"shape\" (a list of at most "
                    + NpyShape.MAX_DIMENSIONS + " whole numbers ≥ 0)", ModelArchive.DAMAGED_ADVICE);
        }
        long[] dims = Arrays.stream(shape).asLongStream().toArray();
        if (NpyShape.elementCount(dims).isEmpty()) {
            throw ModelArchive.cannotLoad(file, where + " declares the shape " + NpyShape.format(dims)
                    + ", more elements than the " + NpyArray.MAX_BYTES + " one array may hold",
                    ModelArchive.DAMAGED_ADVICE);
        }
        return new Declaration(dtype, shape);
    }
}
