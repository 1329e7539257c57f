package org.mpbnlab.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the fuzz tests found in the container readers (docs/fuzzing.md), one regression test each. */
class FuzzFindingsTest {

    @TempDir
    Path dir;

    @Test
    void aHeaderKeyWithALineBreakGivesAOneLineMessage() {
        byte[] npy = NpyFormatTest.npy("{'descr': '<f4', 'fortran_order': False, 'sh\nape': (1,), }",
                new byte[4]);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> NpyFormat.read(npy));
        FuzzInputs.assertUserMessage(e);
        assertTrue(e.getMessage().contains("sh?ape"), e.getMessage());
    }

    @Test
    void aTruncatedNpzIsRefusedWithoutJavasWords() throws Exception {
        byte[] valid = FuzzInputs.zip(Map.of("x.npy", NpyFormat.toBytes(NpyArray.ofFloat(new int[] {2}, new float[2]))));
        Path file = Files.write(dir.resolve("cut.npz"), Arrays.copyOf(valid, 30));
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> NpzArchive.read(file));
        FuzzInputs.assertUserMessage(e);
        assertTrue(e.getMessage().contains("damaged or truncated"), e.getMessage());
    }

    @Test
    void aTruncatedModelFileIsRefusedWithoutJavasWords() throws Exception {
        byte[] valid = FuzzInputs.zip(Map.of("model.json", "{}".getBytes(StandardCharsets.UTF_8)));
        Path file = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(valid, 30));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelArchive.read(file));
        FuzzInputs.assertUserMessage(e);
    }

    @Test
    void textAfterTheJsonObjectIsRefusedWithoutTheParsersNames() throws Exception {
        byte[] json = "{\"format\": \"mpbn-lab-model\", \"formatVersion\": 1, \"arrays\": {}}\n\"x\"".getBytes(
                StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("trailing.zip"), FuzzInputs.zip(Map.of("model.json", json)));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelArchive.read(file));
        FuzzInputs.assertUserMessage(e);
        assertTrue(e.getMessage().contains("more text follows the JSON object"), e.getMessage());
    }
}
