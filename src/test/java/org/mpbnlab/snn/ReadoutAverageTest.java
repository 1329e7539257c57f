package org.mpbnlab.snn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The readout, run once on the time-averaged spikes, gives the logits of docs/mathematics.md §1: the per-step readout averaged over T. */
class ReadoutAverageTest {

    @Test
    void logitsAreThePerStepReadoutAveragedOverTime() {
        int steps = 3;
        int batch = 5;
        NetworkSpec spec = Presets.build("mlp", new int[] {1, 6, 6}, 4, steps, LifParameters.defaults(),
                MpbnParameters.of(MpbnMode.CHANNEL, RunningStatsMode.SHARED));
        Network network = NetworkBuilder.build(spec, DataType.DOUBLE, 7);
        INDArray frames = TestArrays.uniform(new SplittableRandom(8), DataType.DOUBLE, batch, 1, 6, 6).muli(3);
        double[] logits = TestArrays.values(network.forward(frames, new Pass(steps, batch, true)));

        List<Layer> layers = network.layers();
        Dense readout = (Dense) layers.get(layers.size() - 1);
        double[] spikes = TestArrays.values(((NeuronLayer) layers.get(layers.size() - 2)).lastSpikes());
        double[] weight = TestArrays.values(readout.parameters().get(0).value());
        double[] bias = TestArrays.values(readout.parameters().get(1).value());
        int in = readout.inputShape()[0];
        int classes = 4;
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < classes; o++) {
                double average = 0;
                for (int t = 0; t < steps; t++) {
                    double y = bias[o];
                    for (int k = 0; k < in; k++) {
                        y += spikes[(t * batch + b) * in + k] * weight[k * classes + o];
                    }
                    average += y / steps;
                }
                assertEquals(average, logits[b * classes + o], 1e-12, "logit " + o + " of sample " + b);
            }
        }
    }
}
