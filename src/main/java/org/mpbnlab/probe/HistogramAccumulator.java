package org.mpbnlab.probe;

/**
 * Preallocated counters for the histograms of one quantity at one time step: group 0 holds all
 * neurons, groups 1..C one channel each (C = 0 for dense layers). Reused for every recording, so a
 * recording allocates nothing but the frozen copies.
 */
final class HistogramAccumulator {

    private final int channels;
    private final int spatial;
    private final int bins;
    private final int[][] counts;
    private final double[] sum;
    private final double[] sumOfSquares;
    private final long[] above;
    private final long[] clipped;
    private final long[] count;

    /**
     * @param channels C for a conv layer (one histogram per channel besides "all"), 0 for dense
     * @param spatial  H·W for a conv layer, 1 for dense
     */
    HistogramAccumulator(int channels, int spatial, int bins) {
        this.channels = channels;
        this.spatial = spatial;
        this.bins = bins;
        int groups = channels + 1;
        counts = new int[groups][bins];
        sum = new double[groups];
        sumOfSquares = new double[groups];
        above = new long[groups];
        clipped = new long[groups];
        count = new long[groups];
    }

    /** Starts a new histogram: all counters to zero. */
    void begin() {
        clear();
    }

    /**
     * Counts {@code rows} whole rows of {@code rowSize} values held in {@code chunk} (copied out of the
     * engine's buffer) into the bins of {@code range}; call between {@link #begin()} and {@link #finish()}.
     */
    void accumulate(float[] chunk, int rows, int rowSize, ValueRange range, double threshold) {
        double lower = range.lower();
        double scale = bins / range.width();
        int groupsInRow = channels == 0 ? 1 : channels;
        int run = channels == 0 ? rowSize : spatial;
        int i = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < groupsInRow; c++) {
                int group = channels == 0 ? 0 : c + 1;
                int[] binCounts = counts[group];
                double s = 0;
                double ss = 0;
                long over = 0;
                long outside = 0;
                for (int end = i + run; i < end; i++) {
                    double v = chunk[i];
                    int k = (int) Math.floor((v - lower) * scale);
                    if (k < 0 || k >= bins || Double.isNaN(v)) {
                        outside++;
                        k = k < 0 || Double.isNaN(v) ? 0 : bins - 1;
                    }
                    binCounts[k]++;
                    s += v;
                    ss += v * v;
                    if (v > threshold) {
                        over++;
                    }
                }
                sum[group] += s;
                sumOfSquares[group] += ss;
                above[group] += over;
                clipped[group] += outside;
                count[group] += run;
            }
        }
    }

    /** Completes the histogram: for conv layers, "all neurons" is the sum of the channels. */
    void finish() {
        if (channels > 0) {
            mergeChannelsIntoAll();
        }
    }

    private void mergeChannelsIntoAll() {
        for (int g = 1; g <= channels; g++) {
            for (int k = 0; k < bins; k++) {
                counts[0][k] += counts[g][k];
            }
            sum[0] += sum[g];
            sumOfSquares[0] += sumOfSquares[g];
            above[0] += above[g];
            clipped[0] += clipped[g];
            count[0] += count[g];
        }
    }

    private void clear() {
        for (int g = 0; g <= channels; g++) {
            java.util.Arrays.fill(counts[g], 0);
            sum[g] = 0;
            sumOfSquares[g] = 0;
            above[g] = 0;
            clipped[g] = 0;
            count[g] = 0;
        }
    }

    /** An immutable copy of group {@code g} (0 = all neurons, c + 1 = channel c). */
    Histogram freeze(int g, ValueRange range, double threshold) {
        long n = count[g];
        double mean = n == 0 ? Double.NaN : sum[g] / n;
        double variance = n == 0 ? Double.NaN : Math.max(0, sumOfSquares[g] / n - mean * mean);
        double fraction = n == 0 ? Double.NaN : (double) above[g] / n;
        return new Histogram(range, counts[g], n, mean, Math.sqrt(variance), threshold, fraction, clipped[g]);
    }

    int groups() {
        return channels + 1;
    }
}
