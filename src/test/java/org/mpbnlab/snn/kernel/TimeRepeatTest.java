package org.mpbnlab.snn.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Sums and averages over time, read and written in heap chunks, against the plain formula summed in double in
 * the order of t: bit for bit, for native and heap arrays, blocks spanning several chunks and a partial last
 * chunk, and fewer steps than the input holds (the running averages after each step).
 */
class TimeRepeatTest {

    private static final int STEPS = 16;
    /** Over two chunks of 16 384 / 16 = 1 024 values and a partial third; odd, so the two threads' halves differ. */
    private static final int BLOCK = 2_501;

    private static float[] randomFloats(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) (random.nextDouble() * 4 - 2);
        }
        return values;
    }

    private static ArrayView nativeFloats(float[] values) {
        return ArrayView.of(Nd4j.createFromArray(values.clone()));
    }

    private static ArrayView heapFloats(float[] values) {
        ArrayView view = ArrayView.heap(DataType.FLOAT, values.length);
        for (int i = 0; i < values.length; i++) {
            view.set(i, values[i]);
        }
        return view;
    }

    /** {@code (float) ((Σ_{t<steps} in[t·B + b]) / divisor)} with the sum in double, t in order. */
    private static float expected(float[] in, int b, int steps, int divisor) {
        double sum = 0;
        for (int t = 0; t < steps; t++) {
            sum += in[t * BLOCK + b];
        }
        return (float) (divisor == 1 ? sum : sum / divisor);
    }

    @Test
    void averageAndSumAreTheFormulaBitForBitFromNativeAndHeapArrays() {
        float[] in = randomFloats(STEPS * BLOCK, 7);
        for (boolean nativeIn : new boolean[] {true, false}) {
            for (boolean nativeOut : new boolean[] {true, false}) {
                for (int steps : new int[] {1, 5, STEPS}) {
                    ArrayView source = nativeIn ? nativeFloats(in) : heapFloats(in);
                    ArrayView averaged = nativeOut ? nativeFloats(new float[BLOCK]) : heapFloats(new float[BLOCK]);
                    ArrayView summed = nativeOut ? nativeFloats(new float[BLOCK]) : heapFloats(new float[BLOCK]);
                    TimeRepeat.average(source, averaged, steps);
                    TimeRepeat.sum(source, summed, steps);
                    for (int b = 0; b < BLOCK; b++) {
                        String where = "b = " + b + ", T = " + steps + ", native in " + nativeIn + ", out " + nativeOut;
                        assertEquals(expected(in, b, steps, steps), (float) averaged.get(b), 0.0f, where);
                        assertEquals(expected(in, b, steps, 1), (float) summed.get(b), 0.0f, where);
                    }
                }
            }
        }
    }

    @Test
    void spreadAverageWritesEveryStepTheInputOverT() {
        int block = 40_000;
        float[] in = randomFloats(block, 11);
        for (boolean nativeArrays : new boolean[] {true, false}) {
            ArrayView source = nativeArrays ? nativeFloats(in) : heapFloats(in);
            ArrayView out = nativeArrays ? nativeFloats(new float[3 * block]) : heapFloats(new float[3 * block]);
            TimeRepeat.spreadAverage(source, out, 3);
            for (int t = 0; t < 3; t++) {
                for (int b = 0; b < block; b++) {
                    assertEquals((float) ((double) in[b] / 3), (float) out.get(t * block + b), 0.0f,
                            "t = " + t + ", b = " + b + ", native " + nativeArrays);
                }
            }
        }
    }
}
