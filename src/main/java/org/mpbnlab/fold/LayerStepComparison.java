package org.mpbnlab.fold;

/**
 * Spikes of one neuron layer at one time step, compared between two networks.
 *
 * @param layer      index of the neuron layer among the network's spiking layers (0-based)
 * @param step       time step (0-based)
 * @param compared   spikes compared
 * @param mismatches spikes that differ
 * @param minMargin  smallest {@code |u_pre − Ṽ|} of the candidate network at this layer and step
 */
public record LayerStepComparison(int layer, int step, long compared, long mismatches, double minMargin) {
}
