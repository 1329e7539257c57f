package org.mpbnlab.snn;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
     * What preset {@code name} needs of its input when {@code inputShape} does not provide it, e.g.
     * {@code "mlp-2d takes 2-D points (input [2])"}; empty when the preset takes this input.
     * {@code mlp} takes any input (flattened); {@code conv-small} images whose sides its two 2×2 poolings
     * divide; {@code mlp-2d} points of the plane.
     */
    public static Optional<String> inputProblem(String name, int[] inputShape) {
        return switch (name) {
            case "mlp" -> Optional.empty();
            case "mlp-2d" -> inputShape.length == 1 && inputShape[0] == 2 ? Optional.empty()
                    : Optional.of("mlp-2d takes 2-D points (input [2])");
            case "conv-small" -> inputShape.length == 3 && inputShape[1] % 4 == 0 && inputShape[2] % 4 == 0
                    && inputShape[1] > 0 && inputShape[2] > 0 ? Optional.empty()
                    : Optional.of("conv-small takes images [C, H, W] with H and W divisible by 4");
            default -> throw new IllegalArgumentException("unknown preset '" + name + "' (allowed: "
                    + String.join(", ", NAMES) + ")");
        };
    }

    /** The presets that take {@code inputShape}, in {@link #NAMES} order. */
    public static List<String> presetsFor(int[] inputShape) {
        return NAMES.stream().filter(name -> inputProblem(name, inputShape).isEmpty()).toList();
    }

    /**
     * @param inputShape per-step sample shape, e.g. [1, 28, 28] or [2]
     * @throws IllegalArgumentException when the preset does not take this input ({@link #inputProblem})
     */
    public static NetworkSpec build(String name, int[] inputShape, int classes, int timeSteps,
                                    LifParameters lif, MpbnParameters mpbn) {
        Optional<String> problem = inputProblem(name, inputShape);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get() + ", got " + Shapes.format(inputShape) + " (use "
                    + String.join(" or ", presetsFor(inputShape)) + ")");
        }
        LayerSpec.LifSpec neurons = new LayerSpec.LifSpec(lif, mpbn);
        List<LayerSpec> layers = new ArrayList<>();
        switch (name) {
            case "mlp" -> hiddenDense(layers, neurons, 512, 256);
            case "mlp-2d" -> hiddenDense(layers, neurons, 64, 64);
            case "conv-small" -> {
                for (int channels : new int[] {32, 64}) {
                    layers.add(new LayerSpec.ConvSpec(channels, 3, 1, false));
                    layers.add(LayerSpec.BatchNormSpec.defaults());
                    layers.add(neurons);
                    layers.add(new LayerSpec.AvgPoolSpec(2));
                }
                layers.add(new LayerSpec.FlattenSpec());
            }
            default -> throw new IllegalStateException("preset " + name + " is checked above");
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
