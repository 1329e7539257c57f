package org.mpbnlab.train;

/**
 * Metrics at the end of one epoch.
 *
 * @param epoch                 1-based
 * @param trainLoss             mean training loss over the epoch's batches
 * @param trainAccuracy         training accuracy over the epoch's batches (training mode)
 * @param testLoss              test loss in evaluation mode
 * @param testAccuracy          test accuracy in evaluation mode
 * @param trainSamplesPerSecond training throughput of the epoch (forward + backward + update)
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
                           double trainSamplesPerSecond) {
}
