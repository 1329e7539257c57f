package org.mpbnlab.session;

import java.nio.file.Path;
import org.mpbnlab.train.settings.RunSettings;

/**
 * A run to make: its settings and the weights it starts from.
 *
 * @param settings      every run setting
 * @param startingModel the model file whose weights the run starts from, or null for the random weights of
 *                      the settings' seed (its network must be the one the settings describe)
 */
public record RunPlan(RunSettings settings, Path startingModel) {

    public RunPlan {
        if (settings == null) {
            throw new IllegalArgumentException("a run needs its settings");
        }
    }

    /** A run from the random weights of the settings' seed. */
    public static RunPlan fromRandomWeights(RunSettings settings) {
        return new RunPlan(settings, null);
    }

    /** Where the weights come from, in words: "the weights of m.zip" or "the random weights of seed 0". */
    public String startingPoint() {
        return startingModel == null ? "the random weights of seed " + settings.seed()
                : "the weights of " + startingModel.getFileName();
    }

    /** A short name for legends: the settings' label and, from a model, its file name. */
    public String label() {
        return startingModel == null ? settings.label() : settings.label() + " · from " + startingModel.getFileName();
    }
}
