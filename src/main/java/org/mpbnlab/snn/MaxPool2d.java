package org.mpbnlab.snn;

import org.mpbnlab.snn.kernel.ActivationBuffers;
import org.mpbnlab.snn.kernel.ArrayView;
import org.mpbnlab.snn.kernel.TwoWaySplit;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Max pooling over non-overlapping k×k windows (stride k):
 * <pre>
 *   out[n, c, y, x] = max_{i, j < k} in[n, c, y·k + i, x·k + j]
 * </pre>
 * Input {@code [N, C, H, W]} with H and W divisible by k, output {@code [N, C, H/k, W/k]}.
 * A training pass remembers where each maximum came from (the first one in row-major window
 * order on ties), and backward sends the whole gradient of a window there.
 */
public final class MaxPool2d extends WindowPooling {

    private INDArray output;
    private INDArray gradInput;
    /** Flat input index of each window's maximum in the last training pass. */
    private int[] argmax;
    private int trainedRows = -1;

    /**
     * @param inputShape {@code [C, H, W]}, H and W divisible by {@code kernel}
     * @param kernel     k, the window size and stride
     */
    public MaxPool2d(int[] inputShape, int kernel) {
        super("maxpool2d", inputShape, kernel);
    }

    @Override
    public INDArray forward(INDArray input, Pass pass) {
        int rows = ActivationShape.rows("maxpool2d input", input, inputShape());
        output = ActivationBuffers.fit(output, input.dataType(), rows, outputShape());
        boolean record = pass.training();
        int windows = Math.toIntExact(output.length());
        if (record && (argmax == null || argmax.length != windows)) {
            argmax = new int[windows];
        }
        ArrayView in = ArrayView.of(input);
        ArrayView out = ArrayView.of(output);
        int k = geometry.kernel();
        int width = geometry.width();
        int[] sources = argmax;
        int planes = rows * geometry.channels();
        TwoWaySplit.run(planes, input.length(), (from, to) -> {
            int index = from * geometry.outHeight() * geometry.outWidth();
            for (int plane = from; plane < to; plane++) {
                for (int y = 0; y < geometry.outHeight(); y++) {
                    for (int x = 0; x < geometry.outWidth(); x++, index++) {
                        int origin = geometry.windowOrigin(plane, y, x);
                        int best = origin;
                        double max = in.get(origin);
                        for (int i = 0; i < k; i++) {
                            for (int j = 0; j < k; j++) {
                                int at = origin + i * width + j;
                                double value = in.get(at);
                                if (value > max) {
                                    max = value;
                                    best = at;
                                }
                            }
                        }
                        out.set(index, max);
                        if (record) {
                            sources[index] = best;
                        }
                    }
                }
            }
        });
        if (record) {
            trainedRows = rows;
        }
        return output;
    }

    /** {@code ∂L/∂in[argmax(w)] = ∂L/∂out[w]} for every window w, zero elsewhere. */
    @Override
    public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
        if (trainedRows < 0) {
            throw new IllegalStateException(
                    "maxpool2d backward needs a training forward pass first (call forward with a training Pass)");
        }
        int rows = ActivationShape.rows("maxpool2d output gradient", gradOutput, outputShape());
        if (rows != trainedRows) {
            throw new IllegalArgumentException("maxpool2d output gradient has " + rows
                    + " rows but the last training pass had " + trainedRows);
        }
        if (!needInputGradient) {
            return null;
        }
        gradInput = ActivationBuffers.fit(gradInput, gradOutput.dataType(), rows, inputShape());
        ArrayView gradOut = ArrayView.of(gradOutput);
        ArrayView gradIn = ArrayView.of(gradInput);
        for (int index = 0; index < gradIn.length(); index++) {
            gradIn.set(index, 0.0);
        }
        for (int window = 0; window < gradOut.length(); window++) {
            gradIn.set(argmax[window], gradOut.get(window));
        }
        return gradInput;
    }
}
