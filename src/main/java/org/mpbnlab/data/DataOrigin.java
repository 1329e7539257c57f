package org.mpbnlab.data;

import java.util.List;

/**
 * Where a dataset's samples came from and how its raw values were made from the stored ones, recorded
 * in a model file so that an outside program can rebuild the network's input.
 *
 * <pre>
 *   raw = stored value / rawDivisor        (255 for 8-bit pixels, 1 for values stored as numbers)
 * </pre>
 *
 * @param kind       {@code built-in} (generated), {@code downloaded} (a published set) or {@code file}
 *                   (the user's own data)
 * @param format     {@code generator}, {@code idx}, {@code cifar}, {@code npz}, {@code image-folder} or
 *                   {@code csv}
 * @param location   the file or folder read, or {@code null} for a generated set
 * @param rawDivisor the divisor above, ≥ 1
 */
public record DataOrigin(String kind, String format, String location, double rawDivisor) {

    public static final List<String> KINDS = List.of("built-in", "downloaded", "file");
    public static final List<String> FORMATS = List.of("generator", "idx", "cifar", "npz", "image-folder", "csv");

    public DataOrigin {
        if (!KINDS.contains(kind) || !FORMATS.contains(format)) {
            throw new IllegalArgumentException("unknown data origin " + kind + "/" + format);
        }
        if (!(rawDivisor >= 1) || Double.isInfinite(rawDivisor)) {
            throw new IllegalArgumentException("the raw divisor must be ≥ 1, got " + rawDivisor);
        }
    }

    /** A set made by a built-in generator: raw values are the generated numbers. */
    public static DataOrigin generated() {
        return new DataOrigin("built-in", "generator", null, 1);
    }

    /** 8-bit images read from {@code location}: raw = byte / 255. */
    public static DataOrigin pixels(String kind, String format, String location) {
        return new DataOrigin(kind, format, location, 255);
    }
}
