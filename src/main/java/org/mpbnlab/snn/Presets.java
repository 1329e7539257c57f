package org.mpbnlab.snn;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in architectures. Hidden layers are Dense/Conv → BN_pre → LIF(+MPBN); ops followed by
 * BN have no bias; the readout Dense has one.
 * <ul>
 *   <li>{@code mlp}: input → 512 → 256 → classes</li>
 *   <li>{@code conv-small}: conv3x3 32 → avgpool 2 → conv3x3 64 → avgpool 2 → dense</li>
 *   <li>{@code mlp-2d}: 2 → 64 → 64 → classes, for 2-D toy data</li>
 * </ul>
 */
public final class Presets {

    public static final List<String> NAMES = List.of("mlp", "conv-small", "mlp-2d");

    private Presets() {
    }

    /**
     * @param inputShape per-step sample shape, e.g. [1, 28, 28] or [2]
     */
    public static NetworkSpec build(String name, int[] inputShape, int classes, int timeSteps,
                                    LifParameters lif, MpbnParameters mpbn) {
        LayerSpec.LifSpec neurons = new LayerSpec.LifSpec(lif, mpbn);
        List<LayerSpec> layers = new ArrayList<>();
        switch (name) {
            case "mlp" -> hiddenDense(layers, neurons, 512, 256);
            case "mlp-2d" -> hiddenDense(layers, neurons, 64, 64);
            case "conv-small" -> {
                if (inputShape.length != 3 || inputShape[1] % 4 != 0 || inputShape[2] % 4 != 0) {
                    throw new IllegalArgumentException("conv-small needs image input [C, H, W] with H and W "
                            + "divisible by 4, got " + Shapes.format(inputShape) + " (use mlp or mlp-2d)");
                }
                for (int channels : new int[] {32, 64}) {
                    layers.add(new LayerSpec.ConvSpec(channels, 3, 1, false));
                    layers.add(LayerSpec.BatchNormSpec.defaults());
                    layers.add(neurons);
                    layers.add(new LayerSpec.AvgPoolSpec(2));
                }
                layers.add(new LayerSpec.FlattenSpec());
            }
            default -> throw new IllegalArgumentException("unknown preset '" + name + "' (allowed: "
                    + String.join(", ", NAMES) + ")");
        }
        layers.add(new LayerSpec.DenseSpec(classes, true));
        return new NetworkSpec(name, inputShape, classes, timeSteps, layers);
    }

    private static void hiddenDense(List<LayerSpec> layers, LayerSpec.LifSpec neurons, int... widths) {
        layers.add(new LayerSpec.FlattenSpec());
        for (int width : widths) {
            layers.add(new LayerSpec.DenseSpec(width, false));
            layers.add(LayerSpec.BatchNormSpec.defaults());
            layers.add(neurons);
        }
    }
}
