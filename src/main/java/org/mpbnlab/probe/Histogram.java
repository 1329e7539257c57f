package org.mpbnlab.probe;

/**
 * An immutable histogram of the values of one quantity (e.g. u_pre) at one time step, over a batch
 * and a set of neurons (one channel or all), with exact summary statistics computed from the values
 * themselves, not from the bins:
 * <pre>
 *   mean = Σ v / n        std = sqrt(Σ v² / n − mean²)        fractionAbove = #{v &gt; V_th} / n
 * </pre>
 * Values outside {@link #range()} are counted in the first or last bin and in {@link #clipped()}.
 *
 * @param range         the span of the bins
 * @param counts        values per bin (equal widths)
 * @param count         number of values n
 * @param mean          exact mean
 * @param std           exact population standard deviation
 * @param threshold     the V_th {@code fractionAbove} was measured against
 * @param fractionAbove fraction of values strictly above {@code threshold}
 * @param clipped       values outside the range (drawn in the edge bins)
 */
public record Histogram(ValueRange range, int[] counts, long count, double mean, double std, double threshold,
                        double fractionAbove, long clipped) {

    public Histogram {
        counts = counts.clone();
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    public int bins() {
        return counts.length;
    }

    /** Count of bin {@code k} without copying. */
    public int count(int k) {
        return counts[k];
    }

    /** Lower edge of bin {@code k}. */
    public double binStart(int k) {
        return range.lower() + range.width() * k / counts.length;
    }

    public double binWidth() {
        return range.width() / counts.length;
    }

    /** The largest bin count (0 for an empty histogram). */
    public int peak() {
        int peak = 0;
        for (int c : counts) {
            peak = Math.max(peak, c);
        }
        return peak;
    }

    /** Bytes this histogram holds (for the stated memory bound). */
    long bytes() {
        return 4L * counts.length + 8L * 7 + 16;
    }
}
