package org.mpbnlab.session;

import java.util.Arrays;

/**
 * An immutable series of (iteration, value) points, e.g. the training loss of every batch.
 */
public record MetricCurve(String name, long[] iterations, double[] values) {

    public MetricCurve {
        if (iterations.length != values.length) {
            throw new IllegalArgumentException("a curve needs as many iterations as values");
        }
        iterations = iterations.clone();
        values = values.clone();
    }

    public static MetricCurve empty(String name) {
        return new MetricCurve(name, new long[0], new double[0]);
    }

    @Override
    public long[] iterations() {
        return iterations.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    public long iteration(int i) {
        return iterations[i];
    }

    public double value(int i) {
        return values[i];
    }

    /** The last value, or NaN when empty. */
    public double last() {
        return values.length == 0 ? Double.NaN : values[values.length - 1];
    }

    @Override
    public String toString() {
        return name + Arrays.toString(values);
    }
}
