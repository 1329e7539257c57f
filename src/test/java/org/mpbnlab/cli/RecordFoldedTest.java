package org.mpbnlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mpbnlab.io.NpyArray;
import org.mpbnlab.io.NpzFile;

/** {@code record --folded} fires exactly the spikes of {@code record}, layer by layer, on every sample model. */
class RecordFoldedTest {

    @TempDir
    Path dir;

    static List<Path> sampleModels() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("sample-models"))) {
            return files.filter(p -> p.toString().endsWith(".zip")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("sampleModels")
    void recordFoldedEqualsRecordSpikeForSpike(Path model) throws Exception {
        assertTrue(sampleModels().size() >= 4, "every sample model is checked");
        Map<String, NpyArray> plain = record(model, "as-saved.npz");
        Map<String, NpyArray> folded = record(model, "folded.npz", "--folded");
        int layers = 0;
        for (String name : plain.keySet()) {
            if (name.endsWith(".spikes")) {
                assertTrue(folded.containsKey(name), name);
                assertArrayEquals(plain.get(name).shape(), folded.get(name).shape(), name);
                assertArrayEquals(plain.get(name).toIntArray(), folded.get(name).toIntArray(),
                        name + " of " + model.getFileName());
                layers++;
            }
        }
        assertTrue(layers >= 2, "every LIF layer compared");
        assertArrayEquals(plain.get("logits").toFloatArray(), folded.get("logits").toFloatArray());
        assertArrayEquals(plain.get("predictions").toIntArray(), folded.get("predictions").toIntArray());
    }

    private Map<String, NpyArray> record(Path model, String out, String... extra) throws Exception {
        Path file = dir.resolve(out);
        String[] base = {"record", "--model", model.toString(), "--samples", "0,1,2,3,4,5,6,7", "--limit", "64",
            "--out", file.toString()};
        String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
        CommandLineTest.Result r = CommandLineTest.run(args);
        assertEquals(0, r.code(), r.err());
        return NpzFile.read(file);
    }
}
