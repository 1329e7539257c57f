package org.mpbnlab.app.shell;

/**
 * The gaps between consecutive FX pulses: a pulse that comes late means the UI thread was busy (or starved
 * of CPU) and the window froze for that long. Fed with the timestamps an {@code AnimationTimer} receives,
 * one per pulse. Keeps the longest gap, the number of gaps over 50 ms and a histogram of whole
 * milliseconds (gaps of {@value #HISTOGRAM_MILLIS} ms and more share its last bin), from which
 * {@link #percentileMillis} reads, so that memory stays constant however long it measures.
 */
public final class PulseGapStatistics {

    /** Gaps of this many milliseconds and more are counted in the histogram's last bin. */
    static final int HISTOGRAM_MILLIS = 2000;
    private static final long MS = 1_000_000L;

    private long previous = -1;
    private long longest;
    private long pulses;
    private long gaps;
    private long lateOver50ms;
    /** {@code histogram[k]}: gaps g with k − 1 < g ≤ k ms (k ≥ 1); bin 0 holds gaps of exactly 0. */
    private final long[] histogram = new long[HISTOGRAM_MILLIS + 1];

    /** Records a pulse at {@code nanos} and returns the gap to the previous one (0 for the first). */
    public long pulse(long nanos) {
        pulses++;
        if (previous < 0) {
            previous = nanos;
            return 0;
        }
        long gap = nanos - previous;
        previous = nanos;
        longest = Math.max(longest, gap);
        gaps++;
        if (gap > 50 * MS) {
            lateOver50ms++;
        }
        long ceilMillis = (gap + MS - 1) / MS;
        histogram[(int) Math.min(HISTOGRAM_MILLIS, Math.max(0, ceilMillis))]++;
        return gap;
    }

    /** Starts the next gap at the next pulse without forgetting the figures (after a pause of measuring). */
    public void skipGap() {
        previous = -1;
    }

    /** Forgets everything measured so far (the start of a measurement). */
    public void clear() {
        previous = -1;
        longest = 0;
        pulses = 0;
        gaps = 0;
        lateOver50ms = 0;
        java.util.Arrays.fill(histogram, 0);
    }

    public double longestGapMillis() {
        return longest / 1e6;
    }

    /** Gaps longer than 50 ms. */
    public long gapsOver50ms() {
        return lateOver50ms;
    }

    public long pulses() {
        return pulses;
    }

    /** Gaps measured: pulses minus the first of each stretch of measuring. */
    public long gaps() {
        return gaps;
    }

    /**
     * The {@code percent} percentile of the gaps, rounded up to whole milliseconds: the least k such that
     * at least {@code percent}% of the gaps are ≤ k ms (the longest gap itself when that falls in the last
     * bin); 0 before any gap.
     */
    public double percentileMillis(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("a percentile lies in (0, 100], not " + percent);
        }
        if (gaps == 0) {
            return 0;
        }
        double needed = Math.ceil(gaps * percent / 100.0);
        long seen = 0;
        for (int k = 0; k < HISTOGRAM_MILLIS; k++) {
            seen += histogram[k];
            if (seen >= needed) {
                return k;
            }
        }
        return longestGapMillis();
    }
}
