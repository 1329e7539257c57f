package org.mpbnlab.snn;

import org.mpbnlab.snn.kernel.ArrayView;

/**
 * The firing rate of a spike array: the mean of its 0/1 values. Read in bulk, a chunk at a time, and summed in
 * float with four running sums: every partial sum of at most 2²⁴ spikes is an exact float integer, so the
 * result is exact, and no conversion to double sits in the loop.
 */
public final class FiringRate {

    private static final int CHUNK = 1 << 14;

    private FiringRate() {
    }

    /** Mean of all values of {@code spikes} (0 for an empty array). */
    public static double of(org.nd4j.linalg.api.ndarray.INDArray spikes) {
        ArrayView view = ArrayView.of(spikes);
        int length = view.length();
        if (length == 0) {
            return 0.0;
        }
        ArrayView chunk = view.heapOfSameType(Math.min(CHUNK, length));
        double total = 0;
        for (int from = 0; from < length; from += CHUNK) {
            int n = Math.min(CHUNK, length - from);
            view.copyRangeTo(from, chunk, 0, n);
            total += chunk instanceof ArrayView.HeapFloats floats ? sum(floats.array(), n) : sum(chunk, n);
        }
        return total / length;
    }

    private static double sum(float[] values, int n) {
        float a = 0;
        float b = 0;
        float c = 0;
        float d = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            a += values[i];
            b += values[i + 1];
            c += values[i + 2];
            d += values[i + 3];
        }
        for (; i < n; i++) {
            a += values[i];
        }
        return (double) a + b + c + d;
    }

    private static double sum(ArrayView values, int n) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += values.get(i);
        }
        return total;
    }
}
