package org.mpbnlab.snn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class Conv2dTest {

    private static final Pass TRAINING = new Pass(1, 3, true);
    private static final Pass INFERENCE = new Pass(1, 3, false);

    private static Conv2d layer(int padding, boolean bias, DataType type, long seed) {
        return new Conv2d(new int[] {2, 5, 5}, 3, 3, padding, bias, type, new SplittableRandom(seed));
    }

    private static double[] naiveOutput(Conv2d conv, INDArray input) {
        double[] bias = conv.hasBias() ? TestArrays.values(conv.parameters().get(1).value()) : null;
        return TestArrays.flat(NaiveConvolution.apply(TestArrays.nested(input),
                TestArrays.nested(conv.weight().value()), bias, conv.padding()));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void matchesTheNaiveConvolutionInDoublePrecision(int padding) {
        Conv2d conv = layer(padding, true, DataType.DOUBLE, 1);
        INDArray input = TestArrays.uniform(new SplittableRandom(2), DataType.DOUBLE, 3, 2, 5, 5);
        INDArray output = conv.forward(input, TRAINING);
        int size = 5 + 2 * padding - 3 + 1;
        assertArrayEquals(new long[] {3, 3, size, size}, output.shape());
        assertArrayEquals(naiveOutput(conv, input), TestArrays.values(output), 1e-12);
    }

    @Test
    void matchesTheNaiveConvolutionInFloatWithoutBias() {
        Conv2d conv = layer(1, false, DataType.FLOAT, 3);
        INDArray input = TestArrays.uniform(new SplittableRandom(4), DataType.FLOAT, 3, 2, 5, 5);
        assertArrayEquals(naiveOutput(conv, input), TestArrays.values(conv.forward(input, INFERENCE)), 1e-5);
    }

    @Test
    void matchesTheNaiveConvolutionForAWideKernelOnARectangularImage() {
        Conv2d conv = new Conv2d(new int[] {3, 6, 9}, 4, 5, 2, true, DataType.DOUBLE, new SplittableRandom(5));
        INDArray input = TestArrays.uniform(new SplittableRandom(6), DataType.DOUBLE, 2, 3, 6, 9);
        INDArray output = conv.forward(input, INFERENCE);
        assertArrayEquals(new long[] {2, 4, 6, 9}, output.shape());
        assertArrayEquals(naiveOutput(conv, input), TestArrays.values(output), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void backwardMatchesCentralDifferencesForInputWeightAndBias(int padding) {
        Conv2d conv = layer(padding, true, DataType.DOUBLE, 7);
        INDArray input = TestArrays.uniform(new SplittableRandom(8), DataType.DOUBLE, 3, 2, 5, 5);
        double worst = FiniteDifferences.assertBackwardMatches(conv, input, TRAINING, new SplittableRandom(9));
        assertTrue(worst < FiniteDifferences.TOLERANCE, "worst relative error " + worst);
    }

    /** A batch large enough for the native op to use several threads; answers stay bit-identical. */
    @Test
    void gradientsAreExactDirectionalDerivativesAndRepeatBitForBit() {
        Conv2d conv = new Conv2d(new int[] {3, 8, 8}, 4, 3, 1, true, DataType.DOUBLE, new SplittableRandom(30));
        SplittableRandom rng = new SplittableRandom(31);
        INDArray input = TestArrays.uniform(rng, DataType.DOUBLE, 40, 3, 8, 8);
        INDArray gradOutput = TestArrays.uniform(rng, DataType.DOUBLE, 40, 4, 8, 8);
        Pass pass = new Pass(4, 10, true);
        double[] output = TestArrays.values(conv.forward(input, pass));
        assertArrayEquals(naiveOutput(conv, input), output, 1e-12);
        double[] gradInput = TestArrays.values(conv.backward(gradOutput, true));
        double[] gradWeight = TestArrays.values(conv.weight().gradient());
        // L = Σ g·y is linear in the input and in the weights, so a unit step in a random direction v
        // changes L by exactly ⟨∂L/∂θ, v⟩ (up to rounding)
        double[] g = TestArrays.values(gradOutput);
        double before = TestArrays.linearLoss(conv.forward(input, pass), g);
        INDArray direction = TestArrays.uniform(rng, DataType.DOUBLE, 40, 3, 8, 8);
        double expectedChange = dot(gradInput, TestArrays.values(direction));
        double afterInputStep = TestArrays.linearLoss(conv.forward(input.add(direction), pass), g);
        assertEquals(expectedChange, afterInputStep - before, 1e-9 * Math.abs(expectedChange) + 1e-9);
        INDArray weightDirection = TestArrays.uniform(rng, DataType.DOUBLE, 4, 3, 3, 3);
        double expectedWeightChange = dot(gradWeight, TestArrays.values(weightDirection));
        INDArray originalWeights = conv.weight().value().dup();
        conv.weight().value().addi(weightDirection);
        double afterWeightStep = TestArrays.linearLoss(conv.forward(input, pass), g);
        assertEquals(expectedWeightChange, afterWeightStep - before, 1e-9 * Math.abs(expectedWeightChange) + 1e-9);
        // bit-identical on a repeat
        conv.weight().value().assign(originalWeights);
        conv.forward(input, pass);
        assertArrayEquals(gradInput, TestArrays.values(conv.backward(gradOutput, true)), 0.0);
        assertArrayEquals(gradWeight, TestArrays.values(conv.weight().gradient()), 0.0);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Test
    void biasGradientIsTheOutputGradientSummedOverSamplesAndPositions() {
        Conv2d conv = layer(1, true, DataType.DOUBLE, 10);
        INDArray input = TestArrays.uniform(new SplittableRandom(11), DataType.DOUBLE, 3, 2, 5, 5);
        conv.forward(input, TRAINING);
        double[] g = TestArrays.values(TestArrays.uniform(new SplittableRandom(12), DataType.DOUBLE, 3, 3, 5, 5));
        conv.backward(TestArrays.of(g, DataType.DOUBLE, 3, 3, 5, 5), false);
        double[] expected = new double[3];
        for (int index = 0; index < g.length; index++) {
            expected[(index / 25) % 3] += g[index];
        }
        assertArrayEquals(expected, TestArrays.values(conv.parameters().get(1).gradient()), 1e-12);
    }

    @Test
    void skippingTheInputGradientStillGivesTheSameWeightGradient() {
        Conv2d conv = layer(1, true, DataType.DOUBLE, 13);
        INDArray input = TestArrays.uniform(new SplittableRandom(14), DataType.DOUBLE, 3, 2, 5, 5);
        INDArray gradOutput = TestArrays.uniform(new SplittableRandom(15), DataType.DOUBLE, 3, 3, 5, 5);
        conv.forward(input, TRAINING);
        conv.backward(gradOutput, true);
        double[] full = TestArrays.values(conv.weight().gradient());
        conv.forward(input, TRAINING);
        assertNull(conv.backward(gradOutput, false));
        assertArrayEquals(full, TestArrays.values(conv.weight().gradient()), 0.0);
    }

    @Test
    void followsInPlaceUpdatesOfItsWeights() {
        Conv2d conv = layer(1, false, DataType.DOUBLE, 16);
        INDArray input = TestArrays.uniform(new SplittableRandom(17), DataType.DOUBLE, 3, 2, 5, 5);
        conv.weight().value().muli(2.0);
        assertArrayEquals(naiveOutput(conv, input), TestArrays.values(conv.forward(input, INFERENCE)), 1e-12);
    }

    @Test
    void reusesItsOutputWhileTheRowCountStaysTheSame() {
        Conv2d conv = layer(1, true, DataType.DOUBLE, 18);
        SplittableRandom rng = new SplittableRandom(19);
        INDArray first = conv.forward(TestArrays.uniform(rng, DataType.DOUBLE, 3, 2, 5, 5), TRAINING);
        assertSame(first, conv.forward(TestArrays.uniform(rng, DataType.DOUBLE, 3, 2, 5, 5), TRAINING));
        INDArray larger = TestArrays.uniform(rng, DataType.DOUBLE, 4, 2, 5, 5);
        INDArray output = conv.forward(larger, new Pass(2, 2, false));
        assertArrayEquals(naiveOutput(conv, larger), TestArrays.values(output), 1e-12);
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsAndBias() {
        Conv2d a = layer(1, true, DataType.FLOAT, 42);
        Conv2d b = layer(1, true, DataType.FLOAT, 42);
        Conv2d c = layer(1, true, DataType.FLOAT, 43);
        for (int p = 0; p < 2; p++) {
            assertEquals(a.parameters().get(p).value(), b.parameters().get(p).value());
        }
        assertTrue(!a.weight().value().equals(c.weight().value()), "different seeds should give different weights");
    }

    @Test
    void initialWeightsAndBiasFillTheKaimingUniformRange() {
        Conv2d conv = new Conv2d(new int[] {8, 6, 6}, 16, 3, 1, true, DataType.DOUBLE, new SplittableRandom(20));
        double bound = 1.0 / Math.sqrt(8 * 9);
        for (Parameter parameter : conv.parameters()) {
            double[] values = TestArrays.values(parameter.value());
            double largest = 0.0;
            double mean = 0.0;
            for (double v : values) {
                largest = Math.max(largest, Math.abs(v));
                mean += v / values.length;
            }
            assertTrue(largest <= bound, parameter.name() + " exceeds the bound " + bound);
            assertTrue(largest > 0.8 * bound, parameter.name() + " does not spread over the range");
            assertTrue(Math.abs(mean) < 0.25 * bound, parameter.name() + " is not centred");
        }
        assertTrue(conv.weight().decayed());
        assertTrue(!conv.parameters().get(1).decayed());
        assertEquals("weight", conv.parameters().get(0).name());
        assertEquals("bias", conv.parameters().get(1).name());
    }

    @Test
    void rejectsAnInputOfTheWrongShape() {
        Conv2d conv = layer(1, true, DataType.DOUBLE, 21);
        INDArray wrong = TestArrays.uniform(new SplittableRandom(22), DataType.DOUBLE, 3, 3, 5, 5);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> conv.forward(wrong, TRAINING));
        assertEquals("conv2d input has shape [3, 3, 5, 5] but the layer expects [N, 2, 5, 5]", error.getMessage());
    }

    @Test
    void rejectsAnInputOfTheWrongDataType() {
        Conv2d conv = layer(1, true, DataType.FLOAT, 23);
        INDArray doubles = TestArrays.uniform(new SplittableRandom(24), DataType.DOUBLE, 3, 2, 5, 5);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> conv.forward(doubles, TRAINING));
        assertTrue(error.getMessage().startsWith("conv2d was built for FLOAT but its input is DOUBLE"));
    }

    @Test
    void rejectsImpossibleConstructions() {
        SplittableRandom rng = new SplittableRandom(25);
        assertThrows(IllegalArgumentException.class,
                () -> new Conv2d(new int[] {2, 5}, 3, 3, 1, true, DataType.FLOAT, rng));
        assertThrows(IllegalArgumentException.class,
                () -> new Conv2d(new int[] {2, 5, 5}, 0, 3, 1, true, DataType.FLOAT, rng));
        assertThrows(IllegalArgumentException.class,
                () -> new Conv2d(new int[] {2, 5, 5}, 3, 3, 3, true, DataType.FLOAT, rng));
        assertThrows(IllegalArgumentException.class,
                () -> new Conv2d(new int[] {2, 2, 5}, 3, 3, 0, true, DataType.FLOAT, rng));
        assertThrows(IllegalArgumentException.class,
                () -> new Conv2d(new int[] {2, 5, 5}, 3, 3, 1, true, DataType.HALF, rng));
    }

    @Test
    void refusesBackwardWithoutATrainingForwardPass() {
        Conv2d conv = layer(1, true, DataType.DOUBLE, 26);
        INDArray input = TestArrays.uniform(new SplittableRandom(27), DataType.DOUBLE, 3, 2, 5, 5);
        INDArray gradOutput = TestArrays.uniform(new SplittableRandom(28), DataType.DOUBLE, 3, 3, 5, 5);
        IllegalStateException first = assertThrows(IllegalStateException.class, () -> conv.backward(gradOutput, true));
        assertTrue(first.getMessage().startsWith("conv2d backward needs a training forward pass first"));
        conv.forward(input, INFERENCE);
        assertThrows(IllegalStateException.class, () -> conv.backward(gradOutput, true));
        conv.forward(input, TRAINING);
        INDArray tooFew = TestArrays.uniform(new SplittableRandom(29), DataType.DOUBLE, 2, 3, 5, 5);
        assertThrows(IllegalArgumentException.class, () -> conv.backward(tooFew, true));
        double[] once = TestArrays.values(conv.backward(gradOutput, true));
        assertArrayEquals(once, TestArrays.values(conv.backward(gradOutput, true)), 0.0);
    }

    /** The layer keeps its own copy of the training input, so a caller may reuse its array before backward. */
    @Test
    void backwardUsesTheInputAsItWasDuringForward() {
        Conv2d conv = layer(1, true, DataType.DOUBLE, 32);
        INDArray input = TestArrays.uniform(new SplittableRandom(33), DataType.DOUBLE, 3, 2, 5, 5);
        INDArray gradOutput = TestArrays.uniform(new SplittableRandom(34), DataType.DOUBLE, 3, 3, 5, 5);
        conv.forward(input, TRAINING);
        conv.backward(gradOutput, false);
        double[] expected = TestArrays.values(conv.weight().gradient());
        conv.forward(input, TRAINING);
        input.muli(-3.0);
        conv.backward(gradOutput, false);
        assertArrayEquals(expected, TestArrays.values(conv.weight().gradient()), 0.0);
    }

    /** oneDNN computes the float convolution; it must agree with the double-precision one. */
    @Test
    void floatAndDoubleConvolutionsAgree() {
        SplittableRandom rng = new SplittableRandom(35);
        Conv2d single = new Conv2d(new int[] {4, 9, 9}, 6, 3, 1, true, DataType.FLOAT, new SplittableRandom(36));
        Conv2d dual = new Conv2d(new int[] {4, 9, 9}, 6, 3, 1, true, DataType.DOUBLE, new SplittableRandom(36));
        INDArray input = TestArrays.uniform(rng, DataType.DOUBLE, 8, 4, 9, 9);
        INDArray gradOutput = TestArrays.uniform(rng, DataType.DOUBLE, 8, 6, 9, 9);
        Pass pass = new Pass(2, 4, true);
        assertArrayEquals(TestArrays.values(dual.forward(input, pass)),
                TestArrays.values(single.forward(input.castTo(DataType.FLOAT), pass)), 1e-5);
        assertArrayEquals(TestArrays.values(dual.backward(gradOutput, true)),
                TestArrays.values(single.backward(gradOutput.castTo(DataType.FLOAT), true)), 1e-5);
        for (int p = 0; p < 2; p++) {
            assertArrayEquals(TestArrays.values(dual.parameters().get(p).gradient()),
                    TestArrays.values(single.parameters().get(p).gradient()), 1e-4);
        }
    }
}
