package org.mpbnlab.snn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mpbnlab.snn.kernel.ArrayView;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Hand-computed membrane traces, step by step (τ = 0.25, V_th = 0.5). */
class LifGoldenTraceTest {

    private static final double EPS = 1e-5;

    private static INDArray column(double... values) {
        return Nd4j.create(values, new long[] {values.length, 1}, DataType.DOUBLE);
    }

    @Test
    void plainLifChargesLeaksFiresAndResetsTheRawMembrane() {
        LifNeurons neuron = new LifNeurons(new int[] {1}, 5, LifParameters.defaults(), MpbnParameters.off(),
                DataType.DOUBLE);
        INDArray spikes = neuron.forward(column(0.3, 0.3, 0.6, 0.1, 0.5), new Pass(5, 1, true));
        // u_pre: 0.3 | 0.25·0.3 + 0.3 | 0.25·0.375 + 0.6 (fires) | 0 + 0.1 (reset) | 0.25·0.1 + 0.5 (fires)
        assertArrayEquals(new double[] {0.3, 0.375, 0.69375, 0.1, 0.525},
                neuron.lastMembraneBeforeNorm().toDoubleVector(), 1e-15);
        assertArrayEquals(new double[] {0, 0, 1, 0, 1}, spikes.toDoubleVector(), 0);
    }

    @Test
    void aMembraneExactlyAtThresholdDoesNotFire() {
        LifNeurons neuron = new LifNeurons(new int[] {1}, 2, LifParameters.defaults(), MpbnParameters.off(),
                DataType.DOUBLE);
        INDArray spikes = neuron.forward(column(0.5, 0.375), new Pass(2, 1, false));
        // 0.5 is not > 0.5; then 0.25·0.5 + 0.375 = 0.5 again
        assertArrayEquals(new double[] {0, 0}, spikes.toDoubleVector(), 0);
    }

    @Test
    void channelMpbnUsesTheBatchStatisticsOfEachStepAndKeepsTheRawMembrane() {
        LifNeurons neuron = new LifNeurons(new int[] {1}, 3, LifParameters.defaults(),
                MpbnParameters.of(MpbnMode.CHANNEL, RunningStatsMode.SHARED), DataType.DOUBLE);
        // B = 2; rows t·2 + b
        INDArray spikes = neuron.forward(column(1.0, 0.0, 0.2, 0.6, 0.4, 0.4), new Pass(3, 2, true));
        // t0: u_pre (1, 0), μ = 0.5, σ² = 0.25 → û = ±0.5/sqrt(0.25001) → fires (1, 0); u = (0, 0)
        // t1: u_pre (0.2, 0.6), μ = 0.4, σ² = 0.04 → û = ∓0.2/sqrt(0.04001) → (0, 1); u = (0.2, 0)
        // t2: u_pre (0.05 + 0.4, 0.4), μ = 0.425, σ² = 0.000625 → û = ±0.025/sqrt(0.000635) → (1, 0)
        assertArrayEquals(new double[] {1.0, 0.0, 0.2, 0.6, 0.45, 0.4},
                neuron.lastMembraneBeforeNorm().toDoubleVector(), 1e-15);
        double[] uHat = neuron.lastMembraneAfterNorm().toDoubleVector();
        assertEquals(0.5 / Math.sqrt(0.25 + EPS), uHat[0], 1e-12);
        assertEquals(-0.2 / Math.sqrt(0.04 + EPS), uHat[2], 1e-12);
        assertEquals(0.025 / Math.sqrt(0.000625 + EPS), uHat[4], 1e-9);
        assertArrayEquals(new double[] {1, 0, 0, 1, 1, 0}, spikes.toDoubleVector(), 0);
        // running statistics, momentum 0.1, unbiased variance (n = 2 → ×2), updated once per step
        double mean = 0;
        double var = 1;
        double[][] steps = {{0.5, 0.25}, {0.4, 0.04}, {0.425, 0.000625}};
        for (double[] s : steps) {
            mean = 0.9 * mean + 0.1 * s[0];
            var = 0.9 * var + 0.1 * s[1] * 2;
        }
        assertEquals(0.119, mean, 1e-12);
        assertEquals(0.776825, var, 1e-12);
        assertEquals(mean, neuron.runningMean().getDouble(0, 0), 1e-12);
        assertEquals(var, neuron.runningVar().getDouble(0, 0), 1e-12);
    }

    @Test
    void perStepRunningStatisticsKeepOneSetPerStep() {
        LifNeurons neuron = new LifNeurons(new int[] {1}, 2, LifParameters.defaults(),
                MpbnParameters.of(MpbnMode.CHANNEL, RunningStatsMode.PER_STEP), DataType.DOUBLE);
        neuron.forward(column(1.0, 0.0, 0.2, 0.6), new Pass(2, 2, true));
        assertEquals(0.1 * 0.5, neuron.runningMean().getDouble(0, 0), 1e-12);
        assertEquals(0.1 * 0.4, neuron.runningMean().getDouble(1, 0), 1e-12);
        assertEquals(0.9 + 0.1 * 0.5, neuron.runningVar().getDouble(0, 0), 1e-12);
        assertEquals(0.9 + 0.1 * 0.08, neuron.runningVar().getDouble(1, 0), 1e-12);
    }

    @Test
    void evaluationUsesRunningStatisticsAndGammaBeta() {
        LifNeurons neuron = new LifNeurons(new int[] {1}, 1, LifParameters.defaults(),
                MpbnParameters.of(MpbnMode.CHANNEL, RunningStatsMode.SHARED), DataType.DOUBLE);
        neuron.gamma().value().putScalar(0, 2.0);
        neuron.beta().value().putScalar(0, 0.1);
        neuron.runningMean().putScalar(0, 0, 0.3);
        neuron.runningVar().putScalar(0, 0, 0.04);
        // Ṽ = μ + (V_th − β)·sqrt(σ² + ε)/γ = 0.3400049997 for these values (docs/mathematics.md §4); just above it fires
        INDArray spikes = neuron.forward(column(0.3400, 0.3401), new Pass(1, 2, false));
        assertArrayEquals(new double[] {0, 1}, spikes.toDoubleVector(), 0);
        assertEquals(2 * (0.3401 - 0.3) / Math.sqrt(0.04 + EPS) + 0.1,
                neuron.lastMembraneAfterNorm().getDouble(1, 0), 1e-12);
    }

    @Test
    void elementModeNormalisesEveryNeuronSeparately() {
        LifNeurons neuron = new LifNeurons(new int[] {1, 1, 2}, 1, LifParameters.defaults(),
                MpbnParameters.of(MpbnMode.ELEMENT, RunningStatsMode.SHARED), DataType.DOUBLE);
        // B = 2, two neurons of one channel: neuron 0 sees (1, 3), neuron 1 sees (10, 30)
        INDArray x = Nd4j.create(new double[] {1, 10, 3, 30}, new long[] {2, 1, 1, 2}, DataType.DOUBLE);
        neuron.forward(x, new Pass(1, 2, true));
        double[] uHat = ArrayView.of(neuron.lastMembraneAfterNorm()).toDoubleArray();
        assertEquals(-1 / Math.sqrt(1 + EPS), uHat[0], 1e-12);
        assertEquals(-10 / Math.sqrt(100 + EPS), uHat[1], 1e-12);
        assertEquals(2, neuron.gamma().value().length());
    }
}
