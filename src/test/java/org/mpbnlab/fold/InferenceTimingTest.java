package org.mpbnlab.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.Pass;
import org.mpbnlab.snn.RunningStatsMode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Interleaved timing gives one figure per network, in order; the median is the middle of the rounds. */
class InferenceTimingTest {

    @Test
    void medianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertEquals(3.0, InferenceTiming.median(new double[] {5, 1, 3}));
        assertEquals(2.5, InferenceTiming.median(new double[] {4, 1, 2, 3}));
    }

    @Test
    void interleavedTimingMeasuresEveryNetworkInTheGivenOrder() {
        Network mpbn = FoldedNetworkTest.randomNetwork(MpbnMode.CHANNEL, RunningStatsMode.SHARED, 1);
        Network folded = ThresholdFolder.fold(mpbn, FoldMethod.EXACT).network();
        Pass pass = new Pass(3, 4, false);
        INDArray input = Nd4j.rand(DataType.FLOAT, 12, 1, 6, 6);
        double[] rates = InferenceTiming.interleaved(List.of(mpbn, folded), input, pass, 1, 3, 0.01);
        assertEquals(2, rates.length);
        for (double rate : rates) {
            assertTrue(rate > 0 && Double.isFinite(rate), "samples per second: " + rate);
        }
    }
}
