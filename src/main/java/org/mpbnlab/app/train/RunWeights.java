package org.mpbnlab.app.train;

import org.mpbnlab.session.CurrentModel;
import org.mpbnlab.snn.Network;
import org.mpbnlab.train.ModelInfo;

/**
 * What a model file holds of a run: a copy of its network, where it came from, and the training iteration of its
 * weights. Unlike {@link CurrentModel} it keeps no data set, so the last weights of earlier runs can be kept in the
 * run list without keeping their training data in memory.
 *
 * @param network   the copy (weights, γ, β and running statistics), its own arrays
 * @param info      provenance and every setting, as the model file records them
 * @param iteration training iterations the weights have seen
 */
public record RunWeights(Network network, ModelInfo info, long iteration) {

    /** The weights of a run's copy, without its data. */
    public static RunWeights of(CurrentModel model) {
        return new RunWeights(model.network(), model.info(), model.iteration());
    }
}
