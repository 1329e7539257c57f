package org.mpbnlab.snn.kernel;

/**
 * Moving row-stacked values between one step and T steps ({@code row t·B + b}): repeating a frame over
 * time, averaging over time, and the adjoints of both.
 */
public final class TimeRepeat {

    /** Values per heap chunk: small enough for the L2 cache and the young generation. */
    private static final int CHUNK = 1 << 14;

    private TimeRepeat() {
    }

    /** {@code out[t·B + b] = in[b]} for every t, as T bulk copies. */
    public static void repeat(ArrayView in, ArrayView out, int steps) {
        int block = in.length();
        for (int t = 0; t < steps; t++) {
            in.copyRangeTo(0, out, t * block, block);
        }
    }

    /** {@code out[b] = Σ_t in[t·B + b]}: the adjoint of {@link #repeat}, summed in double in the order of t. */
    public static void sum(ArrayView in, ArrayView out, int steps) {
        sumOverSteps(in, out, steps, 1);
    }

    /** {@code out[b] = (1/T)·Σ_t in[t·B + b]}. */
    public static void average(ArrayView in, ArrayView out, int steps) {
        sumOverSteps(in, out, steps, steps);
    }

    /**
     * {@code out[b] = (Σ_t in[t·B + b]) / divisor}, summed in double in the order of t. An element access through a
     * native buffer costs several times a plain array access, so a native input is read in chunks: for a few
     * thousand b at a time, the T slices are copied in bulk to a small heap array and summed there; a native
     * result is written to a small heap array and copied in bulk. The chunks are small and made once per call
     * and thread: copying the whole input to the heap instead allocated T·B values at every call (12.8 MB per
     * training batch of conv-small at T = 16), arrays large enough for the garbage collector to start a marking
     * cycle, whose pauses stop the window too.
     */
    private static void sumOverSteps(ArrayView in, ArrayView out, int steps, int divisor) {
        int block = out.length();
        int span = Math.max(1, CHUNK / steps);
        TwoWaySplit.run(block, in.length(), (from, to) -> {
            int width = Math.min(span, to - from);
            ArrayView slices = isHeap(in) ? null : in.heapOfSameType(steps * width);
            ArrayView totals = isHeap(out) ? null : out.heapOfSameType(width);
            for (int start = from; start < to; start += span) {
                int count = Math.min(span, to - start);
                if (slices != null) {
                    for (int t = 0; t < steps; t++) {
                        in.copyRangeTo(t * block + start, slices, t * count, count);
                    }
                }
                for (int i = 0; i < count; i++) {
                    double sum = 0;
                    for (int t = 0; t < steps; t++) {
                        sum += slices != null ? slices.get(t * count + i) : in.get(t * block + start + i);
                    }
                    double value = divisor == 1 ? sum : sum / divisor;
                    if (totals != null) {
                        totals.set(i, value);
                    } else {
                        out.set(start + i, value);
                    }
                }
                if (totals != null) {
                    totals.copyRangeTo(0, out, start, count);
                }
            }
        });
    }

    /**
     * {@code out[t·B + b] = in[b] / T}: the adjoint of {@link #average}, computed on the heap a chunk at a time
     * and copied in bulk to each step.
     */
    public static void spreadAverage(ArrayView in, ArrayView out, int steps) {
        int block = in.length();
        int width = Math.min(Math.max(1, block), CHUNK);
        ArrayView source = in.heapOfSameType(width);
        ArrayView share = in.heapOfSameType(width);
        for (int start = 0; start < block; start += width) {
            int count = Math.min(width, block - start);
            in.copyRangeTo(start, source, 0, count);
            for (int i = 0; i < count; i++) {
                share.set(i, source.get(i) / steps);
            }
            for (int t = 0; t < steps; t++) {
                share.copyRangeTo(0, out, t * block + start, count);
            }
        }
    }

    private static boolean isHeap(ArrayView view) {
        return view instanceof ArrayView.HeapFloats || view instanceof ArrayView.HeapDoubles;
    }
}
