package org.mpbnlab.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mpbnlab.snn.LifNeurons;
import org.mpbnlab.snn.LifParameters;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.MpbnParameters;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.NetworkBuilder;
import org.mpbnlab.snn.Pass;
import org.mpbnlab.snn.Presets;
import org.mpbnlab.snn.RunningStatsMode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The recorder's histograms and summaries against values read straight from the layer's buffers. */
class ProbeRecorderTest {

    private static final int T = 3;
    private static final int B = 5;

    private static Network run(String preset, int[] inputShape, MpbnMode mode, boolean training) {
        Network network = NetworkBuilder.build(Presets.build(preset, inputShape, 3, T, LifParameters.defaults(),
                MpbnParameters.of(mode, RunningStatsMode.SHARED)), DataType.FLOAT, 11);
        network.forward(randomInput(network), new Pass(T, B, training));
        return network;
    }

    /** Runs the same input through {@code network} again (after its parameters were changed). */
    private static Network rerun(Network network, boolean training) {
        network.forward(randomInput(network), new Pass(T, B, training));
        return network;
    }

    /** The input every run gets: [T·B, input shape…] of N(0, 2²) values from seed 5. */
    private static INDArray randomInput(Network network) {
        int[] inputShape = network.spec().inputShape();
        long[] shape = new long[inputShape.length + 1];
        shape[0] = (long) T * B;
        for (int i = 0; i < inputShape.length; i++) {
            shape[i + 1] = inputShape[i];
        }
        SplittableRandom rng = new SplittableRandom(5);
        INDArray input = Nd4j.create(DataType.FLOAT, shape);
        float[] values = new float[(int) input.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (2 * rng.nextGaussian());
        }
        input.data().setData(values);
        return input;
    }

    /** Values of step t (rows t·B .. t·B + B − 1), optionally of one channel only. */
    private static double[] stepValues(INDArray array, int t, int channel, int channels, int spatial) {
        float[] all = array.data().asFloat();
        int rowSize = (int) (array.length() / ((long) T * B));
        return Arrays.stream(rangeOfStep(t, rowSize))
                .filter(i -> channel < 0 || ((i % rowSize) / spatial) == channel)
                .mapToDouble(i -> all[i]).toArray();
    }

