package org.mpbnlab.session;

import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.Encoder;
import org.mpbnlab.snn.Network;
import org.mpbnlab.train.ModelInfo;

/**
 * A copy of a run's network as it was between two training batches, for views that run it themselves
 * (fold, record) while training goes on with the original: its own arrays, nothing shared with the run.
 *
 * @param network   the copy (weights, γ, β and running statistics)
 * @param info      provenance for a model file saved from it
 * @param dataset   the run's data (immutable; shared)
 * @param encoder   how the run turns samples into input
 * @param iteration training iterations the weights have seen
 */
public record CurrentModel(Network network, ModelInfo info, Dataset dataset, Encoder encoder, long iteration) {
}
