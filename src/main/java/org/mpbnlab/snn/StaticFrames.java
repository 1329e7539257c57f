package org.mpbnlab.snn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A neuron layer's input may be one static frame per sample, {@code [B, ...]}, that every one of the T steps
 * sees (direct encoding), instead of {@code [T·B, ...]}: the layer then reads step t's input current from the
 * same B rows, and its input gradient is summed over the steps. This saves writing the frame out T times.
 */
final class StaticFrames {

    private StaticFrames() {
    }

    /** True when {@code x} holds one frame per sample of a pass over more than one step. */
    static boolean given(INDArray x, Pass pass) {
        long rows = x.size(0);
        if (rows == pass.rows()) {
            return false;
        }
        if (rows == pass.batchSize()) {
            return true;
        }
        throw new IllegalArgumentException("neuron layer input has " + rows + " rows; expected T·B = " + pass.rows()
                + " (one frame per step) or B = " + pass.batchSize() + " (one static frame per sample)");
    }
}
