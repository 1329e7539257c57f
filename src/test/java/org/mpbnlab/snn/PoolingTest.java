package org.mpbnlab.snn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class PoolingTest {

    private static final Pass TRAINING = new Pass(1, 2, true);
    private static final Pass INFERENCE = new Pass(1, 2, false);

    /** One 4×4 channel, values 0…15 row by row, except a 20 in the bottom-right window. */
    private static INDArray fourByFour(DataType type) {
        double[] values = new double[16];
        for (int i = 0; i < 16; i++) {
            values[i] = i;
        }
        values[10] = 20;
        return TestArrays.of(values, type, 1, 1, 4, 4);
    }

    @Test
    void averagePoolingAveragesEachWindow() {
        AvgPool2d pool = new AvgPool2d(new int[] {1, 4, 4}, 2);
        INDArray output = pool.forward(fourByFour(DataType.FLOAT), new Pass(1, 1, true));
        assertArrayEquals(new long[] {1, 1, 2, 2}, output.shape());
        // windows {0,1,4,5}, {2,3,6,7}, {8,9,12,13}, {20,11,14,15}
        assertArrayEquals(new double[] {2.5, 4.5, 10.5, 15.0}, TestArrays.values(output), 1e-6);
    }

    @Test
    void floatAveragePoolingAgreesWithDoubleOverManyPlanes() {
        AvgPool2d pool = new AvgPool2d(new int[] {2, 6, 8}, 2);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        double[] values = new double[3 * 2 * 6 * 8];
        for (int i = 0; i < values.length; i++) {
            values[i] = rng.nextGaussian();
        }
        double[] single = TestArrays.values(pool.forward(TestArrays.of(values, DataType.FLOAT, 3, 2, 6, 8),
                new Pass(1, 3, false)));
        double[] twice = TestArrays.values(new AvgPool2d(new int[] {2, 6, 8}, 2).forward(
                TestArrays.of(values, DataType.DOUBLE, 3, 2, 6, 8), new Pass(1, 3, false)));
        assertArrayEquals(twice, single, 1e-6);
    }

    @Test
    void averagePoolingSpreadsEachGradientEvenlyOverItsWindow() {
        AvgPool2d pool = new AvgPool2d(new int[] {1, 4, 4}, 2);
        pool.forward(fourByFour(DataType.DOUBLE), new Pass(1, 1, true));
        INDArray gradOutput = TestArrays.of(new double[] {4, 8, 12, 16}, DataType.DOUBLE, 1, 1, 2, 2);
        assertArrayEquals(new double[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4},
                TestArrays.values(pool.backward(gradOutput, true)), 0.0);
    }

    @Test
    void maxPoolingTakesEachWindowsMaximum() {
        MaxPool2d pool = new MaxPool2d(new int[] {1, 4, 4}, 2);
        INDArray output = pool.forward(fourByFour(DataType.DOUBLE), new Pass(1, 1, true));
        assertArrayEquals(new double[] {5, 7, 13, 20}, TestArrays.values(output), 0.0);
    }

    @Test
    void maxPoolingRoutesEachGradientToItsWindowsMaximum() {
        MaxPool2d pool = new MaxPool2d(new int[] {1, 4, 4}, 2);
        pool.forward(fourByFour(DataType.DOUBLE), new Pass(1, 1, true));
        INDArray gradOutput = TestArrays.of(new double[] {1, 2, 3, 4}, DataType.DOUBLE, 1, 1, 2, 2);
        double[] expected = new double[16];
        expected[5] = 1;
        expected[7] = 2;
        expected[13] = 3;
        expected[10] = 4;
        assertArrayEquals(expected, TestArrays.values(pool.backward(gradOutput, true)), 0.0);
    }

    @Test
    void maxPoolingGivesATiedGradientToTheFirstMaximum() {
        MaxPool2d pool = new MaxPool2d(new int[] {1, 2, 2}, 2);
        pool.forward(TestArrays.of(new double[] {1, 3, 3, 3}, DataType.FLOAT, 1, 1, 2, 2), new Pass(1, 1, true));
        INDArray gradOutput = TestArrays.of(new double[] {5}, DataType.FLOAT, 1, 1, 1, 1);
        assertArrayEquals(new double[] {0, 5, 0, 0}, TestArrays.values(pool.backward(gradOutput, true)), 0.0);
    }

    @Test
    void maxPoolingBackwardFollowsTheLastTrainingPassNotALaterInference() {
        MaxPool2d pool = new MaxPool2d(new int[] {1, 4, 4}, 2);
        pool.forward(fourByFour(DataType.DOUBLE), new Pass(1, 1, true));
        double[] reversed = new double[16];
        for (int i = 0; i < 16; i++) {
            reversed[i] = 16 - i;
        }
        pool.forward(TestArrays.of(reversed, DataType.DOUBLE, 1, 1, 4, 4), new Pass(1, 1, false));
        INDArray gradOutput = TestArrays.of(new double[] {1, 1, 1, 1}, DataType.DOUBLE, 1, 1, 2, 2);
        double[] gradient = TestArrays.values(pool.backward(gradOutput, true));
        assertEquals(1.0, gradient[5]);
        assertEquals(0.0, gradient[0]);
    }

    @Test
    void bothPoolingsMatchCentralDifferencesOnRandomInputs() {
        SplittableRandom rng = new SplittableRandom(31);
        INDArray input = TestArrays.uniform(rng, DataType.DOUBLE, 2, 3, 6, 4);
        for (Layer pool : new Layer[] {new AvgPool2d(new int[] {3, 6, 4}, 2), new MaxPool2d(new int[] {3, 6, 4}, 2)}) {
            double worst = FiniteDifferences.assertBackwardMatches(pool, input, TRAINING, rng);
            assertTrue(worst < FiniteDifferences.TOLERANCE, pool.kind() + " worst relative error " + worst);
        }
    }

    @Test
    void poolingByThreeShrinksEachSideByThree() {
        SplittableRandom rng = new SplittableRandom(32);
        INDArray input = TestArrays.uniform(rng, DataType.FLOAT, 2, 2, 6, 9);
        AvgPool2d avg = new AvgPool2d(new int[] {2, 6, 9}, 3);
        MaxPool2d max = new MaxPool2d(new int[] {2, 6, 9}, 3);
        assertArrayEquals(new int[] {2, 2, 3}, avg.outputShape());
        double[] in = TestArrays.values(input);
        double[] averages = TestArrays.values(avg.forward(input, INFERENCE));
        double[] maxima = TestArrays.values(max.forward(input, INFERENCE));
        // window (n=1, c=1, y=1, x=2) covers rows 3..5, columns 6..8 of plane 3
        double sum = 0;
        double largest = Double.NEGATIVE_INFINITY;
        for (int row = 3; row < 6; row++) {
            for (int column = 6; column < 9; column++) {
                double v = in[(3 * 6 + row) * 9 + column];
                sum += v;
                largest = Math.max(largest, v);
            }
        }
        int window = ((1 * 2 + 1) * 2 + 1) * 3 + 2;
        assertEquals(sum / 9, averages[window], 1e-6);
        assertEquals(largest, maxima[window], 0.0);
    }

    /** 64 × 4 × 16 × 16 inputs: enough work that the loops run on two threads. */
    @Test
    void largeBatchesMatchPlainNestedLoops() {
        SplittableRandom rng = new SplittableRandom(34);
        INDArray input = TestArrays.uniform(rng, DataType.DOUBLE, 64, 4, 16, 16);
        INDArray gradOutput = TestArrays.uniform(rng, DataType.DOUBLE, 64, 4, 8, 8);
        double[] in = TestArrays.values(input);
        double[] g = TestArrays.values(gradOutput);
        double[] averages = new double[g.length];
        double[] maxima = new double[g.length];
        double[] averageGradient = new double[in.length];
        double[] maxGradient = new double[in.length];
        for (int window = 0; window < g.length; window++) {
            int plane = window / 64;
            int y = (window / 8) % 8;
            int x = window % 8;
            int best = -1;
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    int at = (plane * 16 + 2 * y + i) * 16 + 2 * x + j;
                    averages[window] += in[at] / 4;
                    averageGradient[at] = g[window] / 4;
                    if (best < 0 || in[at] > in[best]) {
                        best = at;
                    }
                }
            }
            maxima[window] = in[best];
            maxGradient[best] = g[window];
        }
        Pass pass = new Pass(4, 16, true);
        AvgPool2d avg = new AvgPool2d(new int[] {4, 16, 16}, 2);
        MaxPool2d max = new MaxPool2d(new int[] {4, 16, 16}, 2);
        assertArrayEquals(averages, TestArrays.values(avg.forward(input, pass)), 1e-12);
        assertArrayEquals(averageGradient, TestArrays.values(avg.backward(gradOutput, true)), 1e-15);
        assertArrayEquals(maxima, TestArrays.values(max.forward(input, pass)), 0.0);
        assertArrayEquals(maxGradient, TestArrays.values(max.backward(gradOutput, true)), 0.0);
    }

    @Test
    void rejectsAKernelThatDoesNotDivideTheInput() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new AvgPool2d(new int[] {4, 7, 8}, 2));
        assertEquals("avgpool2d kernel 2 does not divide the input size 7×8: crop or pad the input to a multiple of 2",
                error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MaxPool2d(new int[] {4, 8, 9}, 2));
        assertThrows(IllegalArgumentException.class, () -> new MaxPool2d(new int[] {4, 8, 8}, 0));
        assertThrows(IllegalArgumentException.class, () -> new MaxPool2d(new int[] {8, 8}, 2));
    }

    @Test
    void rejectsAnInputOfTheWrongShape() {
        AvgPool2d pool = new AvgPool2d(new int[] {2, 4, 4}, 2);
        INDArray wrong = TestArrays.uniform(new SplittableRandom(33), DataType.FLOAT, 2, 2, 4, 6);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> pool.forward(wrong, TRAINING));
        assertEquals("avgpool2d input has shape [2, 2, 4, 6] but the layer expects [N, 2, 4, 4]", error.getMessage());
    }

    @Test
    void maxPoolingRefusesBackwardWithoutATrainingPass() {
        MaxPool2d pool = new MaxPool2d(new int[] {1, 4, 4}, 2);
        INDArray gradOutput = TestArrays.of(new double[] {1, 2, 3, 4}, DataType.DOUBLE, 1, 1, 2, 2);
        assertThrows(IllegalStateException.class, () -> pool.backward(gradOutput, true));
        pool.forward(fourByFour(DataType.DOUBLE), new Pass(1, 1, false));
        assertThrows(IllegalStateException.class, () -> pool.backward(gradOutput, true));
        pool.forward(fourByFour(DataType.DOUBLE), new Pass(1, 1, true));
        assertNull(pool.backward(gradOutput, false));
    }
}
