package org.mpbnlab.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npz}: a zip archive of {@code .npy} files, one per named array, read by
 * {@code numpy.load(path)["name"]}. Written atomically ({@link AtomicFiles}); each array is made only when
 * its turn comes, so a large archive never holds two copies of everything.
 */
public final class NpzFile {

    private static final String SUFFIX = ".npy";
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2020, 1, 1, 0, 0);

    private NpzFile() {
    }

    /**
     * Writes {@code arrays} (name → the array, made when written) to {@code target}, compressed.
     *
     * @throws IllegalArgumentException for a name that is not a valid array name ({@link ModelArchive#isValidArrayName})
     * @throws IOException              if writing fails; the target is then unchanged
     */
    public static void write(Path target, Map<String, Supplier<NpyArray>> arrays) throws IOException {
        for (String name : arrays.keySet()) {
            if (!ModelArchive.isValidArrayName(name)) {
                throw new IllegalArgumentException("invalid array name '" + name + "'");
            }
        }
        AtomicFiles.write(target, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.setLevel(Deflater.BEST_SPEED);
                for (Map.Entry<String, Supplier<NpyArray>> entry : arrays.entrySet()) {
                    ZipEntry zipEntry = new ZipEntry(entry.getKey() + SUFFIX);
                    zipEntry.setTimeLocal(ENTRY_TIME);
                    zip.putNextEntry(zipEntry);
                    NpyFormat.write(entry.getValue().get(), zip);
                    zip.closeEntry();
                }
            }
        });
    }

    /** Reads every array of an {@code .npz} file, in archive order. */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().endsWith(SUFFIX)) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    String name = entry.getName().substring(0, entry.getName().length() - SUFFIX.length());
                    arrays.put(name, NpyFormat.read(in, NpyArray.MAX_BYTES));
                }
            }
        }
        return arrays;
    }
}
