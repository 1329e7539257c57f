package org.mpbnlab.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class SpikeRasterTest {

    @Test
    void keepsEverySpikeOfTheFirstSamplesAsOneBit() {
        int steps = 3;
        int batch = 4;
        int neurons = 70;
        double[] values = new double[steps * batch * neurons];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 7919) % 5 == 0 ? 1 : 0;
        }
        INDArray spikes = Nd4j.create(values, new long[] {steps * batch, neurons}, DataType.FLOAT);
        SpikeRaster raster = SpikeRaster.of(spikes, steps, batch, neurons, 2);
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < 2; b++) {
                int count = 0;
                for (int n = 0; n < neurons; n++) {
                    boolean expected = values[(t * batch + b) * neurons + n] == 1;
                    assertEquals(expected, raster.spiked(t, b, n));
                    count += expected ? 1 : 0;
                }
                assertEquals(count, raster.spikeCount(t, b));
            }
        }
        assertEquals(8L * ((steps * 2 * neurons + 63) / 64) + 32, raster.bytes());
    }

    @Test
    void refusesToKeepMoreSamplesThanTheBatchHas() {
        INDArray spikes = Nd4j.zeros(DataType.FLOAT, 2, 3);
        assertThrows(IllegalArgumentException.class, () -> SpikeRaster.of(spikes, 1, 2, 3, 5));
    }
}
