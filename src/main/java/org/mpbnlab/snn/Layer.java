package org.mpbnlab.snn;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer of the network. Activations are ND4J arrays of shape {@code [N, ...sampleShape]} with
 * {@code N = T·B} rows stacked time-major (see {@link Pass}). Stateless layers treat the N rows as
 * independent samples; only neuron layers loop over time.
 *
 * <p>Layers own preallocated buffers: the array returned by {@link #forward} or {@link #backward}
 * stays valid until the next call of the same method and must not be kept by the caller.
 */
public interface Layer {

    /** A short name for messages and file entries, e.g. {@code "dense"}, {@code "lif"}. */
    String kind();

    /** The per-sample input shape this layer was built for (without the N dimension). */
    int[] inputShape();

    /** The per-sample output shape (without the N dimension). */
    int[] outputShape();

    /** Computes the output for {@code input} of shape {@code [N, ...inputShape]}. */
    INDArray forward(INDArray input, Pass pass);

    /**
     * Back-propagates {@code gradOutput} (shape {@code [N, ...outputShape]}) through the last
     * training forward pass: sets every parameter's gradient and, if {@code needInputGradient},
     * returns the gradient with respect to the input (else may return null).
     */
    INDArray backward(INDArray gradOutput, boolean needInputGradient);

    /** Trainable parameters, in a fixed order. */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** Non-trainable state that must be saved, e.g. running statistics. Names are local to the layer. */
    default List<NamedArray> buffers() {
        return List.of();
    }
}
