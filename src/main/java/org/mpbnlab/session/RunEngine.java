package org.mpbnlab.session;

import java.util.Arrays;
import org.mpbnlab.data.DataSplit;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.io.ModelFileException;
import org.mpbnlab.probe.ProbeFrame;
import org.mpbnlab.probe.ProbeRecorder;
import org.mpbnlab.probe.StatisticsSource;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.NetworkBuilder;
import org.mpbnlab.snn.NetworkSpec;
import org.mpbnlab.snn.Pass;
import org.mpbnlab.snn.Presets;
import org.mpbnlab.train.Evaluation;
import org.mpbnlab.train.InputFeeder;
import org.mpbnlab.train.ModelFile;
import org.mpbnlab.train.Trainer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The engine objects of one run, built from its settings: network (weights from the seed), trainer,
 * recorder and a fixed probe batch. Used only by the session's worker thread.
 */
final class RunEngine {

    private final Dataset dataset;
    private final Network network;
    private final Trainer trainer;
    private final ProbeRecorder recorder;
    private final InputFeeder probeFeeder;
    private final DataSplit testSubset;
    private final int[] probeIndices;
    /** The recording of the last training batch, kept so that it stays available after an evaluation pass. */
    private ProbeFrame lastTrainingFrame;

    /**
     * Builds the network of {@code settings} on {@code dataset}: the same seed gives the same weights;
     * with an initial model, its weights (read again from the file, so a reset returns to them).
     */
    RunEngine(RunSettings settings, Dataset dataset, DataCatalog catalog, int testSamples) throws ModelFileException {
        this.dataset = dataset;
        NetworkSpec spec = Presets.build(settings.preset(), dataset.frameShape(), dataset.numClasses(),
                settings.timeSteps(), settings.lifParameters(), settings.mpbnParameters());
        if (settings.initialModel() == null) {
            network = NetworkBuilder.build(spec, DataType.FLOAT, settings.seed());
        } else {
            network = ModelFile.load(settings.initialModel()).network();
            if (!network.spec().preset().equals(spec.preset()) || network.spec().timeSteps() != spec.timeSteps()
                    || !Arrays.equals(network.spec().inputShape(), spec.inputShape())) {
                throw new ModelFileException("model " + settings.initialModel().getFileName() + " is a "
                        + network.spec().preset() + " for input " + Arrays.toString(network.spec().inputShape())
                        + " at T = " + network.spec().timeSteps() + ", not what the settings describe");
            }
        }
        trainer = new Trainer(network, dataset, new InputFeeder(catalog.encoderFor(dataset), settings.seed()),
                settings.trainingConfig());
        recorder = new ProbeRecorder(network);
        probeFeeder = new InputFeeder(catalog.encoderFor(dataset), settings.seed() + 1);
        testSubset = dataset.test().limit(testSamples);
        int probeSize = Math.min(settings.batchSize(), testSubset.count());
        probeIndices = new int[probeSize];
        for (int i = 0; i < probeSize; i++) {
            probeIndices[i] = i;
        }
    }

    Trainer trainer() {
        return trainer;
    }

    Network network() {
        return network;
    }

    Dataset dataset() {
        return dataset;
    }

    /** Loss and accuracy on the first test samples, in evaluation mode. */
    Evaluation evaluateTestSubset() {
        return trainer.evaluate(testSubset, trainer.config().batchSize());
    }

    /**
     * Records the membrane: from the last training batch if asked and one exists (the network's last pass,
     * or the recording kept of it when an evaluation ran since), otherwise from the fixed probe batch run
     * now in evaluation mode.
     */
    ProbeFrame record(StatisticsSource source) {
        boolean lastWasTraining = network.neuronLayers().get(0).lastPass() != null
                && network.neuronLayers().get(0).lastPass().training();
        if (source == StatisticsSource.TRAINING_BATCH && lastWasTraining) {
            lastTrainingFrame = recorder.record(trainer.iteration(), StatisticsSource.TRAINING_BATCH);
            return lastTrainingFrame;
        }
        if (source == StatisticsSource.TRAINING_BATCH && lastTrainingFrame != null
                && lastTrainingFrame.iteration() == trainer.iteration()) {
            return lastTrainingFrame;
        }
        Pass pass = new Pass(network.spec().timeSteps(), probeIndices.length, false);
        network.forward(probeFeeder.encode(network, testSubset, probeIndices, pass), pass);
        return recorder.record(trainer.iteration(), StatisticsSource.PROBE_BATCH);
    }
}
