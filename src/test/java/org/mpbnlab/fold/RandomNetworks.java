package org.mpbnlab.fold;

import java.util.List;
import java.util.SplittableRandom;
import org.mpbnlab.data.DataSplit;
import org.mpbnlab.snn.ArrayValues;
import org.mpbnlab.snn.LayerSpec;
import org.mpbnlab.snn.LifNeurons;
import org.mpbnlab.snn.LifParameters;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.MpbnParameters;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.NetworkBuilder;
import org.mpbnlab.snn.NetworkSpec;
import org.mpbnlab.snn.RunningStatsMode;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Small networks with random MPBN parameters and running statistics, and random data for them, for the fold
 * and recording tests: conv3×3 4 → BN → LIF → pool 2 → dense 12 → BN → LIF → readout 3 on [1, 6, 6] input.
 */
public final class RandomNetworks {

    /**
     * How γ and σ² are drawn: with k ~ U[0, 1) per group, γ = 0 for k below {@code zeroBelow}, γ ∈ (−2, 0] below
     * {@code negativeBelow}, γ ∈ [0, 10⁻⁶) below {@code tinyBelow}, else γ ∈ [0, 2); σ² ∈ [0.2, 1.2), or with
     * {@code extremeVariances} 10⁻⁹ (one in ten), 10⁶ (one in ten of the rest) or [0, 1).
     */
    public record Draws(double zeroBelow, double negativeBelow, double tinyBelow, boolean extremeVariances) {
    }

    /** γ zero, negative and tiny; σ² tiny and huge: where a fold can go wrong. */
    public static final Draws EXTREME = new Draws(0.15, 0.35, 0.45, true);
    /** γ zero or negative in about a third of the groups, moderate σ². */
    public static final Draws MODERATE = new Draws(0.1, 0.35, 0.35, false);

    private RandomNetworks() {
    }

    /** The network with random weights from {@code seed}, and γ, β (∈ [−0.3, 0.7)), μ (∈ [−0.5, 0.5)) and σ² drawn. */
    public static Network network(MpbnMode mode, RunningStatsMode stats, int steps, long seed, Draws draws) {
        LayerSpec.LifSpec lif = new LayerSpec.LifSpec(LifParameters.defaults(), MpbnParameters.of(mode, stats));
        NetworkSpec spec = new NetworkSpec("test", new int[] {1, 6, 6}, 3, steps, List.of(
                new LayerSpec.ConvSpec(4, 3, 1, false), LayerSpec.BatchNormSpec.defaults(), lif,
                new LayerSpec.AvgPoolSpec(2), new LayerSpec.FlattenSpec(),
                new LayerSpec.DenseSpec(12, false), LayerSpec.BatchNormSpec.defaults(), lif,
                new LayerSpec.DenseSpec(3, true)));
        Network network = NetworkBuilder.build(spec, DataType.FLOAT, seed);
        SplittableRandom rng = new SplittableRandom(seed);
        for (LifNeurons layer : network.neuronLayers()) {
            if (layer.gamma() == null) {
                continue;
            }
            double[] gamma = new double[(int) layer.gamma().value().length()];
            double[] beta = new double[gamma.length];
            for (int g = 0; g < gamma.length; g++) {
                double kind = rng.nextDouble();
                gamma[g] = kind < draws.zeroBelow() ? 0.0 : kind < draws.negativeBelow() ? -rng.nextDouble() * 2
                        : kind < draws.tinyBelow() ? 1e-6 * rng.nextDouble() : rng.nextDouble() * 2;
                beta[g] = rng.nextDouble() - 0.3;
            }
            ArrayValues.write(layer.gamma().value(), gamma);
            ArrayValues.write(layer.beta().value(), beta);
            double[] mean = new double[(int) layer.runningMean().length()];
            double[] var = new double[mean.length];
            for (int i = 0; i < mean.length; i++) {
                mean[i] = rng.nextDouble() - 0.5;
                var[i] = !draws.extremeVariances() ? 0.2 + rng.nextDouble()
                        : rng.nextDouble() < 0.1 ? 1e-9 : rng.nextDouble() < 0.1 ? 1e6 : rng.nextDouble();
            }
            ArrayValues.write(layer.runningMean(), mean);
            ArrayValues.write(layer.runningVar(), var);
        }
        return network;
    }

    /** {@code count} samples of {@code shape}, x ~ N(0, 1.5²), labels uniform over 3 classes. */
    public static DataSplit data(int count, int[] shape, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        float[] x = new float[count * size];
        int[] labels = new int[count];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextGaussian() * 1.5);
        }
        for (int i = 0; i < count; i++) {
            labels[i] = rng.nextInt(3);
        }
        return new DataSplit(x, labels, shape);
    }
}
