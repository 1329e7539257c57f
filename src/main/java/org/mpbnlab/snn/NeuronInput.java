package org.mpbnlab.snn;

import org.mpbnlab.snn.kernel.ArrayView;
import org.mpbnlab.snn.kernel.TimeRepeat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The input current x of a neuron layer: the reused heap buffer its loops read a copy of x from, and x of the
 * last forward pass kept as it was given — one static frame per sample, {@code [B, …]}, that every step sees
 * ({@link StaticFrames}), or one frame per step, {@code [T·B, …]} — written out per step only when a view asks:
 * <pre>
 *   x[t·B + b] = frame[b]     for every step t (a static frame)
 * </pre>
 */
final class NeuronInput {

    private ArrayView heap;
    private INDArray given;
    private boolean staticFrame;
    private Pass pass;
    /** The static frame written out for every step, made when a view asks for the input current. */
    private INDArray perStep;

    /** {@code x} copied into the reused heap buffer. */
    ArrayView heapCopy(INDArray x) {
        heap = ArrayView.heapLike(heap, x);
        heap.copyFrom(x);
        return heap;
    }

    /** Keeps {@code x} as the last pass's input; {@code staticFrame} when it holds one frame per sample. */
    void remember(INDArray x, boolean staticFrame, Pass pass) {
        this.given = x;
        this.staticFrame = staticFrame;
        this.pass = pass;
        this.perStep = null;
    }

    /** True when the last forward pass got one static frame per sample, seen at every step. */
    boolean staticFrame() {
        return staticFrame;
    }

    /** x of the last forward pass as {@code [T·B, …shape]}; null before the first. */
    INDArray perStep(DataType type, int[] shape) {
        if (!staticFrame || given == null) {
            return given;
        }
        if (perStep == null) {
            perStep = Shapes.ensureRows(null, type, pass.rows(), shape);
            TimeRepeat.repeat(ArrayView.of(given), ArrayView.of(perStep), pass.timeSteps());
        }
        return perStep;
    }
}
