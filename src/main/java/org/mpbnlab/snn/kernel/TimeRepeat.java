package org.mpbnlab.snn.kernel;

/**
 * Moving row-stacked values between one step and T steps ({@code row t·B + b}): repeating a frame over
 * time, averaging over time, and the adjoints of both.
 */
public final class TimeRepeat {

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
     * {@code out[b] = (Σ_t in[t·B + b]) / divisor}, summed in double in the order of t, over heap copies (an element
     * access through a native buffer costs several times a plain array access): the input is read from the
     * heap (copied there first if it is native) and the result is written to the heap, then copied in bulk.
     */
    private static void sumOverSteps(ArrayView in, ArrayView out, int steps, int divisor) {
        int block = out.length();
        ArrayView source = onHeap(in);
        ArrayView total = isHeap(out) ? out : out.heapOfSameType(block);
        TwoWaySplit.run(block, in.length(), (from, to) -> {
            for (int i = from; i < to; i++) {
                double sum = 0;
                for (int t = 0; t < steps; t++) {
                    sum += source.get(t * block + i);
                }
                total.set(i, divisor == 1 ? sum : sum / divisor);
            }
        });
        if (total != out) {
            total.copyRangeTo(0, out, 0, block);
        }
    }

    /** {@code out[t·B + b] = in[b] / T}: the adjoint of {@link #average}, written on the heap, copied in bulk. */
    public static void spreadAverage(ArrayView in, ArrayView out, int steps) {
        int block = in.length();
        ArrayView source = onHeap(in);
        ArrayView share = source.heapOfSameType(block);
        for (int i = 0; i < block; i++) {
            share.set(i, source.get(i) / steps);
        }
        for (int t = 0; t < steps; t++) {
            share.copyRangeTo(0, out, t * block, block);
        }
    }

    private static boolean isHeap(ArrayView view) {
        return view instanceof ArrayView.HeapFloats || view instanceof ArrayView.HeapDoubles;
    }

    /** {@code view} itself when it is on the heap, else a heap copy of it. */
    private static ArrayView onHeap(ArrayView view) {
        if (isHeap(view)) {
            return view;
        }
        ArrayView copy = view.heapOfSameType(view.length());
        view.copyRangeTo(0, copy, 0, view.length());
        return copy;
    }
}
