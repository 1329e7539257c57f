package org.mpbnlab.probe;

/**
 * The closed interval {@code [lower, upper]} a histogram spans, with {@code upper > lower}.
 */
public record ValueRange(double lower, double upper) {

    public ValueRange {
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || !(upper > lower)) {
            throw new IllegalArgumentException("a histogram range needs finite bounds with upper > lower, got ["
                    + lower + ", " + upper + "]");
        }
    }

    public double width() {
        return upper - lower;
    }

    /**
     * The bin of {@code value} among {@code bins} equal bins, values outside the range clamped to the
     * first or last bin: {@code k = floor((v − lower)/(upper − lower)·bins)}.
     */
    public int bin(double value, int bins) {
        int k = (int) Math.floor((value - lower) / (upper - lower) * bins);
        return Math.max(0, Math.min(bins - 1, k));
    }

    /** The smallest range holding both this one and {@code value}. */
    public ValueRange including(double value) {
        return new ValueRange(Math.min(lower, value), Math.max(upper, value));
    }
}
