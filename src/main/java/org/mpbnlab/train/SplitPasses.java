package org.mpbnlab.train;

import org.mpbnlab.data.DataSplit;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.Pass;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network run in evaluation mode over every sample of a split, in order, {@code batchSize} samples at a
 * time: batch k holds samples {@code [k·batchSize, min((k+1)·batchSize, count))}.
 */
final class SplitPasses {

    /** What is done with each batch's logits. */
    @FunctionalInterface
    interface BatchLogits {
        /**
         * @param start   index of the batch's first sample in the split
         * @param indices the batch's samples, {@code start, start + 1, …}
         * @param logits  the network's output for them, {@code [indices.length, classes]}
         */
        void accept(int start, int[] indices, INDArray logits);
    }

    private SplitPasses() {
    }

    static void run(Network network, DataSplit split, InputFeeder feeder, int batchSize, BatchLogits each) {
        int count = split.count();
        for (int start = 0; start < count; start += batchSize) {
            int size = Math.min(batchSize, count - start);
            int[] indices = new int[size];
            for (int i = 0; i < size; i++) {
                indices[i] = start + i;
            }
            Pass pass = new Pass(network.spec().timeSteps(), size, false);
            each.accept(start, indices, network.forward(feeder.encode(network, split, indices, pass), pass));
        }
    }
}
