package org.mpbnlab.snn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trainable array and its gradient. {@code decayed} says whether weight decay applies: it does
 * for Dense and Conv weights, not for biases nor for BatchNorm's γ and β (as in the official code).
 */
public final class Parameter {
    private final String name;
    private final INDArray value;
    private final INDArray gradient;
    private final boolean decayed;

    public Parameter(String name, INDArray value, boolean decayed) {
        this.name = name;
        this.value = value;
        this.gradient = value.ulike();
        this.decayed = decayed;
    }

    public String name() {
        return name;
    }

    public INDArray value() {
        return value;
    }

    /** The gradient of the last backward pass (overwritten, not accumulated, by each pass). */
    public INDArray gradient() {
        return gradient;
    }

    public boolean decayed() {
        return decayed;
    }
}
