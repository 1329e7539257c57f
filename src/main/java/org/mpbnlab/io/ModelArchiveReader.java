package org.mpbnlab.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.mpbnlab.io.ModelArchive.Contents;

import static org.mpbnlab.io.ModelArchive.BOMB_ADVICE;
import static org.mpbnlab.io.ModelArchive.DAMAGED_ADVICE;
import static org.mpbnlab.io.ModelArchive.JSON;
import static org.mpbnlab.io.ModelArchive.MODEL_JSON;
import static org.mpbnlab.io.ModelArchive.NOT_A_MODEL_ADVICE;
import static org.mpbnlab.io.ModelArchive.NPY_SUFFIX;
import static org.mpbnlab.io.ModelArchive.cannotLoad;
import static org.mpbnlab.io.ModelArchive.isValidArrayName;
import static org.mpbnlab.io.ModelArchive.printable;

/**
 * One validating read of one open model zip. Every byte is counted as it is decompressed,
 * so the limits hold whatever sizes the zip claims.
 */
final class ModelArchiveReader {

    private final Path file;
    private final ZipFile zip;
    private final ArchiveLimits limits;
    private long totalBytes;

    ModelArchiveReader(Path file, ZipFile zip, ArchiveLimits limits) {
        this.file = file;
        this.zip = zip;
        this.limits = limits;
    }

    Contents read() throws IOException {
        Set<String> arrayEntries = listEntries();
        ZipEntry jsonEntry = zip.getEntry(MODEL_JSON);
        if (jsonEntry == null) {
            throw cannotLoad(file, "not an MPBN Lab model file (the zip has no model.json)",
                    NOT_A_MODEL_ADVICE);
        }
        ObjectNode json = readJson(jsonEntry);
        Map<String, ModelManifest.Declaration> declared = ModelManifest.parse(json, file);
        for (String entryName : arrayEntries) {
            String name = entryName.substring(0, entryName.length() - NPY_SUFFIX.length());
            if (!declared.containsKey(name)) {
                throw cannotLoad(file, "the entry '" + entryName + "' is not declared in the"
                        + " \"arrays\" of model.json", DAMAGED_ADVICE);
            }
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, ModelManifest.Declaration> entry : declared.entrySet()) {
            arrays.put(entry.getKey(), readArray(entry.getKey(), entry.getValue()));
        }
        return new Contents(json, arrays);
    }

    /** Checks count, names and uniqueness of all entries; returns the .npy entry names. */
    private Set<String> listEntries() throws ModelFileException {
        if (zip.size() > limits.maxEntries()) {
            throw cannotLoad(file, "the zip has " + zip.size() + " entries, more than the"
                    + " limit of " + limits.maxEntries(), DAMAGED_ADVICE);
        }
        Set<String> seen = new HashSet<>();
        Set<String> arrayEntries = new HashSet<>();
        int count = 0;
        for (Iterator<? extends ZipEntry> it = zip.entries().asIterator(); it.hasNext(); count++) {
            String name = it.next().getName();
            if (!seen.add(name)) {
                throw cannotLoad(file, "the zip contains two entries named '" + printable(name)
                        + "', so it is ambiguous", DAMAGED_ADVICE);
            }
            boolean isArray = name.endsWith(NPY_SUFFIX) && isValidArrayName(
                    name.substring(0, name.length() - NPY_SUFFIX.length()));
            if (isArray) {
                arrayEntries.add(name);
            } else if (!name.equals(MODEL_JSON)) {
                throw cannotLoad(file, "unexpected entry '" + printable(name) + "' (a model"
                        + " file holds only model.json and <name>.npy arrays)", NOT_A_MODEL_ADVICE);
            }
        }
        if (count != zip.size()) {
            throw cannotLoad(file, "the zip's directory lists " + zip.size() + " entries but "
                    + count + " could be read", DAMAGED_ADVICE);
        }
        return arrayEntries;
    }

