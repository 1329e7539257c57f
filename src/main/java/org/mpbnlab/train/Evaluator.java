package org.mpbnlab.train;

import org.mpbnlab.data.DataSplit;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.Pass;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Evaluation of a network on a whole split, in evaluation mode (running statistics, no caches). */
public final class Evaluator {

    private Evaluator() {
    }

    public static Evaluation evaluate(Network network, DataSplit split, InputFeeder feeder, int batchSize) {
        int count = split.count();
        if (count == 0) {
            return new Evaluation(Double.NaN, Double.NaN, 0);
        }
        double lossSum = 0;
        int correct = 0;
        for (int start = 0; start < count; start += batchSize) {
            int size = Math.min(batchSize, count - start);
            int[] indices = new int[size];
            for (int i = 0; i < size; i++) {
                indices[i] = start + i;
            }
            Pass pass = new Pass(network.spec().timeSteps(), size, false);
            INDArray logits = network.forward(feeder.encode(network, split, indices, pass), pass);
            int[] labels = Trainer.labelsOf(split, indices);
            lossSum += SoftmaxCrossEntropy.lossAndGradient(logits, labels, null) * size;
            int[] predictions = SoftmaxCrossEntropy.predictions(logits);
            for (int i = 0; i < size; i++) {
                if (predictions[i] == labels[i]) {
                    correct++;
                }
            }
        }
        return new Evaluation(lossSum / count, (double) correct / count, count);
    }
}
