package org.mpbnlab.train;

import java.util.List;

/**
 * What a model file records besides the network: where it came from and how it was trained, so a
 * lesson can be reopened exactly.
 *
 * @param dataset  dataset name the model was trained on
 * @param encoder  input encoder name
 * @param seed     seed of weights, shuffling and encoders
 * @param training training settings, or null for an untrained or folded model
 * @param history  per-epoch metrics
 * @param origin   a human-readable note, e.g. "trained", "folded (exact) from model.zip"
 * @param input    how the network's input was made, or null when unknown (files of earlier versions)
 */
public record ModelInfo(String dataset, String encoder, long seed, TrainingConfig training,
                        List<EpochMetrics> history, String origin, InputDescription input) {

    public ModelInfo {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** Provenance without an input description. */
    public ModelInfo(String dataset, String encoder, long seed, TrainingConfig training, List<EpochMetrics> history,
                     String origin) {
        this(dataset, encoder, seed, training, history, origin, null);
    }

    /** The same provenance with another note (e.g. "folded from m.zip"). */
    public ModelInfo withOrigin(String newOrigin) {
        return new ModelInfo(dataset, encoder, seed, training, history, newOrigin, input);
    }
}
