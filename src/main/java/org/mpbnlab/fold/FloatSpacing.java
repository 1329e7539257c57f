package org.mpbnlab.fold;

/** Distances counted in float32 values: how far rounding moved a number. */
public final class FloatSpacing {

    private FloatSpacing() {
    }

    /** How many steps from one float32 to the next lead from {@code a} to {@code b} (both rounded to float). */
    public static long floatsBetween(double a, double b) {
        return Math.abs(orderKey((float) a) - orderKey((float) b));
    }

    /** Consecutive integers for consecutive floats (−0 and +0 share 0). */
    private static long orderKey(float value) {
        int bits = Float.floatToIntBits(value);
        return bits >= 0 ? bits : (long) Integer.MIN_VALUE - bits;
    }
}
