package org.mpbnlab.snn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A spiking layer, trainable or folded: what views and the equivalence check read after a forward pass.
 * Its input is either {@code [T·B, ...]} (one frame per step) or {@code [B, ...]}, a static frame that every
 * step sees ({@link StaticFrames}); backward then returns the input gradient summed over the steps.
 */
public interface NeuronLayer extends Layer {

    LifParameters lifParameters();

    /**
     * Input current x of the last forward pass, [T·B, ...shape]: what charges the membrane,
     * {@code u_pre[t] = τ·u[t−1] + x[t]} (a static frame is written out for every step).
     */
    INDArray lastInputCurrent();

    /** u_pre of the last forward pass, [T·B, ...shape]: the membrane after charging, before MPBN and reset. */
    INDArray lastMembraneBeforeNorm();

    /** Spikes of the last forward pass, [T·B, ...shape]. */
    INDArray lastSpikes();
}
