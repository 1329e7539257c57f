package org.mpbnlab.app.spikes;

/**
 * A neuron whose membrane trace is shown: LIF layer {@code layer} (0-based), neuron {@code neuron} (flat
 * index in the layer's per-sample shape), drawn in palette colour {@code colour} both in its trace and as its
 * highlight on the raster.
 */
public record TracedNeuron(int layer, int neuron, int colour) {
}
