package org.mpbnlab.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A NumPy {@code .npz} file: a zip of {@code <name>.npy} arrays, as {@code np.savez} and
 * {@code np.savez_compressed} write it. Reading is as careful as the model file's: every byte is
 * counted as it is decompressed (the sizes the zip claims are never trusted), checksums are verified,
 * and nothing but top-level {@code .npy} entries is accepted. Writing is atomic.
 */
public final class NpzArchive {

    /** Largest number of arrays in one file. */
    public static final int MAX_ENTRIES = 256;
    /** Largest array, in bytes of data. */
    public static final long MAX_ARRAY_BYTES = 1L << 30;
    /** Largest total of all decompressed entries. */
    public static final long MAX_TOTAL_BYTES = 2L << 30;
    private static final String SUFFIX = ".npy";

    private NpzArchive() {
    }

    /** What went wrong, in words: the exception's message, or for an early end of the file just that. */
    static String reason(IOException e) {
        if (e instanceof java.io.EOFException || e.getMessage() == null) {
            return "it ends too early";
        }
        return e.getMessage();
    }

    /** Writes {@code arrays} as {@code <name>.npy} entries, atomically; {@code np.load} reads the result. */
    public static void write(Path target, Map<String, NpyArray> arrays) throws IOException {
        for (String name : arrays.keySet()) {
            if (!ModelArchive.isValidArrayName(name)) {
                throw new IllegalArgumentException("invalid array name '" + name + "'");
            }
        }
        AtomicFiles.write(target, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, NpyArray> entry : arrays.entrySet()) {
                    zip.putNextEntry(new ZipEntry(entry.getKey() + SUFFIX));
                    NpyFormat.write(entry.getValue(), zip);
                    zip.closeEntry();
                }
            }
        });
    }

    /**
     * Reads every array of an {@code .npz} file, in the order of the zip.
     *
     * @throws NpyFormatException with a one-line message (naming the entry) if the file is not a valid
     *                            {@code .npz}, holds an unsupported array or is over a limit
     * @throws IOException        if the file cannot be read
     */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(4);
        }
        if (!Arrays.equals(start, new byte[] {'P', 'K', 3, 4}) && !Arrays.equals(start, new byte[] {'P', 'K', 5, 6})) {
            throw new NpyFormatException("it is not a NumPy .npz file (not a zip archive); save it with np.savez");
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw new NpyFormatException("it holds " + zip.size() + " entries, more than the " + MAX_ENTRIES
                        + " allowed");
            }
            long total = 0;
            for (Iterator<? extends ZipEntry> it = zip.entries().asIterator(); it.hasNext(); ) {
                ZipEntry entry = it.next();
                String entryName = entry.getName();
                String name = entryName.endsWith(SUFFIX) ? entryName.substring(0, entryName.length() - SUFFIX.length())
                        : "";
                if (!ModelArchive.isValidArrayName(name)) {
                    throw new NpyFormatException("the entry '" + ModelArchive.printable(entryName)
                            + "' is not a top-level <name>.npy array");
                }
                if (arrays.containsKey(name)) {
                    throw new NpyFormatException("it holds two arrays named '" + name + "'");
                }
                long limit = Math.min(MAX_ARRAY_BYTES, MAX_TOTAL_BYTES - total);
                try (BoundedInputStream in = new BoundedInputStream(
                        new CheckedInputStream(zip.getInputStream(entry), new CRC32()), limit + NpyFormat.MAX_HEADER_BYTES + 16)) {
                    arrays.put(name, NpyFormat.read(in, limit));
                    total += in.count();
                    long crc = ((CheckedInputStream) in.unwrap()).getChecksum().getValue();
                    if (entry.getCrc() != -1 && crc != entry.getCrc()) {
                        throw new NpyFormatException("the entry " + entryName + " fails its checksum; the file is damaged");
                    }
                } catch (BoundedInputStream.LimitExceededException e) {
                    throw new NpyFormatException("the entry " + entryName + " unpacks to more than " + limit
                            + " bytes (a damaged file or a zip bomb)");
                } catch (NpyFormatException e) {
                    throw new NpyFormatException("the array " + entryName + " is not valid: " + e.getMessage());
                }
            }
        } catch (NpyFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new NpyFormatException("the zip archive is damaged or truncated (" + reason(e) + "); save it again");
        }
        return arrays;
    }
}
