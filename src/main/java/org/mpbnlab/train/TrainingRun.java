package org.mpbnlab.train;

import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.DatasetOptions;
import org.mpbnlab.data.DatasetRegistry;
import org.mpbnlab.data.Encoder;
import org.mpbnlab.data.Encoders;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.NetworkBuilder;
import org.mpbnlab.snn.NetworkSpec;
import org.mpbnlab.snn.Presets;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A ready-to-train run: the dataset loaded, the network built from its preset with the run's seed, and
 * a trainer. Building it twice from the same settings gives bit-identical weights and batches.
 */
public record TrainingRun(RunSettings settings, Dataset dataset, Network network, InputFeeder feeder,
                          Trainer trainer) {

    public static TrainingRun create(RunSettings settings, DatasetRegistry registry, DatasetOptions options) {
        Dataset dataset = registry.load(settings.dataset(), options);
        return create(settings, dataset);
    }

    public static TrainingRun create(RunSettings settings, Dataset dataset) {
        Encoder encoder = settings.encoder() == null ? Encoders.defaultFor(dataset) : Encoders.byName(settings.encoder());
        Encoders.requireCompatible(encoder, dataset);
        int steps = settings.timeSteps();
        if (dataset.temporalSteps() > 0 && steps > dataset.temporalSteps()) {
            throw new IllegalArgumentException("dataset " + dataset.name() + " has " + dataset.temporalSteps()
                    + " event frames per sample: use --timesteps " + dataset.temporalSteps()
                    + " or fewer (frames are then merged into T bins)");
        }
        NetworkSpec spec = Presets.build(settings.arch(), dataset.frameShape(), dataset.numClasses(), steps,
                settings.lif(), settings.mpbn());
        long seed = settings.training().seed();
        Network network = NetworkBuilder.build(spec, DataType.FLOAT, seed);
        InputFeeder feeder = new InputFeeder(encoder, seed);
        Trainer trainer = new Trainer(network, dataset, feeder, settings.training());
        return new TrainingRun(settings, dataset, network, feeder, trainer);
    }

    /** Provenance for the model file. */
    public ModelInfo info() {
        return new ModelInfo(dataset.name(), feeder.encoder().name(), settings.training().seed(), settings.training(),
                trainer.history(), "trained with MPBN Lab",
                InputDescription.of(dataset, feeder.encoder(), network.spec().timeSteps()));
    }
}
