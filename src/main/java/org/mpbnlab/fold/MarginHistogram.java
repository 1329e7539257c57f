package org.mpbnlab.fold;

import java.util.Arrays;

/**
 * How close membranes come to the folded threshold: counts of the margin {@code m = |u_pre − Ṽ|} in binary
 * octaves {@code [2^k, 2^(k+1))} for {@code LOWEST_EXPONENT ≤ k ≤ HIGHEST_EXPONENT}, plus one bin for everything
 * below {@code 2^LOWEST_EXPONENT} (a membrane exactly on Ṽ included) and one for everything from
 * {@code 2^(HIGHEST_EXPONENT + 1)} up. Octaves, because floats are spaced in octaves: near a threshold of size
 * about 1 two neighbouring floats are {@code 2^-23} apart, so margins in the octaves around {@code 2^-23} are the
 * ones rounding can decide.
 *
 * <p>A margin is the distance a membrane would have to move to change its spike. The exact fold is right for
 * every margin; a fold that is right only up to rounding (the naive formula, the deployable network) can be
 * wrong where the margin is of the order of a float's spacing near Ṽ. Neurons of constant groups (γ = 0) have
 * no margin and are not counted.
 */
public final class MarginHistogram {

    /** The lowest octave with a bin of its own. */
    public static final int LOWEST_EXPONENT = -40;
    /** The highest octave with a bin of its own. */
    public static final int HIGHEST_EXPONENT = 13;

    private static final int OCTAVES = HIGHEST_EXPONENT - LOWEST_EXPONENT + 1;

    /** [0] below 2^LOWEST_EXPONENT, [1..OCTAVES] the octaves, [OCTAVES + 1] from 2^(HIGHEST_EXPONENT + 1) up. */
    private final long[] counts = new long[OCTAVES + 2];

    /** Counts one margin (NaN is ignored: a membrane that is not a number has no distance). */
    public void add(double margin) {
        if (!Double.isNaN(margin)) {
            counts[bin(Math.abs(margin))]++;
        }
    }

    /** Adds every count of {@code other}. */
    public void addAll(MarginHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    /** The bin of a margin ≥ 0, from its binary exponent (exact: no logarithm is rounded). */
    static int bin(double margin) {
        int exponent = Math.getExponent(margin); // floor(log2(m)) for normal m; below for 0 and subnormals
        if (exponent < LOWEST_EXPONENT) {
            return 0;
        }
        return exponent > HIGHEST_EXPONENT ? OCTAVES + 1 : exponent - LOWEST_EXPONENT + 1;
    }

    /** Lower edge of bin {@code b}; bin 0 starts at 0. */
    public static double lowerEdge(int b) {
        return b == 0 ? 0.0 : Math.scalb(1.0, LOWEST_EXPONENT + b - 1);
    }

    /** Upper edge of bin {@code b}; the last bin is unbounded. */
    public static double upperEdge(int b) {
        return b == OCTAVES + 1 ? Double.POSITIVE_INFINITY : Math.scalb(1.0, LOWEST_EXPONENT + b);
    }

    public int bins() {
        return counts.length;
    }

    public long count(int b) {
        return counts[b];
    }

    public long[] counts() {
        return counts.clone();
    }

    public long total() {
        return Arrays.stream(counts).sum();
    }

    /** Margins below {@code 2^exponent}, for {@code LOWEST_EXPONENT ≤ exponent ≤ HIGHEST_EXPONENT + 1}. */
    public long belowPowerOfTwo(int exponent) {
        long n = 0;
        for (int b = 0; b <= exponent - LOWEST_EXPONENT; b++) {
            n += counts[b];
        }
        return n;
    }

    /** A copy that later additions to this one do not change. */
    public MarginHistogram copy() {
        MarginHistogram copy = new MarginHistogram();
        copy.addAll(this);
        return copy;
    }
}
