package org.mpbnlab.snn;

/**
 * One forward pass over a batch: {@code timeSteps · batchSize} samples stacked time-major,
 * i.e. row {@code t·B + b} holds sample {@code b} at step {@code t}.
 *
 * @param timeSteps T, the number of simulation steps
 * @param batchSize B, the number of samples per step
 * @param training  true: batch statistics and caches for backward; false: running statistics
 */
public record Pass(int timeSteps, int batchSize, boolean training) {

    public Pass {
        if (timeSteps <= 0 || batchSize <= 0) {
            throw new IllegalArgumentException("timeSteps and batchSize must be positive");
        }
    }

    /** N = T·B, the number of rows of every activation tensor. */
    public int rows() {
        return timeSteps * batchSize;
    }
}
