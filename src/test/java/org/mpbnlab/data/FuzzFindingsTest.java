package org.mpbnlab.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpbnlab.io.FuzzInputs;

/** What the fuzz tests found in the dataset readers (docs/fuzzing.md), one regression test each. */
class FuzzFindingsTest {

    @TempDir
    Path dir;

    @Test
    void aCsvThatIsNotUtf8SaysSo() throws Exception {
        Path file = Files.write(dir.resolve("latin.csv"), new byte[] {'x', ',', 'y', ',', 'l', 'a', 'b', 'e', 'l', '\n',
                '1', ',', '2', ',', (byte) 0xe9, '\n'});
        DatasetException e = assertThrows(DatasetException.class, () -> UserDatasets.load(file, DatasetOptions.defaults()));
        FuzzInputs.assertUserMessage(e);
        assertTrue(e.getMessage().contains("is not UTF-8 text; save the CSV as UTF-8"), e.getMessage());
    }

    @Test
    void aDamagedPngIsRefusedWithoutTheDecodersWords() throws Exception {
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                0, 0, 0, 4, 0, 0, 0, 4, 8, 0, 0, 0, 0, 0, 0, 0, 0};
        Path file = Files.write(dir.resolve("cut.png"), header);
        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolderReader.readPng(file));
        FuzzInputs.assertUserMessage(e);
        assertTrue(e.getMessage().contains("cannot be read as a PNG image"), e.getMessage());
    }
}
