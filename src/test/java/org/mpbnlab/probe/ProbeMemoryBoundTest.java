package org.mpbnlab.probe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mpbnlab.snn.LifParameters;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.MpbnParameters;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.NetworkBuilder;
import org.mpbnlab.snn.Pass;
import org.mpbnlab.snn.Presets;
import org.mpbnlab.snn.RunningStatsMode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The bound stated in {@link ProbeRecorder}: under 1 MiB per frame for conv-small at T = 8. */
class ProbeMemoryBoundTest {

    @Test
    void aFrameOfTheLargestPresetOnColourImagesAtEightStepsStaysUnderOneMebibyte() {
        int steps = 8;
        int batch = 12;
        Network network = NetworkBuilder.build(Presets.build("conv-small", new int[] {3, 32, 32}, 10, steps,
                LifParameters.defaults(), MpbnParameters.of(MpbnMode.ELEMENT, RunningStatsMode.PER_STEP)),
                DataType.FLOAT, 3);
        network.forward(Nd4j.rand(DataType.FLOAT, steps * batch, 3, 32, 32), new Pass(steps, batch, true));
        ProbeFrame frame = new ProbeRecorder(network).record(0, StatisticsSource.TRAINING_BATCH);
        assertTrue(frame.bytes() < ProbeRecorder.FRAME_BYTES_BOUND, "frame holds " + frame.bytes() + " bytes");
        assertTrue(frame.withoutSpikes().bytes() < 600 * 1024, "history frame holds " + frame.withoutSpikes().bytes());
    }
}
