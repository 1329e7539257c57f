package org.mpbnlab.app.shell;

/**
 * The longest gap between two consecutive FX pulses: a pulse that comes late means the UI thread was
 * busy (or starved of CPU) and the window froze for that long. Fed with the timestamps an
 * {@code AnimationTimer} receives, one per pulse.
 */
public final class PulseGapStatistics {

    private long previous = -1;
    private long longest;
    private long pulses;
    private long lateOver50ms;

    /** Records a pulse at {@code nanos} and returns the gap to the previous one (0 for the first). */
    public long pulse(long nanos) {
        long gap = previous < 0 ? 0 : nanos - previous;
        previous = nanos;
        longest = Math.max(longest, gap);
        pulses++;
        if (gap > 50_000_000L) {
            lateOver50ms++;
        }
        return gap;
    }

    /** Starts the next gap at the next pulse without forgetting the maximum (after a pause of measuring). */
    public void skipGap() {
        previous = -1;
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
}
