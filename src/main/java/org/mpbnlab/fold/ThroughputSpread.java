package org.mpbnlab.fold;

import java.util.Arrays;

/**
 * A throughput measured in several repeats, told by its smallest, middle and largest value (samples per
 * second). For the repeats' rates sorted as r₍₁₎ ≤ r₍₂₎ ≤ … ≤ r₍ₙ₎:
 * <pre>
 *   min    = r₍₁₎
 *   median = r₍(n+1)/2₎                     n odd
 *          = ( r₍n/2₎ + r₍n/2+1₎ ) / 2      n even
 *   max    = r₍ₙ₎
 *   spread = (max − min) / median · 100 %
 * </pre>
 * The median is the figure to compare (a disturbance of the machine that slows one repeat moves it least);
 * the spread says how far the repeats disagree, i.e. how much a single figure could be trusted.
 *
 * @param min    the slowest repeat's rate
 * @param median the middle rate
 * @param max    the fastest repeat's rate
 */
public record ThroughputSpread(double min, double median, double max) {

    /**
     * The spread of {@code rates} (in any order; not changed).
     *
     * @throws IllegalArgumentException when there is no rate
     */
    public static ThroughputSpread of(double... rates) {
        if (rates.length == 0) {
            throw new IllegalArgumentException("a spread needs at least one rate");
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new ThroughputSpread(sorted[0], median, sorted[n - 1]);
    }

    /** (max − min) / median in percent: 0 when every repeat gave the same rate. */
    public double spreadPercent() {
        return 100 * (max - min) / median;
    }
}
