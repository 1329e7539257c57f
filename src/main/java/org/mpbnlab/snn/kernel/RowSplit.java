package org.mpbnlab.snn.kernel;

/**
 * Splits the rows of a block over two threads ({@link TwoWaySplit}): a fixed partition that depends only
 * on the sizes, so results are reproducible. Per-group sums are accumulated per half and added in a
 * fixed order (first half, then second).
 */
public final class RowSplit {

    /** Loop body over rows {@code [from, to)}. */
    @FunctionalInterface
    public interface Rows {
        void run(int from, int to);
    }

    /** Loop body over rows {@code [from, to)} that adds per-group sums into {@code first} and {@code second}. */
    @FunctionalInterface
    public interface SummingRows {
        void run(int from, int to, double[] first, double[] second);
    }

    private RowSplit() {
    }

    public static void run(int rows, int rowSize, Rows body) {
        TwoWaySplit.run(rows, (long) rows * rowSize, body::run);
    }

    /**
     * Runs {@code body}; {@code first} and {@code second} receive the sums over all rows. The rows are always
     * summed as two halves added in a fixed order, whether the halves run on one thread or two, so the sums
     * do not depend on the thread count (the desktop app and the command line compute the same numbers).
     */
    public static void runSumming(int rows, int rowSize, double[] first, double[] second, SummingRows body) {
        int groups = first.length;
        double[][] parts = new double[4][groups];
        int half = rows / 2;
        TwoWaySplit.run(2, (long) rows * rowSize, (a, b) -> {
            for (int part = a; part < b; part++) {
                int from = part == 0 ? 0 : half;
                int to = part == 0 ? half : rows;
                body.run(from, to, parts[2 * part], parts[2 * part + 1]);
            }
        });
        for (int g = 0; g < groups; g++) {
            first[g] = parts[0][g] + parts[2][g];
            second[g] = parts[1][g] + parts[3][g];
        }
    }
}
