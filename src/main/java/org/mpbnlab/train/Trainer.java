package org.mpbnlab.train;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.mpbnlab.data.BatchSampler;
import org.mpbnlab.data.DataSplit;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.snn.FiringRate;
import org.mpbnlab.snn.LifNeurons;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.Parameter;
import org.mpbnlab.snn.Pass;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The BPTT driver: one iteration encodes a batch, runs the network forward over T steps, takes the
 * cross-entropy of the time-averaged logits, back-propagates through time and updates the weights.
 * It can be driven one batch at a time ({@link #trainBatch}) so that a session can pause and step.
 *
 * <p>If the loss becomes NaN or infinite, training stops with {@link TrainingDivergedException} and
 * the network is restored to the last weights that gave a finite loss.
 */
public final class Trainer {

    private final Network network;
    private final Dataset dataset;
    private final TrainingConfig config;
    private final InputFeeder feeder;
    private final Optimizer optimizer;
    private final BatchSampler sampler;
    private final Collection<Parameter> parameters;
    /** The network's state arrays (fixed objects, so the map is built once) and a copy of them. */
    private final Map<String, INDArray> state;
    private final Map<String, INDArray> lastGoodState;
    private final List<EpochMetrics> history = new ArrayList<>();
    private INDArray gradLogits;

    private int epoch;
    private int[][] epochBatches;
    private int batchInEpoch;
    private long iteration;
    private double epochLossSum;
    private double epochCorrect;
    private int epochSamples;
    private long epochNanos;

    public Trainer(Network network, Dataset dataset, InputFeeder feeder, TrainingConfig config) {
        if (config.batchSize() > dataset.train().count()) {
            throw new IllegalArgumentException("--batch " + config.batchSize() + " is larger than the training set ("
                    + dataset.train().count() + " samples)");
        }
        this.network = network;
        this.dataset = dataset;
        this.config = config;
        this.feeder = feeder;
        this.optimizer = config.newOptimizer();
        this.sampler = new BatchSampler(dataset.train().count(), config.batchSize(), true, config.seed());
        this.parameters = network.parameters().values();
        this.state = network.state();
        this.lastGoodState = new java.util.LinkedHashMap<>();
        state.forEach((name, array) -> lastGoodState.put(name, array.dup()));
    }

    public Network network() {
        return network;
    }

    public TrainingConfig config() {
        return config;
    }

    /** Iterations in the whole run. */
    public long totalIterations() {
        return (long) config.epochs() * sampler.batchesPerEpoch();
    }

    public int batchesPerEpoch() {
        return sampler.batchesPerEpoch();
    }

    public long iteration() {
        return iteration;
    }

    /** Completed epochs' metrics. */
    public List<EpochMetrics> history() {
        return List.copyOf(history);
    }

    public boolean finished() {
        return iteration >= totalIterations();
    }

    /** Trains on the next batch. Returns the batch's result; completes an epoch when its last batch is done. */
    public BatchResult trainBatch() {
        return trainBatch(batch -> { });
    }

    /**
     * Trains one batch like {@link #trainBatch()} and calls {@code afterTraining} right after the optimiser
     * step, before the test evaluation that closes an epoch: the network's last forward pass is then still the
     * training batch's (what a membrane recording of the training batch needs).
     */
    public BatchResult trainBatch(java.util.function.Consumer<BatchResult> afterTraining) {
        if (finished()) {
            throw new IllegalStateException("training is finished");
        }
        if (epochBatches == null || batchInEpoch == epochBatches.length) {
            epochBatches = sampler.epoch(epoch);
            batchInEpoch = 0;
            epochLossSum = 0;
            epochCorrect = 0;
            epochSamples = 0;
            epochNanos = 0;
        }
        long start = System.nanoTime();
        int[] indices = epochBatches[batchInEpoch];
        DataSplit train = dataset.train();
        Pass pass = new Pass(network.spec().timeSteps(), indices.length, true);
        INDArray logits = network.forward(feeder.encode(network, train, indices, pass), pass);
        int[] labels = labelsOf(train, indices);
        if (gradLogits == null || gradLogits.size(0) != indices.length) {
            gradLogits = Nd4j.create(network.dataType(), indices.length, network.spec().classes());
        }
        double loss = SoftmaxCrossEntropy.lossAndGradient(logits, labels, gradLogits);
        if (!Double.isFinite(loss)) {
            state.forEach((name, array) -> array.assign(lastGoodState.get(name)));
            throw new TrainingDivergedException("training diverged at iteration " + (iteration + 1)
                    + " (loss is " + loss + "); the last good weights are kept — lower the learning rate");
        }
        saveLastGood();
        double accuracy = accuracy(SoftmaxCrossEntropy.predictions(logits), labels);
        double[] firing = firingRates();
        network.backward(gradLogits);
        double rate = config.schedule().rate(config.learningRate(), iteration, totalIterations());
        optimizer.step(parameters, rate);
        iteration++;
        batchInEpoch++;
        epochNanos += System.nanoTime() - start;
        epochLossSum += loss * indices.length;
        epochCorrect += accuracy * indices.length;
        epochSamples += indices.length;
        BatchResult result = new BatchResult(iteration, epoch + 1, loss, accuracy, rate, firing);
        afterTraining.accept(result);
        if (batchInEpoch == epochBatches.length) {
            finishEpoch();
        }
        return result;
    }

    private void saveLastGood() {
        state.forEach((name, array) -> lastGoodState.get(name).assign(array));
    }

    /**
     * Samples per batch when the whole test split is measured at an epoch's end: at least 256, so that the
     * measurement runs in large, fast batches.
     */
    public static int epochEndBatch(int trainingBatch) {
        return Math.max(trainingBatch, 256);
    }

    private void finishEpoch() {
        Evaluation test = evaluate(dataset.test(), epochEndBatch(config.batchSize()));
        double seconds = epochNanos / 1e9;
        history.add(new EpochMetrics(epoch + 1, epochLossSum / epochSamples, epochCorrect / epochSamples,
                test.loss(), test.accuracy(), epochSamples / seconds));
        epoch++;
    }

    /** Runs the remaining batches of the current epoch (or a whole new one) and returns its metrics. */
    public EpochMetrics trainEpoch() {
        int target = history.size() + 1;
        while (history.size() < target) {
            trainBatch();
        }
        return history.get(history.size() - 1);
    }

    /** Loss and accuracy in evaluation mode (running statistics), in batches of {@code batchSize}. */
    public Evaluation evaluate(DataSplit split, int batchSize) {
        return Evaluator.evaluate(network, split, feeder, batchSize);
    }

    private double[] firingRates() {
        List<LifNeurons> layers = network.neuronLayers();
        double[] rates = new double[layers.size()];
        for (int l = 0; l < rates.length; l++) {
            rates[l] = FiringRate.of(layers.get(l).lastSpikes());
        }
        return rates;
    }

    static int[] labelsOf(DataSplit split, int[] indices) {
        int[] labels = new int[indices.length];
        int[] all = split.labels();
        for (int i = 0; i < indices.length; i++) {
            labels[i] = all[indices[i]];
        }
        return labels;
    }

    static double accuracy(int[] predictions, int[] labels) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predictions[i] == labels[i]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }
}
