package org.mpbnlab.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every way a model file can be foreign, damaged or hostile gives a clear one-line message. */
class ModelFileValidationTest {
    private static final ArchiveLimits SMALL = new ArchiveLimits(16, 1 << 20, 3 << 20, 1 << 20);

    @TempDir
    Path dir;

    /** A zip with the given entries, written without any checks. */
    private Path zip(String fileName, Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
            }
        }
        return Files.write(dir.resolve(fileName), bytes.toByteArray());
    }

    /** model.json text with the container fields and the given arrays table. */
    private static byte[] modelJson(int version, String arraysTable) {
        return ("{\"format\": \"mpbn-lab-model\", \"formatVersion\": " + version
                + ", \"arrays\": " + arraysTable + "}").getBytes(StandardCharsets.UTF_8);
    }

    private void assertRejected(Path file, String expected) {
        assertRejected(file, ArchiveLimits.defaults(), expected);
    }

    private void assertRejected(Path file, ArchiveLimits limits, String expected) {
        String message = rejection(file, limits);
        assertTrue(message.contains(expected), "expected '" + expected + "' in: " + message);
    }

    private String rejection(Path file) {
        return rejection(file, ArchiveLimits.defaults());
    }

    private String rejection(Path file, ArchiveLimits limits) {
        String message = assertThrows(ModelFileException.class, () -> ModelArchive.read(file, limits))
                .getMessage();
        assertFalse(message.contains("\n"), "one line: " + message);
        assertTrue(message.startsWith("Cannot load model file '" + file.getFileName() + "': "), message);
        return message;
    }

    private String pathRejection(Path file) {
        return assertThrows(ModelFileException.class, () -> ModelArchive.read(file)).getMessage();
    }

    @Test
    void rejectsForeignFilesAsNotAModelFile() throws IOException {
        byte[] noise = new byte[1000];
        new Random(1).nextBytes(noise);
        Path random = Files.write(dir.resolve("noise.bin"), noise);
        assertRejected(random, "not an MPBN Lab model file (it is not a zip archive)");
        Path text = Files.writeString(dir.resolve("readme.txt"), "just some text\n");
        assertRejected(text, "not a zip archive");
        Path empty = Files.write(dir.resolve("empty.zip"), new byte[0]);
        assertRejected(empty, "not a zip archive");
        Path emptyZip = zip("emptyzip.zip", Map.of());
        assertRejected(emptyZip, "empty zip archive");
        Path other = zip("other.zip", Map.of("photo.jpg", new byte[] {1, 2, 3}));
        assertRejected(other, "unexpected entry 'photo.jpg'");
        Path noJson = zip("nojson.zip", Map.of("w.npy", NpyFormat.toBytes(ModelArchiveTest.someArrays().get("step"))));
        assertRejected(noJson, "not an MPBN Lab model file (the zip has no model.json)");
        Path otherJson = zip("otherjson.zip", Map.of("model.json", "{\"name\": \"x\"}".getBytes()));
        assertRejected(otherJson, "not an MPBN Lab model file");
        assertEquals("Cannot load model file '" + dir.resolve("absent.zip") + "': the file does not exist. Check the "
                + "path.", pathRejection(dir.resolve("absent.zip")), "a path problem names the path, folder included");
        assertEquals("Cannot load model file '" + dir + "': it is a folder, not a model file. Give the model file "
                + "(.zip) itself, e.g. " + dir.resolve("model.zip") + ".", pathRejection(dir));
    }

    @Test
    void rejectsTruncatedAndCorruptedFilesAsDamaged() throws IOException {
        Path file = dir.resolve("model.zip");
        Map<String, NpyArray> arrays = Map.of("w", NpyArray.ofDouble(new int[] {2000}, new double[2000]));
        ModelArchive.write(file, ModelArchiveTest.engineJson(), arrays);
        byte[] whole = Files.readAllBytes(file);
        for (int length : new int[] {whole.length / 2, whole.length - 10, 30}) {
            Path cut = Files.write(dir.resolve("cut" + length + ".zip"), Arrays.copyOf(whole, length));
            assertRejected(cut, "damaged");
        }
    }

    @Test
    void detectsAFlippedByteThroughTheChecksum() throws IOException {
        byte[] npy = NpyFormat.toBytes(NpyArray.ofInt(new int[] {4}, new int[] {1, 2, 3, 4}));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("model.json"));
            zip.write(modelJson(1, "{\"w\": {\"dtype\": \"int32\", \"shape\": [4]}}"));
            ZipEntry stored = new ZipEntry("w.npy");
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(npy.length);
            CRC32 crc = new CRC32();
            crc.update(npy);
            stored.setCrc(crc.getValue());
            zip.putNextEntry(stored);
            zip.write(npy);
        }
        byte[] file = bytes.toByteArray();
        int data = indexOf(file, npy) + npy.length - 1;
        file[data] ^= 1;
        assertTrue(rejection(Files.write(dir.resolve("flipped.zip"), file)).contains("checksum"));
    }

    @Test
    void rejectsZipBombsWithoutUnpackingThem() throws IOException {
        // 8 MiB of zeros compresses to a few KiB, but is over the 1 MiB-per-array limit.
        NpyArray zeros = NpyArray.ofUint8(new int[] {8 << 20}, new byte[8 << 20]);
        Path declaredBomb = zip("bomb1.zip", Map.of(
                "model.json", modelJson(1, "{\"w\": {\"dtype\": \"uint8\", \"shape\": [8388608]}}"),
                "w.npy", NpyFormat.toBytes(zeros)));
        assertTrue(Files.size(declaredBomb) < 100_000);
        assertRejected(declaredBomb, SMALL,
                "w.npy is too large: it declares 8388608 bytes of data, more than the limit of 1048576");

        // A tiny array followed by megabytes of hidden zeros: refused after one extra byte.
        byte[] hidden = Arrays.copyOf(NpyFormat.toBytes(NpyArray.ofUint8(new int[] {1}, new byte[1])), 8 << 20);
        Path trailingBomb = zip("bomb2.zip", Map.of(
                "model.json", modelJson(1, "{\"w\": {\"dtype\": \"uint8\", \"shape\": [1]}}"),
                "w.npy", hidden));
        assertRejected(trailingBomb, SMALL, "extra bytes after the 1 bytes of data");

        byte[] spaces = (new String(modelJson(1, "{}"), StandardCharsets.UTF_8) + " ".repeat(4 << 20))
                .getBytes(StandardCharsets.UTF_8);
        Path jsonBomb = zip("bomb3.zip", Map.of("model.json", spaces));
        assertRejected(jsonBomb, SMALL, "model.json unpacks to more than");
    }

    @Test
    void enforcesTheTotalSizeAndEntryCountLimits() throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            arrays.put("w" + i, NpyArray.ofUint8(new int[] {1 << 20}, new byte[1 << 20]));
        }
        Path file = dir.resolve("big.zip");
        ModelArchive.write(file, ModelArchiveTest.engineJson(), arrays);
        ArchiveLimits totalOf3MiB = new ArchiveLimits(16, 2 << 20, 3 << 20, 1 << 20);
        assertRejected(file, totalOf3MiB, "w2.npy is too large: it declares 1048576 bytes of data,"
                + " which with the entries before it exceeds the total limit of 3145728 bytes");
        ArchiveLimits fourEntries = new ArchiveLimits(4, 2 << 20, 16 << 20, 1 << 20);
        assertRejected(file, fourEntries, "5 entries, more than the limit of 4");
        assertEquals(4, ModelArchive.read(file, new ArchiveLimits(5, 2 << 20, 16 << 20, 1 << 20))
                .arrays().size());
    }

    @Test
    void rejectsEntryNamesThatTryToLeaveTheArchive() throws IOException {
        byte[] npy = NpyFormat.toBytes(NpyArray.ofInt(new int[] {1}, new int[] {1}));
        for (String name : List.of("../evil.npy", "/abs.npy", "sub/w.npy", "..\\w.npy", "C:/w.npy")) {
            Path file = zip("traversal.zip", Map.of("model.json", modelJson(1, "{}"), name, npy));
            assertRejected(file, "unexpected entry");
        }
    }

    @Test
    void rejectsDuplicateEntries() throws IOException {
        byte[] npy = NpyFormat.toBytes(NpyArray.ofInt(new int[] {1}, new int[] {1}));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("model.json", modelJson(1, "{\"a\": {\"dtype\": \"int32\", \"shape\": [1]}}"));
        entries.put("a.npy", npy);
        entries.put("b.npy", npy);
        Path file = zip("dup.zip", entries);
        byte[] bytes = Files.readAllBytes(file);
        String latin = new String(bytes, StandardCharsets.ISO_8859_1).replace("b.npy", "a.npy");
        Files.write(file, latin.getBytes(StandardCharsets.ISO_8859_1));
        assertRejected(file, "two entries named 'a.npy'");
    }

    @Test
    void rejectsMissingAndUndeclaredArrays() throws IOException {
        byte[] npy = NpyFormat.toBytes(NpyArray.ofInt(new int[] {1}, new int[] {1}));
        Path missing = zip("missing.zip", Map.of(
                "model.json", modelJson(1, "{\"w\": {\"dtype\": \"int32\", \"shape\": [1]}}")));
        assertRejected(missing, "the array 'w' declared in model.json is missing");
        Path extra = zip("extra.zip", Map.of("model.json", modelJson(1, "{}"), "w.npy", npy));
        assertRejected(extra, "'w.npy' is not declared");
    }

    @Test
    void rejectsArraysWhoseDtypeOrShapeDisagreesWithModelJson() throws IOException {
        byte[] npy = NpyFormat.toBytes(NpyArray.ofInt(new int[] {2}, new int[] {1, 2}));
        Path dtype = zip("dtype.zip", Map.of(
                "model.json", modelJson(1, "{\"w\": {\"dtype\": \"float32\", \"shape\": [2]}}"), "w.npy", npy));
        assertRejected(dtype, "w.npy is int32 (2,) but model.json declares float32 (2,)");
        Path shape = zip("shape.zip", Map.of(
                "model.json", modelJson(1, "{\"w\": {\"dtype\": \"int32\", \"shape\": [1, 2]}}"), "w.npy", npy));
        assertRejected(shape, "declares int32 (1, 2)");
        Path badDecl = zip("decl.zip", Map.of(
                "model.json", modelJson(1, "{\"w\": {\"dtype\": \"complex64\", \"shape\": [2]}}"), "w.npy", npy));
        assertRejected(badDecl, "arrays.w has no supported \"dtype\"");
        Path badShape = zip("neg.zip", Map.of(
                "model.json", modelJson(1, "{\"w\": {\"dtype\": \"int32\", \"shape\": [-2]}}"), "w.npy", npy));
        assertRejected(badShape, "no valid \"shape\"");
        Path hugeShape = zip("huge.zip", Map.of(
                "model.json", modelJson(1, "{\"w\": {\"dtype\": \"int32\", \"shape\": [100000, 100000]}}"),
                "w.npy", npy));
        assertRejected(hugeShape, "arrays.w declares the shape (100000, 100000), more elements than the");
        Path fractionalShape = zip("frac.zip", Map.of(
                "model.json", modelJson(1, "{\"w\": {\"dtype\": \"int32\", \"shape\": [2.5]}}"), "w.npy", npy));
        assertRejected(fractionalShape, "no valid \"shape\" (a list of at most 32 whole numbers ≥ 0)");
        Path invalidNpy = zip("npy.zip", Map.of(
                "model.json", modelJson(1, "{\"w\": {\"dtype\": \"int32\", \"shape\": [2]}}"),
                "w.npy", Arrays.copyOf(npy, npy.length - 1)));
        assertRejected(invalidNpy, "w.npy is not valid: the .npy file is truncated");
    }

    @Test
    void acceptsNumpyDescrStringsAsManifestDtypes() throws IOException {
        // str(a.dtype) gives '>f4' for a big-endian float32 array; a.dtype.name gives 'float32'.
        ByteArrayOutputStream npy = new ByteArrayOutputStream();
        npy.writeBytes(NpyFormatTest.npy(NpyFormatTest.dict(">i4", false, "(2,)"),
                NpyFormatTest.ints(java.nio.ByteOrder.BIG_ENDIAN, 5, -6)));
        Path file = zip("descr.zip", Map.of(
                "model.json", modelJson(1, "{\"w\": {\"dtype\": \">i4\", \"shape\": [2]}}"),
                "w.npy", npy.toByteArray()));
        assertArrayEquals(new int[] {5, -6}, ModelArchive.read(file).arrays().get("w").toIntArray());
    }

    @Test
    void saysWhichFormatVersionsItReads() throws IOException {
        Path newer = zip("newer.zip", Map.of("model.json", modelJson(2, "{}")));
        String message = rejection(newer);
        assertTrue(message.contains("format version 2, but this MPBN Lab reads only format version 1"), message);
        assertTrue(message.contains("Update MPBN Lab"), message);
        Path invalid = zip("invalid.zip", Map.of("model.json", modelJson(0, "{}")));
        assertRejected(invalid, "no valid \"formatVersion\"");
        Path text = zip("text.zip", Map.of("model.json",
                "{\"format\": \"mpbn-lab-model\", \"formatVersion\": \"1\", \"arrays\": {}}".getBytes()));
        assertRejected(text, "no valid \"formatVersion\"");
    }

    @Test
    void rejectsModelJsonThatIsNotValidJson() throws IOException {
        Path broken = zip("broken.zip", Map.of("model.json", "{\"format\": \"mpbn-lab-model\",\n oops".getBytes()));
        assertRejected(broken, "model.json is not valid JSON");
        Path duplicateKey = zip("dupkey.zip", Map.of("model.json",
                "{\"format\": \"mpbn-lab-model\", \"format\": \"x\"}".getBytes()));
        assertRejected(duplicateKey, "model.json is not valid JSON");
        Path list = zip("list.zip", Map.of("model.json", "[1, 2]".getBytes()));
        assertRejected(list, "model.json is not a JSON object");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
