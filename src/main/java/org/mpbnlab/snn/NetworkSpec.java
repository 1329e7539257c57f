package org.mpbnlab.snn;

import java.util.List;

/**
 * Everything needed to rebuild a network: the per-sample input shape (one time step), the number
 * of classes, the number of time steps T and the layers. The last layer is the readout, applied at
 * every step; the network's logits are its outputs averaged over T.
 */
public record NetworkSpec(String preset, int[] inputShape, int classes, int timeSteps, List<LayerSpec> layers) {

    public NetworkSpec {
        if (timeSteps <= 0) {
            throw new IllegalArgumentException("timeSteps must be at least 1, got " + timeSteps);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
        }
        inputShape = inputShape.clone();
        layers = List.copyOf(layers);
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    /** The neuron settings of the first LIF layer, or null if there is none. */
    public LayerSpec.LifSpec firstLif() {
        for (LayerSpec layer : layers) {
            if (layer instanceof LayerSpec.LifSpec lif) {
                return lif;
            }
        }
        return null;
    }
}
