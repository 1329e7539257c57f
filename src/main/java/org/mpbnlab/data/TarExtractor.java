package org.mpbnlab.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Extracts chosen regular files from a {@code .tar.gz} archive (ustar format: 512-byte headers,
 * file name in bytes 0–99, size in octal in bytes 124–135, type in byte 156, data padded to 512).
 *
 * <p>Only entries whose base name is in the wanted set are written, always as
 * {@code folder/baseName}, so an archive cannot write outside the folder. Each file is written to a
 * part file and moved into place atomically.
 */
final class TarExtractor {

    private static final int BLOCK = 512;
    private static final long MAX_ENTRY_BYTES = 1L << 30;

    private TarExtractor() {
    }

    /** Extracts the wanted files into {@code folder}; returns the base names actually found. */
    static Set<String> extract(Path archive, Path folder, Set<String> wanted) {
        Set<String> found = new HashSet<>();
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(archive), 1 << 16))) {
            byte[] header = new byte[BLOCK];
            while (readBlock(in, header)) {
                if (isZero(header)) {
                    break;
                }
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                long size = octal(header, 124, 12, archive);
                byte type = header[156];
                String baseName = (prefix.isEmpty() ? name : prefix + "/" + name)
                        .replaceAll(".*/", "");
                boolean regular = type == '0' || type == 0;
                if (regular && wanted.contains(baseName)) {
                    writeEntry(in, size, folder.resolve(baseName));
                    found.add(baseName);
                    skip(in, padding(size));
                } else {
                    skip(in, size + padding(size));
                }
            }
        } catch (IOException e) {
            throw new DatasetException("cannot unpack " + archive + " (" + e.getMessage()
                    + "); delete it and download again", e);
        }
        return found;
    }

    private static void writeEntry(InputStream in, long size, Path target) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(part)) {
            byte[] buffer = new byte[64 * 1024];
            long left = size;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("archive ends inside " + target.getFileName());
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int read = in.readNBytes(block, 0, BLOCK);
        if (read == 0) {
            return false;
        }
        if (read < BLOCK) {
            throw new IOException("archive is truncated");
        }
        return true;
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("archive is truncated");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII).trim();
    }

    private static long octal(byte[] header, int offset, int length, Path archive) throws IOException {
        String text = field(header, offset, length);
        long value;
        try {
            value = text.isEmpty() ? 0 : Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new IOException("bad entry size '" + text + "' in " + archive.getFileName());
        }
        if (value < 0 || value > MAX_ENTRY_BYTES) {
            throw new IOException("absurd entry size " + value + " in " + archive.getFileName());
        }
        return value;
    }
}
