package org.mpbnlab.session;

/**
 * A growing series of points with a bounded size: when {@code capacity} points are held, every other
 * one is dropped and from then on only every second new point is kept (the stride doubles), so a long
 * run keeps an evenly thinned curve of at most {@code capacity} points.
 */
final class CurveRecorder {

    private final String name;
    private final long[] iterations;
    private final double[] values;
    private int size;
    private int stride = 1;
    private long offered;

    CurveRecorder(String name, int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a curve needs room for at least 2 points");
        }
        this.name = name;
        this.iterations = new long[capacity];
        this.values = new double[capacity];
    }

    void add(long iteration, double value) {
        if (offered++ % stride != 0) {
            return;
        }
        if (size == values.length) {
            for (int i = 0; i < size / 2; i++) {
                iterations[i] = iterations[2 * i];
                values[i] = values[2 * i];
            }
            size /= 2;
            stride *= 2;
        }
        iterations[size] = iteration;
        values[size] = value;
        size++;
    }

    void clear() {
        size = 0;
        stride = 1;
        offered = 0;
    }

    MetricCurve snapshot() {
        return new MetricCurve(name, java.util.Arrays.copyOf(iterations, size), java.util.Arrays.copyOf(values, size));
    }
}
