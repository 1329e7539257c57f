package org.mpbnlab.snn;

import org.mpbnlab.snn.kernel.ActivationBuffers;
import org.mpbnlab.snn.kernel.ArrayView;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Flattens each sample: {@code [N, d1, d2, …] → [N, d1·d2·…]} in c-order, so
 * {@code out[n, (c·H + y)·W + x] = in[n, c, y, x]}. Backward restores the shape.
 *
 * <p>The output is a copy in the layer's own buffer rather than an ND4J reshape view: a view is
 * not accepted by {@link ArrayView#of}, and a copy cannot change behind the caller's back when
 * the previous layer reuses its buffer. The copy costs well under a millisecond per batch.
 */
public final class Flatten implements Layer {

    private final int[] inputShape;
    private final int length;
    private INDArray output;
    private INDArray gradInput;

    /** @param inputShape the per-sample shape, e.g. {@code [C, H, W]} */
    public Flatten(int[] inputShape) {
        if (inputShape == null || inputShape.length == 0) {
            throw new IllegalArgumentException("flatten needs a per-sample input shape with at least one dimension");
        }
        this.inputShape = ActivationShape.requirePositive("flatten input shape", inputShape, inputShape.length);
        long product = 1;
        for (int size : inputShape) {
            product *= size;
        }
        if (product > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("flatten input shape has too many elements per sample: " + product);
        }
        this.length = (int) product;
    }

    @Override
    public String kind() {
        return "flatten";
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public int[] outputShape() {
        return new int[] {length};
    }

    @Override
    public INDArray forward(INDArray input, Pass pass) {
        int rows = ActivationShape.rows("flatten input", input, inputShape);
        output = ActivationBuffers.fit(output, input.dataType(), rows, outputShape());
        copy(ArrayView.of(input), ArrayView.of(output));
        return output;
    }

    @Override
    public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
        int rows = ActivationShape.rows("flatten output gradient", gradOutput, outputShape());
        if (!needInputGradient) {
            return null;
        }
        gradInput = ActivationBuffers.fit(gradInput, gradOutput.dataType(), rows, inputShape);
        copy(ArrayView.of(gradOutput), ArrayView.of(gradInput));
        return gradInput;
    }

    /** Both arrays are c-ordered with the same element order, so flattening is an element copy. */
    private static void copy(ArrayView from, ArrayView to) {
        for (int index = 0; index < from.length(); index++) {
            to.set(index, from.get(index));
        }
    }
}
