package org.mpbnlab.train;

import org.mpbnlab.snn.LifParameters;
import org.mpbnlab.snn.MpbnParameters;

/**
 * Every setting of a training run, declared once: dataset, architecture, neuron model and training.
 * Saved in sessions and model files so that a run can be repeated exactly.
 *
 * @param dataset   dataset name (see the data registry)
 * @param arch      preset name: mlp, conv-small or mlp-2d
 * @param timeSteps T ≥ 1
 * @param lif       neuron parameters
 * @param mpbn      MPBN settings
 * @param encoder   input encoder name, or null for the dataset's natural one
 * @param training  optimiser, learning rate, batch, epochs, seed
 */
public record RunSettings(String dataset, String arch, int timeSteps, LifParameters lif, MpbnParameters mpbn,
                          String encoder, TrainingConfig training) {

    public RunSettings {
        if (timeSteps < 1 || timeSteps > 64) {
            throw new IllegalArgumentException("--timesteps must be between 1 and 64, got " + timeSteps);
        }
    }
}
