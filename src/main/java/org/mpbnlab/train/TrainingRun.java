package org.mpbnlab.train;

import org.mpbnlab.data.Dataset;
import org.mpbnlab.snn.Network;
import org.mpbnlab.train.settings.RunSettings;

/**
 * A ready-to-train run, made by {@link RunFactory}: the data, the network, the input feeder and the
 * trainer. Building it twice from the same settings gives bit-identical weights and batches.
 */
public record TrainingRun(RunSettings settings, Dataset dataset, Network network, InputFeeder feeder,
                          Trainer trainer) {

    /** Provenance for the model file: the data, the encoder used, every setting, the history, the input. */
    public ModelInfo info() {
        return new ModelInfo(dataset.name(), feeder.encoder().name(), settings.seed(), settings, trainer.history(),
                "trained with MPBN Lab", InputDescription.of(dataset, feeder.encoder(), network.spec().timeSteps()));
    }
}
