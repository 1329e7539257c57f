package org.mpbnlab.app.spikes;

import org.mpbnlab.probe.LayerRecording;

/** How a neuron is named on screen: its layer, and its channel and position in a conv layer. */
public final class NeuronNames {

    private NeuronNames() {
    }

    /** e.g. {@code "LIF 1 · neuron 37"} or {@code "LIF 1 · channel 3, y 4, x 5"} (1-based, as shown elsewhere). */
    public static String of(LayerRecording layer, int neuron) {
        if (!layer.convolutional()) {
            return "LIF " + (layer.index() + 1) + " · neuron " + neuron;
        }
        int[] shape = layer.shape();
        int c = neuron / (shape[1] * shape[2]);
        int y = neuron / shape[2] % shape[1];
        int x = neuron % shape[2];
        return "LIF " + (layer.index() + 1) + " · channel " + (c + 1) + ", y " + y + ", x " + x;
    }
}
