package org.mpbnlab.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Saving and loading models whose files are valid. */
class ModelArchiveTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    static ObjectNode engineJson() {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("seed", 1234);
        json.putObject("architecture").put("preset", "mlp").put("timeSteps", 4);
        json.putArray("history").addObject().put("epoch", 1).put("loss", 0.5);
        return json;
    }

    static Map<String, NpyArray> someArrays() {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("layer1.weight", NpyArray.ofFloat(new int[] {3, 2}, new float[] {1, 2, 3, 4, 5, 6}));
        arrays.put("layer1.runningMean", NpyArray.ofDouble(new int[] {3}, new double[] {0.1, 0.2, 0.3}));
        arrays.put("step", NpyArray.ofLong(new int[0], new long[] {7}));
        arrays.put("mask", NpyArray.ofBoolean(new int[] {0}, new boolean[0]));
        return arrays;
    }

    @Test
    void roundTripsTheJsonAndEveryArrayInOrder() throws IOException {
        Path file = dir.resolve("model.zip");
        ObjectNode json = engineJson();
        ModelArchive.write(file, json, someArrays());

        ModelArchive.Contents contents = ModelArchive.read(file);
        assertEquals(someArrays(), contents.arrays());
        assertEquals(List.copyOf(someArrays().keySet()), List.copyOf(contents.arrays().keySet()));
        assertEquals(json.get("architecture"), contents.json().get("architecture"));
        assertEquals(json.get("history"), contents.json().get("history"));
        assertEquals(1234, contents.json().get("seed").intValue());
    }

    @Test
    void addsTheContainerFieldsWithoutTouchingTheCallersJson() throws IOException {
        Path file = dir.resolve("model.zip");
        ObjectNode json = engineJson();
        json.put("formatVersion", 99);
        ObjectNode before = json.deepCopy();
        ModelArchive.write(file, json, someArrays());
        assertEquals(before, json);

        ObjectNode saved = ModelArchive.read(file).json();
        assertEquals("mpbn-lab-model", saved.get("format").asText());
        assertEquals(1, saved.get("formatVersion").intValue());
        assertEquals("float32", saved.at("/arrays/layer1.weight/dtype").asText());
        assertEquals("[3,2]", saved.at("/arrays/layer1.weight/shape").toString());
        assertEquals("[]", saved.at("/arrays/step/shape").toString());
    }

    @Test
    void rereadingAndResavingGivesTheSameBytes() throws IOException {
        Path first = dir.resolve("first.zip");
        Path second = dir.resolve("second.zip");
        ModelArchive.write(first, engineJson(), someArrays());
        ModelArchive.Contents contents = ModelArchive.read(first);
        ModelArchive.write(second, contents.json(), contents.arrays());
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void refusesToWriteArrayNamesThatCouldEscapeTheArchive() {
        for (String bad : List.of("../x", "/etc/passwd", "a/b", "a\\b", "", ".hidden", "..", "a b", "ü")) {
            Map<String, NpyArray> arrays = Map.of(bad, NpyArray.ofInt(new int[] {1}, new int[] {1}));
            assertThrows(IllegalArgumentException.class,
                    () -> ModelArchive.write(dir.resolve("m.zip"), engineJson(), arrays), bad);
        }
        assertFalse(Files.exists(dir.resolve("m.zip")));
    }

    @Test
    void aRefusedSaveLeavesThePreviousModelIntact() throws IOException {
        Path file = dir.resolve("model.zip");
        ModelArchive.write(file, engineJson(), someArrays());
        byte[] before = Files.readAllBytes(file);
        Map<String, NpyArray> broken = new LinkedHashMap<>(someArrays());
        broken.put("missing", null);
        assertThrows(NullPointerException.class, () -> ModelArchive.write(file, engineJson(), broken));
        assertArrayEquals(before, Files.readAllBytes(file));
    }

}
