package org.mpbnlab.snn;

/**
 * One forward pass over a batch: {@code timeSteps · batchSize} samples stacked time-major,
 * i.e. row {@code t·B + b} holds sample {@code b} at step {@code t}.
 *
 * @param timeSteps    T, the number of simulation steps
 * @param batchSize    B, the number of samples per step
 * @param training     true: batch statistics and caches for backward; false: running statistics
 * @param frameRepeats how many time steps each row stands for: 1, or T when a static frame (direct
 *                     encoding) runs once through the layers before the first neuron layer and is then
 *                     repeated (a batch normalisation there pools its statistics over all T copies)
 */
public record Pass(int timeSteps, int batchSize, boolean training, int frameRepeats) {

    public Pass {
        if (timeSteps <= 0 || batchSize <= 0 || frameRepeats <= 0) {
            throw new IllegalArgumentException("timeSteps, batchSize and frameRepeats must be positive");
        }
    }

    /** A pass whose rows are all distinct samples (frameRepeats = 1). */
    public Pass(int timeSteps, int batchSize, boolean training) {
        this(timeSteps, batchSize, training, 1);
    }

    /** The B static frames of a pass over T steps, run once: one step whose rows each stand for T. */
    public static Pass staticFrames(Pass pass) {
        return new Pass(1, pass.batchSize(), pass.training(), pass.timeSteps());
    }

    /** N = T·B, the number of rows of every activation tensor. */
    public int rows() {
        return timeSteps * batchSize;
    }
}
