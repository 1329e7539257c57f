package org.mpbnlab.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private long filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }

    @Test
    void createsANewFile() throws IOException {
        Path target = dir.resolve("notes.txt");
        AtomicFiles.write(target, out -> out.write("hello".getBytes(StandardCharsets.UTF_8)));
        assertEquals("hello", Files.readString(target));
        assertEquals(1, filesIn(dir));
    }

    @Test
    void replacesAnExistingFileCompletely() throws IOException {
        Path target = dir.resolve("notes.txt");
        Files.writeString(target, "a much longer previous content");
        AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(target));
    }

    @Test
    void leavesThePreviousFileIntactWhenTheWriterThrows() throws IOException {
        Path target = dir.resolve("session.json");
        Files.writeString(target, "previous");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half a new fi".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]);
            throw new UncheckedIOException(new IOException("network gone"));
        }));
        assertEquals("previous", Files.readString(target));
        assertEquals(1, filesIn(dir), "no temporary file is left behind");
    }

    @Test
    void leavesNoFileWhenTheFirstWriteFails() throws IOException {
        Path target = dir.resolve("export.csv");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            throw new IOException("cancelled");
        }));
        assertFalse(Files.exists(target));
        assertEquals(0, filesIn(dir));
    }

    @Test
    void letsTheWriterCloseItsStream() throws IOException {
        Path target = dir.resolve("closed.bin");
        AtomicFiles.write(target, out -> {
            out.write(1);
            out.close();
        });
        assertEquals(1, Files.size(target));
    }

    @Test
    void worksWithARelativePath() throws IOException {
        Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("relative.txt"));
        AtomicFiles.write(relative, out -> out.write('x'));
        assertEquals("x", Files.readString(dir.resolve("relative.txt")));
    }
}
