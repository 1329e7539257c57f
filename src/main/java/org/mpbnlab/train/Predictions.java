package org.mpbnlab.train;

import org.mpbnlab.data.DataSplit;
import org.mpbnlab.snn.ArrayValues;
import org.mpbnlab.snn.Network;

/**
 * A network's output for every sample of a split, in evaluation mode: the logits (the readout averaged
 * over T), the predicted class {@code argmax_k logits[k]} (the first on a tie) and the true label.
 *
 * @param logits      {@code count · classes} values, row-major (sample i's logits at {@code [i·classes, …)})
 * @param classes     number of classes
 * @param predictions one predicted class per sample
 * @param labels      one label per sample
 */
public record Predictions(float[] logits, int classes, int[] predictions, int[] labels) {

    public int count() {
        return labels.length;
    }

    /** Share of samples whose prediction equals their label (NaN for no samples). */
    public double accuracy() {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += predictions[i] == labels[i] ? 1 : 0;
        }
        return labels.length == 0 ? Double.NaN : (double) correct / labels.length;
    }

    /** Runs {@code network} over every sample of {@code split}, {@code batchSize} at a time, in order. */
    public static Predictions of(Network network, DataSplit split, InputFeeder feeder, int batchSize) {
        int count = split.count();
        int classes = network.spec().classes();
        float[] logits = new float[count * classes];
        int[] predictions = new int[count];
        int[] labels = new int[count];
        SplitPasses.run(network, split, feeder, batchSize, (start, indices, out) -> {
            int size = indices.length;
            System.arraycopy(ArrayValues.readFloats(out), 0, logits, start * classes, size * classes);
            System.arraycopy(SoftmaxCrossEntropy.predictions(out), 0, predictions, start, size);
            System.arraycopy(Trainer.labelsOf(split, indices), 0, labels, start, size);
        });
        return new Predictions(logits, classes, predictions, labels);
    }
}
