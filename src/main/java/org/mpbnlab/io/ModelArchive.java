package org.mpbnlab.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The model file: one zip holding {@code model.json} and one NumPy {@code <name>.npy} per
 * array (see docs/model-format.md). This class knows only JSON and named arrays; what the
 * JSON means beyond the container fields is the engine's business.
 *
 * <p>Reading validates everything before returning and never executes or deserialises code;
 * every problem becomes a {@link ModelFileException} with a one-line message.
 */
public final class ModelArchive {
    /** Value of the {@code format} field. */
    public static final String FORMAT_NAME = "mpbn-lab-model";
    /** The format version written, and the only one read. */
    public static final int FORMAT_VERSION = 1;
    /** The fields of model.json that belong to the container; all others belong to the network. */
    public static final java.util.List<String> CONTAINER_FIELDS = java.util.List.of("format", "formatVersion", "arrays");
    /** Name of the JSON entry. */
    public static final String MODEL_JSON = "model.json";

    static final String NOT_A_MODEL_ADVICE =
            "Choose a model file saved by MPBN Lab (see docs/model-format.md to write one yourself)";
    static final String DAMAGED_ADVICE = "The file is damaged or was written incorrectly;"
            + " save or download the model again (docs/model-format.md describes the format)";
    static final String BOMB_ADVICE = "Load only model files from sources you trust";
    static final String NPY_SUFFIX = ".npy";
    /** A fixed entry time, so the same model always gives the same bytes. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2020, 1, 1, 0, 0);
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** What a model file holds: the whole model.json and the arrays in declaration order. */
    public record Contents(ObjectNode json, Map<String, NpyArray> arrays) {
        public Contents {
            arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
        }
    }

    private ModelArchive() {
    }

    /** True if {@code name} may name an array: {@code [A-Za-z0-9_-][A-Za-z0-9._-]*}, ≤ 128 chars. */
    public static boolean isValidArrayName(String name) {
        return ModelManifest.isValidArrayName(name);
    }

    /**
     * Writes the model file atomically. The saved model.json is {@code modelJson} with the
     * container fields {@code format}, {@code formatVersion} and {@code arrays} set by this
     * method (any such fields in {@code modelJson} are replaced); {@code modelJson} itself is
     * not modified. Arrays are written in the map's iteration order.
     *
     * @throws IllegalArgumentException if an array name is not valid (see {@link #isValidArrayName})
     * @throws IOException              if writing fails; the target is then unchanged
     */
    public static void write(Path target, ObjectNode modelJson, Map<String, NpyArray> arrays)
            throws IOException {
        Objects.requireNonNull(modelJson, "modelJson");
        for (Map.Entry<String, NpyArray> entry : arrays.entrySet()) {
            if (!isValidArrayName(entry.getKey())) {
                throw new IllegalArgumentException("invalid array name '" + entry.getKey()
                        + "': use letters, digits, '.', '_' and '-' (not starting with '.')");
            }
            Objects.requireNonNull(entry.getValue(), "array " + entry.getKey());
        }
        byte[] json = JSON.writeValueAsBytes(withContainerFields(modelJson, arrays));
        AtomicFiles.write(target, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                putEntry(zip, MODEL_JSON);
                zip.write(json);
                for (Map.Entry<String, NpyArray> entry : arrays.entrySet()) {
                    putEntry(zip, entry.getKey() + NPY_SUFFIX);
                    NpyFormat.write(entry.getValue(), zip);
                }
            }
        });
    }

    private static ObjectNode withContainerFields(ObjectNode modelJson, Map<String, NpyArray> arrays) {
        ObjectNode saved = JSON.createObjectNode();
        saved.put(ModelManifest.FORMAT_FIELD, FORMAT_NAME);
        saved.put(ModelManifest.FORMAT_VERSION_FIELD, FORMAT_VERSION);
        for (Iterator<Map.Entry<String, JsonNode>> it = modelJson.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!saved.has(field.getKey()) && !field.getKey().equals(ModelManifest.ARRAYS_FIELD)) {
                saved.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        saved.set(ModelManifest.ARRAYS_FIELD, ModelManifest.arraysTable(arrays));
        return saved;
    }

    private static void putEntry(ZipOutputStream zip, String name) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
    }

    /** Reads a model file with {@link ArchiveLimits#defaults()}. */
    public static Contents read(Path file) throws ModelFileException {
        return read(file, ArchiveLimits.defaults());
    }

    /**
     * Reads and validates a model file: a zip with exactly {@code model.json} and the arrays
     * its {@code arrays} table declares, each with the declared dtype and shape, all within
     * {@code limits}.
     *
     * @throws ModelFileException if the file is missing, foreign, damaged, from a newer format
     *                            version, inconsistent or over a limit
     */
    public static Contents read(Path file, ArchiveLimits limits) throws ModelFileException {
        checkIsZip(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return new ModelArchiveReader(file, zip, limits).read();
        } catch (ModelFileException e) {
            throw e;
        } catch (ZipException e) {
            throw cannotLoad(file, "the zip archive is damaged or truncated (" + e.getMessage() + ")",
                    DAMAGED_ADVICE, e);
        } catch (IOException e) {
            throw cannotLoad(file, "it could not be read (" + NpzArchive.reason(e) + ")", DAMAGED_ADVICE, e);
        }
    }

    /** Every zip file starts with a local header "PK\3\4"; anything else is a foreign file. */
    private static void checkIsZip(Path file) throws ModelFileException {
        // the path is what is wrong here, so the message names it as given, folder included
        if (Files.isDirectory(file)) {
            throw cannotLoad(file.toString(), "it is a folder, not a model file",
                    "Give the model file (.zip) itself, e.g. " + file.resolve("model.zip"), null);
        }
        if (!Files.isRegularFile(file)) {
            throw cannotLoad(file.toString(), "the file does not exist", "Check the path", null);
        }
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(4);
        } catch (IOException e) {
            throw cannotLoad(file, "it could not be read (" + NpzArchive.reason(e) + ")", "Check the file's permissions", e);
        }
        if (Arrays.equals(start, new byte[] {'P', 'K', 5, 6})) {
            throw cannotLoad(file, "not an MPBN Lab model file (it is an empty zip archive)",
                    NOT_A_MODEL_ADVICE);
        }
        if (!Arrays.equals(start, new byte[] {'P', 'K', 3, 4})) {
            throw cannotLoad(file, "not an MPBN Lab model file (it is not a zip archive)",
                    NOT_A_MODEL_ADVICE);
        }
    }

    static ModelFileException cannotLoad(Path file, String problem, String advice) {
        return cannotLoad(file, problem, advice, null);
    }

    static ModelFileException cannotLoad(Path file, String problem, String advice, Throwable cause) {
        Path name = file.getFileName();
        return cannotLoad(String.valueOf(name == null ? file : name), problem, advice, cause);
    }

    private static ModelFileException cannotLoad(String shown, String problem, String advice, Throwable cause) {
        return new ModelFileException("Cannot load model file '" + shown + "': " + problem + ". " + advice + ".",
                cause);
    }

    /** A name from a file, made safe for a one-line message. */
    static String printable(String name) {
        String clean = name.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "..." : clean;
    }
}
