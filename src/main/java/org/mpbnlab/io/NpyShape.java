package org.mpbnlab.io;

import java.util.Arrays;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/** Shape arithmetic shared by the array, the header parser and the manifest. */
final class NpyShape {
    /** NumPy itself allows at most 64 dimensions; our networks need at most 5. */
    static final int MAX_DIMENSIONS = 32;

    private NpyShape() {
    }

    /**
     * The element count {@code s0·s1·...·s(n-1)} (1 for a scalar), or empty if a dimension is
     * negative, there are too many dimensions, or the count exceeds what a Java array holds.
     */
    static OptionalLong elementCount(long[] dims) {
        if (dims.length > MAX_DIMENSIONS) {
            return OptionalLong.empty();
        }
        long count = 1;
        boolean empty = false;
        for (long dim : dims) {
            if (dim < 0 || dim > NpyArray.MAX_BYTES) {
                return OptionalLong.empty();
            }
            empty |= dim == 0;
            count = empty ? 0 : count * dim;   // both factors <= 2^31, so no long overflow
            if (count > NpyArray.MAX_BYTES) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(count);
    }

    /** Python's tuple notation, as NumPy prints a shape: {@code ()}, {@code (3,)}, {@code (3, 4)}. */
    static String format(long[] dims) {
        if (dims.length == 1) {
            return "(" + dims[0] + ",)";
        }
        return LongStream.of(dims).mapToObj(Long::toString)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    static String format(int[] dims) {
        return format(Arrays.stream(dims).asLongStream().toArray());
    }
}
