package org.mpbnlab.snn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mpbnlab.snn.kernel.ArrayView;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The firing rate is the exact mean of the spikes, across chunk boundaries, in float and double arrays. */
class FiringRateTest {

    @Test
    void rateIsTheExactMeanOfTheSpikes() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (int length : new int[] {1, 7, (1 << 14) + 3, 100_001}) {
                INDArray spikes = Nd4j.create(type, length);
                ArrayView view = ArrayView.of(spikes);
                SplittableRandom rng = new SplittableRandom(length);
                long count = 0;
                for (int i = 0; i < length; i++) {
                    if (rng.nextInt(3) == 0) {
                        view.set(i, 1.0);
                        count++;
                    }
                }
                assertEquals((double) count / length, FiringRate.of(spikes), 0.0, type + ", " + length + " spikes");
            }
        }
    }
}
