package org.mpbnlab.snn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A neuron layer given one static frame per sample computes exactly what it computes on the frame written out per step. */
class StaticFramesTest {

    private static final int STEPS = 3;
    private static final int BATCH = 4;
    private static final int[] SHAPE = {2, 3, 3};

    private static LifNeurons layer(MpbnMode mode) {
        return new LifNeurons(SHAPE, STEPS, LifParameters.defaults(), MpbnParameters.of(mode, RunningStatsMode.SHARED),
                DataType.FLOAT);
    }

    @ParameterizedTest
    @EnumSource(MpbnMode.class)
    void staticFramesGiveTheSameSpikesMembranesAndSummedGradient(MpbnMode mode) {
        SplittableRandom rng = new SplittableRandom(3);
        INDArray frames = TestArrays.uniform(rng, DataType.FLOAT, BATCH, 2, 3, 3).muli(2);
        INDArray written = Nd4j.concat(0, frames, frames, frames);
        INDArray gradOutput = TestArrays.uniform(rng, DataType.FLOAT, STEPS * BATCH, 2, 3, 3);
        for (boolean training : new boolean[] {true, false}) {
            Pass pass = new Pass(STEPS, BATCH, training);
            LifNeurons once = layer(mode);
            LifNeurons explicit = layer(mode);
            assertArrayEquals(TestArrays.values(explicit.forward(written, pass)),
                    TestArrays.values(once.forward(frames, pass)), 0.0);
            assertArrayEquals(TestArrays.values(explicit.lastMembraneBeforeNorm()),
                    TestArrays.values(once.lastMembraneBeforeNorm()), 0.0);
            assertArrayEquals(TestArrays.values(written), TestArrays.values(once.lastInputCurrent()), 0.0);
            if (!training) {
                continue;
            }
            double[] explicitGrad = TestArrays.values(explicit.backward(gradOutput, true));
            INDArray summed = once.backward(gradOutput, true);
            assertArrayEquals(new long[] {BATCH, 2, 3, 3}, summed.shape());
            double[] sums = TestArrays.values(summed);
            int block = sums.length;
            for (int i = 0; i < block; i++) {
                double expected = 0;
                for (int t = 0; t < STEPS; t++) {
                    expected += explicitGrad[t * block + i];
                }
                assertEquals((float) expected, sums[i], 0.0, "gradient at " + i);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = MpbnMode.class, names = "CHANNEL")
    void aRowCountThatIsNeitherTbNorBIsRefused(MpbnMode mode) {
        INDArray wrong = Nd4j.zeros(DataType.FLOAT, 5, 2, 3, 3);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> layer(mode).forward(wrong, new Pass(STEPS, BATCH, true)));
        assertEquals("neuron layer input has 5 rows; expected T·B = 12 (one frame per step) or B = 4"
                + " (one static frame per sample)", error.getMessage());
    }
}