    private static int[] rangeOfStep(int t, int rowSize) {
        int[] indices = new int[B * rowSize];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = t * B * rowSize + i;
        }
        return indices;
    }

    private static void assertSummary(double[] values, Histogram h) {
        double mean = Arrays.stream(values).average().orElseThrow();
        double variance = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / values.length;
        long above = Arrays.stream(values).filter(v -> v > h.threshold()).count();
        assertEquals(values.length, h.count());
        assertEquals(values.length, Arrays.stream(h.counts()).sum());
        assertEquals(mean, h.mean(), 1e-5);
        assertEquals(Math.sqrt(variance), h.std(), 1e-4);
        assertEquals((double) above / values.length, h.fractionAbove(), 1e-12);
        int[] expected = new int[h.bins()];
        for (double v : values) {
            expected[h.range().bin(v, h.bins())]++;
        }
        assertEquals(Arrays.toString(expected), Arrays.toString(h.counts()));
    }

    @Test
    void denseHistogramsMatchTheLayerBuffersAtEveryStep() {
        Network network = run("mlp-2d", new int[] {2}, MpbnMode.CHANNEL, true);
        ProbeFrame frame = new ProbeRecorder(network).record(4, StatisticsSource.TRAINING_BATCH);
        assertEquals(4, frame.iteration());
        assertEquals(2, frame.layers().size());
        for (int l = 0; l < 2; l++) {
            LifNeurons layer = network.neuronLayers().get(l);
            LayerProbe probe = frame.layers().get(l);
            assertEquals(0, probe.channels());
            assertEquals(T, probe.timeSteps());
            for (int t = 0; t < T; t++) {
                assertSummary(stepValues(layer.lastInputCurrent(), t, -1, 0, 1),
                        probe.histogram(MembraneQuantity.INPUT_CURRENT, t, LayerProbe.ALL_CHANNELS));
                assertSummary(stepValues(layer.lastMembraneBeforeNorm(), t, -1, 0, 1),
                        probe.histogram(MembraneQuantity.BEFORE_NORM, t, LayerProbe.ALL_CHANNELS));
                assertSummary(stepValues(layer.lastMembraneAfterNorm(), t, -1, 0, 1),
                        probe.histogram(MembraneQuantity.AFTER_NORM, t, LayerProbe.ALL_CHANNELS));
            }
        }
    }

    @Test
    void theFiringFractionOfUHatIsTheSpikeRateOfEachStep() {
        Network network = run("mlp-2d", new int[] {2}, MpbnMode.CHANNEL, true);
        ProbeFrame frame = new ProbeRecorder(network).record(1, StatisticsSource.TRAINING_BATCH);
        LifNeurons layer = network.neuronLayers().get(0);
        for (int t = 0; t < T; t++) {
            double[] spikes = stepValues(layer.lastSpikes(), t, -1, 0, 1);
            double rate = Arrays.stream(spikes).average().orElseThrow();
            assertEquals(rate, frame.layers().get(0).histogram(MembraneQuantity.AFTER_NORM, t,
                    LayerProbe.ALL_CHANNELS).fractionAbove(), 1e-12);
            SpikeRaster raster = frame.layers().get(0).spikes();
            for (int b = 0; b < raster.samples(); b++) {
                for (int n = 0; n < raster.neurons(); n++) {
                    assertEquals(spikes[b * raster.neurons() + n] > 0.5, raster.spiked(t, b, n));
                }
            }
        }
    }

    @Test
    void convLayersHaveOneHistogramPerChannelSummingToAllNeurons() {
        Network network = run("conv-small", new int[] {1, 8, 8}, MpbnMode.CHANNEL, true);
        LayerProbe probe = new ProbeRecorder(network).record(0, StatisticsSource.TRAINING_BATCH).layers().get(1);
        LifNeurons layer = network.neuronLayers().get(1);
        assertEquals(64, probe.channels());
        for (int t = 0; t < T; t++) {
            int[] total = new int[ProbeRecorder.BINS];
            for (int c = 0; c < probe.channels(); c++) {
                Histogram h = probe.histogram(MembraneQuantity.BEFORE_NORM, t, c);
                for (int k = 0; k < total.length; k++) {
                    total[k] += h.count(k);
                }
            }
            assertEquals(Arrays.toString(probe.histogram(MembraneQuantity.BEFORE_NORM, t, LayerProbe.ALL_CHANNELS)
                    .counts()), Arrays.toString(total));
            assertSummary(stepValues(layer.lastMembraneAfterNorm(), t, 7, 64, 16),
                    probe.histogram(MembraneQuantity.AFTER_NORM, t, 7));
        }
    }

    @Test
    void channelMpbnInTrainingGivesEveryChannelZeroMeanAndUnitStdAfterNormalisation() {
        Network network = run("conv-small", new int[] {1, 8, 8}, MpbnMode.CHANNEL, true);
        LayerProbe probe = new ProbeRecorder(network).record(0, StatisticsSource.TRAINING_BATCH).layers().get(0);
        for (int t = 0; t < T; t++) {
            Histogram h = probe.histogram(MembraneQuantity.AFTER_NORM, t, 3);
            assertEquals(0.0, h.mean(), 1e-4);
            assertEquals(1.0, h.std(), 1e-2);
        }
    }

    @Test
    void uPreAboveTheThresholdOnTheMembraneIsExactlyWhenTheNeuronFires() {
        for (boolean training : new boolean[] {true, false}) {
            Network network = run("conv-small", new int[] {1, 8, 8}, MpbnMode.CHANNEL, training);
            LayerProbe probe = new ProbeRecorder(network).record(0, training ? StatisticsSource.TRAINING_BATCH
                    : StatisticsSource.PROBE_BATCH).layers().get(0);
            LifNeurons layer = network.neuronLayers().get(0);
            ChannelNormalization norm = probe.normalization();
            for (int t = 0; t < T; t++) {
                for (int c = 0; c < 32; c += 5) {
                    double folded = norm.thresholdOnMembrane(t, c);
                    double[] uPre = stepValues(layer.lastMembraneBeforeNorm(), t, c, 32, 64);
                    double[] spikes = stepValues(layer.lastSpikes(), t, c, 32, 64);
                    for (int i = 0; i < uPre.length; i++) {
                        assertEquals(spikes[i] > 0.5, uPre[i] > folded, "step " + t + " channel " + c);
                    }
                }
            }
        }
    }

    @Test
    void theFractionOfUPrePastTheFoldedThresholdIsTheFractionOfUHatAboveVth() {
        for (boolean training : new boolean[] {true, false}) {
            Network network = run("conv-small", new int[] {1, 8, 8}, MpbnMode.CHANNEL, training);
            LifNeurons layer = network.neuronLayers().get(0);
            // a negative γ makes channel 2 fire below Ṽ
            float[] gamma = layer.gamma().value().data().asFloat();
            gamma[2] = -gamma[2];
            layer.gamma().value().data().setData(gamma);
            network = rerun(network, training);
            // an optimiser step after the pass changes γ: the recording still describes the pass
            gamma[5] = 3 * gamma[5];
            layer.gamma().value().data().setData(gamma);
            for (LayerProbe probe : new ProbeRecorder(network).record(0, training ? StatisticsSource.TRAINING_BATCH
                    : StatisticsSource.PROBE_BATCH).layers()) {
                ChannelNormalization norm = probe.normalization();
                boolean somePast = false;
                for (int t = 0; t < T; t++) {
                    for (int c = 0; c < probe.channels(); c++) {
                        double past = norm.fractionPastThreshold(t, c);
                        assertEquals(probe.histogram(MembraneQuantity.AFTER_NORM, t, c).fractionAbove(), past, 0.0,
                                probe.description() + " step " + t + " channel " + c);
                        somePast |= past > 0 && past < 1;
                    }
                }
                assertTrue(somePast, "the check must see neurons on both sides of Ṽ");
            }
        }
    }

    @Test
    void onlyChannelMpbnOnConvLayersKeepsPerChannelNormalisation() {
        assertNull(new ProbeRecorder(run("conv-small", new int[] {1, 8, 8}, MpbnMode.ELEMENT, true))
                .record(0, StatisticsSource.TRAINING_BATCH).layers().get(0).normalization());
        assertNull(new ProbeRecorder(run("mlp-2d", new int[] {2}, MpbnMode.CHANNEL, true))
                .record(0, StatisticsSource.TRAINING_BATCH).layers().get(0).normalization());
    }

    @Test
    void uPreAndUHatShareOneRangeThatHoldsTheThreshold() {
        Network network = run("mlp-2d", new int[] {2}, MpbnMode.ELEMENT, true);
        LayerProbe probe = new ProbeRecorder(network).record(0, StatisticsSource.TRAINING_BATCH).layers().get(0);
        ValueRange range = probe.membraneRange();
        assertTrue(range.lower() < 0.5 && 0.5 < range.upper());
        for (int t = 0; t < T; t++) {
            assertEquals(range, probe.histogram(MembraneQuantity.BEFORE_NORM, t, -1).range());
            assertEquals(range, probe.histogram(MembraneQuantity.AFTER_NORM, t, -1).range());
        }
    }

    @Test
    void withMpbnOffUHatIsUPre() {
        Network network = run("mlp-2d", new int[] {2}, MpbnMode.OFF, false);
        LayerProbe probe = new ProbeRecorder(network).record(0, StatisticsSource.PROBE_BATCH).layers().get(1);
        for (int t = 0; t < T; t++) {
            assertEquals(Arrays.toString(probe.histogram(MembraneQuantity.BEFORE_NORM, t, -1).counts()),
                    Arrays.toString(probe.histogram(MembraneQuantity.AFTER_NORM, t, -1).counts()));
        }
    }

    @Test
    void aDivergedPassWithNonFiniteValuesIsStillRecorded() {
        Network network = NetworkBuilder.build(Presets.build("mlp-2d", new int[] {2}, 3, T, LifParameters.defaults(),
                MpbnParameters.off()), DataType.FLOAT, 1);
        float[] values = new float[T * B * 2];
        values[0] = Float.NaN;
        values[1] = Float.POSITIVE_INFINITY;
        INDArray input = Nd4j.create(DataType.FLOAT, T * B, 2);
        input.data().setData(values);
        network.forward(input, new Pass(T, B, false));
        Histogram h = new ProbeRecorder(network).record(0, StatisticsSource.PROBE_BATCH).layers().get(0)
                .histogram(MembraneQuantity.BEFORE_NORM, 0, LayerProbe.ALL_CHANNELS);
        assertEquals(h.count(), Arrays.stream(h.counts()).sum());
        assertTrue(h.clipped() > 0);
        assertTrue(Double.isNaN(h.mean()));
    }

    @Test
    void refusesAFrameLabelledWithTheWrongStatistics() {
        Network network = run("mlp-2d", new int[] {2}, MpbnMode.CHANNEL, false);
        ProbeRecorder recorder = new ProbeRecorder(network);
        assertThrows(IllegalStateException.class, () -> recorder.record(0, StatisticsSource.TRAINING_BATCH));
    }

    @Test
    void refusesToRecordBeforeAnyForwardPass() {
        Network network = NetworkBuilder.build(Presets.build("mlp-2d", new int[] {2}, 3, T, LifParameters.defaults(),
                MpbnParameters.off()), DataType.FLOAT, 1);
        assertThrows(IllegalStateException.class,
                () -> new ProbeRecorder(network).record(0, StatisticsSource.PROBE_BATCH));
    }

    @Test
    void aHistoryFrameDropsTheSpikesButKeepsTheHistograms() {
        Network network = run("mlp-2d", new int[] {2}, MpbnMode.CHANNEL, true);
        ProbeFrame frame = new ProbeRecorder(network).record(0, StatisticsSource.TRAINING_BATCH);
        ProbeFrame kept = frame.withoutSpikes();
        assertNull(kept.layers().get(0).spikes());
        assertTrue(kept.bytes() < frame.bytes());
        assertEquals(frame.layers().get(0).histogram(MembraneQuantity.AFTER_NORM, 2, -1).mean(),
                kept.layers().get(0).histogram(MembraneQuantity.AFTER_NORM, 2, -1).mean());
    }
}
