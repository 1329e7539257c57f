package org.mpbnlab.train;

/**
 * The outcome of one training iteration.
 *
 * @param iteration    1-based iteration number over the whole run
 * @param epoch        1-based epoch the batch belongs to
 * @param loss         mean cross-entropy of the batch
 * @param accuracy     fraction of the batch predicted correctly
 * @param learningRate the rate the update used
 * @param firingRates  mean spike probability per LIF layer over the batch and all steps
 */
public record BatchResult(long iteration, int epoch, double loss, double accuracy, double learningRate,
                          double[] firingRates) {
}
