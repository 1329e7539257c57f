package org.mpbnlab.snn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class FlattenTest {

    private static final Pass PASS = new Pass(1, 3, true);

    @Test
    void flattensEachSampleInRowMajorOrder() {
        Flatten flatten = new Flatten(new int[] {2, 3, 4});
        assertArrayEquals(new int[] {24}, flatten.outputShape());
        INDArray input = TestArrays.uniform(new SplittableRandom(41), DataType.FLOAT, 3, 2, 3, 4);
        INDArray output = flatten.forward(input, PASS);
        assertArrayEquals(new long[] {3, 24}, output.shape());
        // element [n=2, c=1, y=2, x=3] lands at column (1·3 + 2)·4 + 3 = 23 of row 2
        assertEquals(input.getDouble(2, 1, 2, 3), output.getDouble(2, 23), 0.0);
        assertArrayEquals(TestArrays.values(input), TestArrays.values(output), 0.0);
    }

    @Test
    void backwardRestoresTheSampleShape() {
        Flatten flatten = new Flatten(new int[] {2, 3, 4});
        INDArray input = TestArrays.uniform(new SplittableRandom(42), DataType.DOUBLE, 3, 2, 3, 4);
        flatten.forward(input, PASS);
        INDArray gradOutput = TestArrays.uniform(new SplittableRandom(43), DataType.DOUBLE, 3, 24);
        INDArray gradInput = flatten.backward(gradOutput, true);
        assertArrayEquals(new long[] {3, 2, 3, 4}, gradInput.shape());
        assertArrayEquals(TestArrays.values(gradOutput), TestArrays.values(gradInput), 0.0);
    }

    @Test
    void rejectsAnInputOfTheWrongShape() {
        Flatten flatten = new Flatten(new int[] {2, 3, 4});
        INDArray wrong = TestArrays.uniform(new SplittableRandom(44), DataType.FLOAT, 3, 24);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> flatten.forward(wrong, PASS));
        assertEquals("flatten input has shape [3, 24] but the layer expects [N, 2, 3, 4]", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Flatten(new int[] {2, 0, 4}));
    }
}
