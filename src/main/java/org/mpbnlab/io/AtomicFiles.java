package org.mpbnlab.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files all-or-nothing: readers of the target see either the complete old file or the
 * complete new one, never a partial write, even if the writer throws or the program dies.
 *
 * <p>The bytes go to a hidden temporary file in the target's own directory (so the final
 * rename stays on one file system), are forced to disk, and the temporary file is then
 * moved over the target with {@code ATOMIC_MOVE}. On any failure the temporary file is
 * deleted and the previous target is left untouched.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Atomically replaces (or creates) {@code target} with what {@code writer} writes.
     * The writer may close the stream it is given; that only flushes it.
     *
     * @throws IOException whatever the writer or the file system threw; the target is unchanged
     */
    public static void write(Path target, IoConsumer<OutputStream> writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temporary = createTemporaryFile(directory, absolute.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                OutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                writer.accept(new CloseShield(buffered));
                buffered.flush();
                channel.force(true);
            }
            moveIntoPlace(temporary, absolute);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanupFailure) {
                e.addSuppressed(cleanupFailure);
            }
            throw e;
        }
    }

    /**
     * A new empty file next to the target. {@code Files.createFile} (unlike
     * {@code createTempFile}) applies the usual default permissions, so the saved file is as
     * readable as any other file the user creates.
     */
    private static Path createTemporaryFile(Path directory, String targetName) throws IOException {
        while (true) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong());
            try {
                return Files.createFile(directory.resolve("." + targetName + "." + suffix + ".tmp"));
            } catch (FileAlreadyExistsException collision) {
                // astronomically unlikely; try another name
            }
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some file systems (e.g. certain network shares) cannot rename atomically.
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Lets a writer close its stream (e.g. a ZipOutputStream) without closing our file. */
    private static final class CloseShield extends FilterOutputStream {
        CloseShield(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
