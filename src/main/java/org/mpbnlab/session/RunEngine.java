package org.mpbnlab.session;

import org.mpbnlab.data.DataSplit;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.io.ModelFileException;
import org.mpbnlab.probe.ProbeFrame;
import org.mpbnlab.probe.ProbeRecorder;
import org.mpbnlab.probe.StatisticsSource;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.Pass;
import org.mpbnlab.train.Evaluation;
import org.mpbnlab.train.Evaluator;
import org.mpbnlab.train.InputFeeder;
import org.mpbnlab.train.ModelFile;
import org.mpbnlab.train.RunFactory;
import org.mpbnlab.train.Trainer;
import org.mpbnlab.train.TrainingRun;
import org.mpbnlab.train.settings.RunSettings;

/**
 * The engine objects of one run, built from its settings: network (weights from the seed), trainer,
 * recorder and a fixed probe batch. Used only by the session's worker thread.
 */
final class RunEngine {

    private final Dataset dataset;
    private final Network network;
    private final Trainer trainer;
    private final ProbeRecorder recorder;
    private final RunSettings settings;
    private final InputFeeder probeFeeder;
    private final InputFeeder testFeeder;
    private final DataSplit testSubset;
    private final int[] probeIndices;
    /** The recording of the last training batch, kept so that it stays available after an evaluation pass. */
    private ProbeFrame lastTrainingFrame;

    /**
     * Builds the run of {@code plan} on {@code dataset} with {@link RunFactory}, as the {@code train} command
     * does: the same seed gives the same weights and batches; with a starting model, its weights (read again
     * from the file, so a reset returns to them).
     */
    RunEngine(RunPlan plan, Dataset dataset, int testSamples) throws ModelFileException {
        this.dataset = dataset;
        RunSettings settings = plan.settings();
        this.settings = settings;
        Network start = plan.startingModel() == null ? null : ModelFile.load(plan.startingModel()).network();
        TrainingRun run;
        try {
            run = RunFactory.create(settings, dataset, start);
        } catch (IllegalArgumentException e) {
            if (start == null) {
                throw e;
            }
            throw new ModelFileException("model " + plan.startingModel().getFileName() + " cannot start this run: "
                    + e.getMessage(), e);
        }
        network = run.network();
        trainer = run.trainer();
        recorder = new ProbeRecorder(network);
        // Probes and the live test curve draw from their own encoders, so that the training batches (and
        // stochastic encoders' noise) are exactly those of the same settings on the command line.
        probeFeeder = new InputFeeder(RunFactory.encoder(settings, dataset), settings.seed() + 1);
        testFeeder = new InputFeeder(RunFactory.encoder(settings, dataset), settings.seed() + 2);
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

    /**
     * Runs the network once in evaluation mode on a batch as large as the epoch's end measures the test split in
     * ({@link Trainer#epochEndBatch}), on test samples through an encoder of its own, and throws the result away:
     * the layers allocate their largest arrays now, while the run is built, and keep them. Otherwise they would
     * allocate them at the first epoch's end, in the middle of training (392 MB per array for conv-small at
     * T = 16), and allocating such an array stops every thread of the app, the UI thread included, for 100 ms or
     * more (docs/spikes-view.md). Weights, statistics and the trainer's encoders are untouched, so the run stays
     * that of the same settings on the command line.
     */
    void allocateForEpochEnd() {
        int batch = Math.min(Trainer.epochEndBatch(trainer.config().batchSize()), dataset.test().count());
        if (batch > 0) {
            Evaluator.evaluate(network, dataset.test().limit(batch),
                    new InputFeeder(RunFactory.encoder(settings, dataset), 0), batch);
        }
    }

    /** Loss and accuracy on the first test samples, in evaluation mode. */
    Evaluation evaluateTestSubset() {
        return Evaluator.evaluate(network, testSubset, testFeeder, trainer.config().batchSize());
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
