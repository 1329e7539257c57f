package org.mpbnlab.snn;

/**
 * Moving row-stacked values between one step and T steps ({@code row t·B + b}): repeating a frame over
 * time, averaging over time, and the adjoints of both.
 */
final class TimeRepeat {

    private TimeRepeat() {
    }

    /** {@code out[t·B + b] = in[b]} for every t, as T bulk copies. */
    static void repeat(ArrayView in, ArrayView out, int steps) {
        int block = in.length();
        for (int t = 0; t < steps; t++) {
            in.copyRangeTo(0, out, t * block, block);
        }
    }

    /** {@code out[b] = Σ_t in[t·B + b]}: the adjoint of {@link #repeat}, summed in double in the order of t. */
    static void sum(ArrayView in, ArrayView out, int steps) {
        int block = out.length();
        TwoWaySplit.run(block, in.length(), (from, to) -> {
            for (int i = from; i < to; i++) {
                double total = 0;
                for (int t = 0; t < steps; t++) {
                    total += in.get(t * block + i);
                }
                out.set(i, total);
            }
        });
    }

    /** {@code out[b] = (1/T)·Σ_t in[t·B + b]}. */
    static void average(ArrayView in, ArrayView out, int steps) {
        int block = out.length();
        for (int i = 0; i < block; i++) {
            double total = 0;
            for (int t = 0; t < steps; t++) {
                total += in.get(t * block + i);
            }
            out.set(i, total / steps);
        }
    }

    /** {@code out[t·B + b] = in[b] / T}: the adjoint of {@link #average}. */
    static void spreadAverage(ArrayView in, ArrayView out, int steps) {
        int block = in.length();
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < block; i++) {
                out.set(t * block + i, in.get(i) / steps);
            }
        }
    }
}
