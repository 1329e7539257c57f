package org.mpbnlab.io;

/**
 * Safety limits applied while reading a model file, so that a damaged or malicious file
 * (e.g. a zip bomb) is rejected with a message instead of exhausting memory. Sizes are
 * counted on the bytes actually decompressed, never taken from the zip's own size fields.
 *
 * @param maxEntries        most entries the zip may contain
 * @param maxArrayBytes     most data bytes in one array
 * @param maxTotalBytes     most decompressed bytes over all entries together
 * @param maxModelJsonBytes most bytes in {@code model.json}
 */
public record ArchiveLimits(int maxEntries, long maxArrayBytes, long maxTotalBytes,
                            long maxModelJsonBytes) {
    private static final long MIB = 1L << 20;

    public ArchiveLimits {
        if (maxEntries < 1 || maxArrayBytes < 0 || maxTotalBytes < 0 || maxModelJsonBytes < 1) {
            throw new IllegalArgumentException("archive limits must be positive");
        }
    }

    /** 512 entries, 256 MiB per array, 1 GiB in total, 16 MiB of model.json. */
    public static ArchiveLimits defaults() {
        return new ArchiveLimits(512, 256 * MIB, 1024 * MIB, 16 * MIB);
    }
}
