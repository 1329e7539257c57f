package org.mpbnlab.io;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The element types a model file may hold, with their NumPy names and type codes.
 *
 * <p>The type code is the part of a NumPy {@code descr} after the byte-order character:
 * {@code '<f4'} is byte order {@code '<'} (little-endian) and code {@code "f4"}.
 * One-byte types have no byte order and are written with {@code '|'}.
 */
public enum NpyDtype {
    FLOAT32("float32", "f4", 4),
    FLOAT64("float64", "f8", 8),
    INT32("int32", "i4", 4),
    INT64("int64", "i8", 8),
    UINT8("uint8", "u1", 1),
    BOOL("bool", "b1", 1);

    private final String numpyName;
    private final String typeCode;
    private final int itemSize;

    NpyDtype(String numpyName, String typeCode, int itemSize) {
        this.numpyName = numpyName;
        this.typeCode = typeCode;
        this.itemSize = itemSize;
    }

    /** The NumPy name, as written in model.json: {@code "float32"}, {@code "bool"}, ... */
    public String numpyName() {
        return numpyName;
    }

    /** Bytes per element. */
    public int itemSize() {
        return itemSize;
    }

    /** True for {@code float32} and {@code float64}. */
    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /** The little-endian {@code descr} this library writes: {@code '<f4'}, {@code '|u1'}, ... */
    public String littleEndianDescr() {
        return (itemSize == 1 ? "|" : "<") + typeCode;
    }

    /** The dtype whose NumPy name is {@code name} ({@code "float32"}), if any. */
    public static Optional<NpyDtype> fromNumpyName(String name) {
        return Arrays.stream(values()).filter(d -> d.numpyName.equals(name)).findFirst();
    }

    /** The dtype whose type code is {@code code} ({@code "f4"}), if any. */
    static Optional<NpyDtype> fromTypeCode(String code) {
        return Arrays.stream(values()).filter(d -> d.typeCode.equals(code)).findFirst();
    }

    /** A readable list of the supported dtypes, for error messages. */
    static String supportedList() {
        return Arrays.stream(values())
                .map(d -> d.numpyName + " (" + d.littleEndianDescr() + ")")
                .collect(Collectors.joining(", "));
    }
}
