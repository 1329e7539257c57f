package org.mpbnlab.train;

import org.mpbnlab.data.DataSplit;
import org.mpbnlab.snn.Network;

/** Evaluation of a network on a whole split, in evaluation mode (running statistics, no caches). */
public final class Evaluator {

    private Evaluator() {
    }

    /**
     * Mean loss and accuracy over the {@code N} samples of {@code split}, {@code batchSize} per forward pass:
     * <pre>
     *   loss = (1/N) Σ_i −log softmax(logits_i)[label_i],   accuracy = (1/N) Σ_i [argmax logits_i = label_i]
     * </pre>
     * NaN for a split without samples.
     */
    public static Evaluation evaluate(Network network, DataSplit split, InputFeeder feeder, int batchSize) {
        int count = split.count();
        if (count == 0) {
            return new Evaluation(Double.NaN, Double.NaN, 0);
        }
        double[] lossSum = {0};
        int[] correct = {0};
        SplitPasses.run(network, split, feeder, batchSize, (start, indices, logits) -> {
            int[] labels = Trainer.labelsOf(split, indices);
            lossSum[0] += SoftmaxCrossEntropy.lossAndGradient(logits, labels, null) * indices.length;
            int[] predictions = SoftmaxCrossEntropy.predictions(logits);
            for (int i = 0; i < indices.length; i++) {
                if (predictions[i] == labels[i]) {
                    correct[0]++;
                }
            }
        });
        return new Evaluation(lossSum[0] / count, (double) correct[0] / count, count);
    }
}
