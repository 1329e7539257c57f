package org.mpbnlab.snn.kernel;

/**
 * Streams a row-wise map from one ND4J array to another through small heap chunks: each thread copies a few
 * rows of the source into a heap array that stays in its cache, runs the map there (plain array access, which
 * the JIT vectorises), and copies the result rows to the target. Compared with copying the whole source to
 * the heap first, the data crosses main memory once each way instead of three times.
 */
public final class HeapChunks {

    /** Values per chunk: small enough for the L2 cache, large enough that bulk copies dominate. */
    private static final int CHUNK = 1 << 14;

    /** The map over {@code rows} rows of chunk-local heap views, starting at row 0 of both. */
    @FunctionalInterface
    public interface RowMap {
        void run(ArrayView in, ArrayView out, int rows);
    }

    private HeapChunks() {
    }

    /**
     * Runs {@code map} over {@code rows} rows: source rows of {@code sourceRowSize} values, target rows of
     * {@code targetRowSize}. The rows are split between two threads as {@link TwoWaySplit} does, so the result
     * does not depend on the thread count.
     */
    public static void map(ArrayView source, int sourceRowSize, ArrayView target, int targetRowSize, int rows,
                    RowMap map) {
        int widest = Math.max(1, Math.max(sourceRowSize, targetRowSize));
        int chunkRows = Math.max(1, CHUNK / widest);
        TwoWaySplit.run(rows, (long) rows * widest, (from, to) -> {
            int span = Math.min(chunkRows, to - from);
            ArrayView in = source.heapOfSameType(span * sourceRowSize);
            ArrayView out = target.heapOfSameType(span * targetRowSize);
            for (int r = from; r < to; r += chunkRows) {
                int n = Math.min(chunkRows, to - r);
                source.copyRangeTo(r * sourceRowSize, in, 0, n * sourceRowSize);
                map.run(in, out, n);
                out.copyRangeTo(0, target, r * targetRowSize, n * targetRowSize);
            }
        });
    }
}
