package org.mpbnlab.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads an IDX file of unsigned bytes (the MNIST format), plain or gzip-compressed.
 *
 * <pre>
 *   magic    0x00 0x00 0x08 rank          (0x08 = unsigned byte)
 *   dims     rank big-endian int32 sizes
 *   data     Π dims bytes, row-major
 * </pre>
 *
 * Nothing is allocated from the declared sizes before they are checked against limits and against
 * what the file can hold: a plain file must contain exactly the declared bytes, and a gzip file
 * cannot expand more than {@value #MAX_DEFLATE_RATIO}× (the bound of the deflate format).
 */
final class IdxReader {

    /** One IDX array: its dimensions and its bytes. */
    record IdxArray(int[] dims, byte[] data) {
    }

    /** Deflate cannot compress better than about 1032:1. */
    static final long MAX_DEFLATE_RATIO = 1032;
    /** Largest array accepted, in bytes (MNIST's training images take 47 MB). */
    static final long MAX_BYTES = 256L << 20;

    private IdxReader() {
    }

    /** The rank argument of {@link #read} for images: N×H×W or N×C×H×W. */
    static final int ANY_IMAGE_RANK = -1;

    /** Reads {@code file}, which must have rank {@code rank} (or {@link #ANY_IMAGE_RANK}). */
    static IdxArray read(Path file, int rank) {
        long fileSize;
        try {
            fileSize = Files.size(file);
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
        }
        boolean gzip = isGzip(file);
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : new BufferedInputStream(raw, 1 << 16)) {
            DataInputStream data = new DataInputStream(in);
            int magic = data.readInt();
            if ((magic >>> 8) != 0x000008) {
                throw new DatasetException(file + " is not an IDX file of unsigned bytes (magic 0x"
                        + String.format("%08x", magic) + ", expected 0x000008 and the rank); "
                        + "is it an IDX file?");
            }
            int declaredRank = magic & 0xff;
            if (rank == ANY_IMAGE_RANK ? declaredRank != 3 && declaredRank != 4 : declaredRank != rank) {
                throw new DatasetException(file + " has " + declaredRank + " dimensions, expected "
                        + (rank == ANY_IMAGE_RANK ? "3 (N×H×W) or 4 (N×C×H×W)" : rank)
                        + "; are images and labels files swapped?");
            }
            rank = declaredRank;
            int[] dims = new int[rank];
            long bytes = 1;
            for (int i = 0; i < rank; i++) {
                dims[i] = data.readInt();
                if (dims[i] < 1) {
                    throw new DatasetException(file + " declares dimension " + i + " as " + dims[i]
                            + "; the file is corrupt, download it again");
                }
                bytes *= dims[i];
                if (bytes > MAX_BYTES) {
                    throw new DatasetException(file + " declares more than " + (MAX_BYTES >> 20)
                            + " MB of data; the file is corrupt or not a dataset file");
                }
            }
            long header = 4L + 4L * rank;
            long room = gzip ? fileSize * MAX_DEFLATE_RATIO : fileSize - header;
            if (bytes > room) {
                throw new DatasetException(file + " declares " + bytes + " bytes of data but holds at most "
                        + Math.max(room, 0) + "; the file is truncated, download it again");
            }
            byte[] values = new byte[(int) bytes];
            data.readFully(values);
            if (data.read() != -1) {
                throw new DatasetException(file + " is longer than its header declares; the file is corrupt");
            }
            return new IdxArray(dims, values);
        } catch (EOFException e) {
            throw new DatasetException(file + " is truncated (ends before its declared size); download it again", e);
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + " (" + e.getMessage() + "); download it again", e);
        }
    }

    /** True when the file starts with the gzip signature 0x1f 0x8b. */
    static boolean isGzip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