    private ObjectNode readJson(ZipEntry entry) throws IOException {
        long limit = Math.min(limits.maxModelJsonBytes(), remainingTotal());
        byte[] bytes;
        try (BoundedInputStream in = open(entry, limit)) {
            bytes = in.readAllBytes();
            checkCrc(in, entry);
        } catch (BoundedInputStream.LimitExceededException e) {
            throw overLimit(MODEL_JSON, limit);
        }
        totalBytes += bytes.length;
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root instanceof ObjectNode object) {
                return object;
            }
            throw cannotLoad(file, "model.json is not a JSON object", NOT_A_MODEL_ADVICE);
        } catch (JsonProcessingException e) {
            String reason = jsonProblem(e.getOriginalMessage());
            throw cannotLoad(file, "model.json is not valid JSON (" + reason + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")",
                    DAMAGED_ADVICE, e);
        }
    }

    /** The parser's complaint in plain words: its first line, without the library's own names. */
    static String jsonProblem(String parserMessage) {
        String first = parserMessage == null ? "" : parserMessage.lines().findFirst().orElse("");
        if (first.startsWith("Trailing token")) {
            return "more text follows the JSON object";
        }
        if (first.contains("com.fasterxml") || first.contains("Feature") || first.contains("`")) {
            return "it is not well-formed";
        }
        return first;
    }

    private NpyArray readArray(String name, ModelManifest.Declaration declaration) throws IOException {
        String entryName = name + NPY_SUFFIX;
        ZipEntry entry = zip.getEntry(entryName);
        if (entry == null) {
            throw cannotLoad(file, "the array '" + name + "' declared in model.json is"
                    + " missing (no entry " + entryName + ")", DAMAGED_ADVICE);
        }
        long dataLimit = Math.min(limits.maxArrayBytes(), remainingTotal());
        NpyArray array;
        try (BoundedInputStream in = open(entry, dataLimit + NpyFormat.MAX_HEADER_BYTES + 16)) {
            array = NpyFormat.read(in, dataLimit);
            totalBytes += in.count();
            checkCrc(in, entry);
        } catch (NpyFormatException.ArrayTooLarge e) {
            String limit = remainingTotal() < limits.maxArrayBytes()
                    ? "which with the entries before it exceeds the total limit of "
                            + limits.maxTotalBytes() + " bytes for the whole file"
                    : "more than the limit of " + limits.maxArrayBytes() + " bytes per array";
            throw cannotLoad(file, "the array " + entryName + " is too large: it declares "
                    + e.declaredBytes() + " bytes of data, " + limit, BOMB_ADVICE, e);
        } catch (NpyFormatException e) {
            throw cannotLoad(file, "the array " + entryName + " is not valid: " + e.getMessage(),
                    DAMAGED_ADVICE, e);
        } catch (BoundedInputStream.LimitExceededException e) {
            throw overLimit(entryName, dataLimit);
        }
        if (!declaration.matches(array)) {
            throw cannotLoad(file, "the array " + entryName + " is " + array.dtype().numpyName()
                    + " " + NpyShape.format(array.shape()) + " but model.json declares "
                    + declaration.describe(), DAMAGED_ADVICE);
        }
        return array;
    }

    private long remainingTotal() {
        return limits.maxTotalBytes() - totalBytes;
    }

    private BoundedInputStream open(ZipEntry entry, long limit) throws IOException {
        InputStream raw = zip.getInputStream(entry);
        return new BoundedInputStream(new CheckedInputStream(raw, new CRC32()), limit);
    }

    /** ZipFile does not verify checksums itself; a bad CRC means damaged data. */
    private void checkCrc(BoundedInputStream in, ZipEntry entry) throws ModelFileException {
        long actual = ((CheckedInputStream) in.unwrap()).getChecksum().getValue();
        if (entry.getCrc() != -1 && actual != entry.getCrc()) {
            throw cannotLoad(file, "the entry " + printable(entry.getName()) + " fails its"
                    + " checksum", DAMAGED_ADVICE);
        }
    }

    private ModelFileException overLimit(String entryName, long limit) {
        boolean totalIsBinding = remainingTotal() <= limit;
        String which = totalIsBinding ? "the total limit of " + limits.maxTotalBytes()
                + " bytes for the whole file" : "the limit of " + limit + " bytes per entry";
        return cannotLoad(file, "the entry " + entryName + " unpacks to more than " + which
                + " (a damaged file or a zip bomb)", BOMB_ADVICE);
    }
}
