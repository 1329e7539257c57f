package org.mpbnlab.train;

import java.util.List;
import org.mpbnlab.train.settings.RunSettings;

/**
 * What a model file records besides the network: where it came from and how it was trained, so a
 * lesson can be reopened exactly.
 *
 * @param dataset  dataset name the model was trained on
 * @param encoder  input encoder name
 * @param seed     seed of weights, shuffling and encoders
 * @param settings every run setting it was trained with, or null for a model not trained by MPBN Lab
 * @param history  per-epoch metrics
 * @param origin   a human-readable note, e.g. "trained", "folded (exact) from model.zip"
 * @param input    how the network's input was made, or null when unknown (files of earlier versions)
 */
public record ModelInfo(String dataset, String encoder, long seed, RunSettings settings,
                        List<EpochMetrics> history, String origin, InputDescription input) {

    public ModelInfo {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** Provenance without an input description. */
    public ModelInfo(String dataset, String encoder, long seed, RunSettings settings, List<EpochMetrics> history,
                     String origin) {
        this(dataset, encoder, seed, settings, history, origin, null);
    }

    /** The same provenance with another note (e.g. "folded from m.zip"). */
    public ModelInfo withOrigin(String newOrigin) {
        return new ModelInfo(dataset, encoder, seed, settings, history, newOrigin, input);
    }
}
