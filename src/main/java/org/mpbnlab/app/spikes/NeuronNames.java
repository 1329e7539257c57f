package org.mpbnlab.app.spikes;

import org.mpbnlab.probe.LayerRecording;

/**
 * How a neuron is named on screen, and where its numbers are in {@code record}'s arrays.
 *
 * <p>The rule (docs/decisions.md, 2026-12-01): the app counts everything from 1, as a class counts and as its other
 * views do (LIF 1, channel 3, step 1, t = 1): the layer, the neuron of a dense layer, and the channel, row y and
 * column x of a conv layer's neuron. NumPy counts from 0, so each name comes with the exact array element
 * beside it: LIF {@code l}, channel {@code c}, y {@code y}, x {@code x} is
 * {@code (l−1).u_pre[:, s, c−1, y−1, x−1]}, where {@code s} is the sample's place in {@code --samples}.
 */
public final class NeuronNames {

    private NeuronNames() {
    }

    /** e.g. {@code "LIF 1 · neuron 117"} or {@code "LIF 1 · channel 2, y 18, x 14"}, every number counted from 1. */
    public static String of(LayerRecording layer, int neuron) {
        String lif = "LIF " + (layer.index() + 1);
        if (!layer.convolutional()) {
            return lif + " · neuron " + (neuron + 1);
        }
        int[] at = position(layer, neuron);
        return lif + " · channel " + (at[0] + 1) + ", y " + (at[1] + 1) + ", x " + (at[2] + 1);
    }

    /**
     * The neuron's membrane in {@code record}'s .npz, indices counted from 0 as NumPy counts: e.g.
     * {@code "0.u_pre[:, s, 116]"} or {@code "0.u_pre[:, s, 1, 17, 13]"} ({@code s}: the sample's place in
     * {@code --samples}); the same index picks its x, u_hat and spikes.
     */
    public static String arrayElement(LayerRecording layer, int neuron) {
        String prefix = layer.index() + ".u_pre[:, s, ";
        if (!layer.convolutional()) {
            return prefix + neuron + "]";
        }
        int[] at = position(layer, neuron);
        return prefix + at[0] + ", " + at[1] + ", " + at[2] + "]";
    }

    /** The name and the array element, e.g. {@code "LIF 1 · channel 2, y 18, x 14 = 0.u_pre[:, s, 1, 17, 13]"}. */
    public static String withArrayElement(LayerRecording layer, int neuron) {
        return of(layer, neuron) + " = " + arrayElement(layer, neuron);
    }

    /** {channel, y, x} of a conv layer's neuron with flat index {@code neuron}, each from 0. */
    private static int[] position(LayerRecording layer, int neuron) {
        int[] shape = layer.shape();
        return new int[] {neuron / (shape[1] * shape[2]), neuron / shape[2] % shape[1], neuron % shape[2]};
    }
}
