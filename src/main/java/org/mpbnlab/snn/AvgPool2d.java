package org.mpbnlab.snn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Average pooling over non-overlapping k×k windows (stride k):
 * <pre>
 *   out[n, c, y, x] = (1/k²) · Σ_{i, j < k} in[n, c, y·k + i, x·k + j]
 * </pre>
 * Input {@code [N, C, H, W]} with H and W divisible by k, output {@code [N, C, H/k, W/k]}.
 */
public final class AvgPool2d implements Layer {

    private final PoolingGeometry geometry;
    private INDArray output;
    private INDArray gradInput;

    /**
     * @param inputShape {@code [C, H, W]}, H and W divisible by {@code kernel}
     * @param kernel     k, the window size and stride
     */
    public AvgPool2d(int[] inputShape, int kernel) {
        this.geometry = PoolingGeometry.of("avgpool2d", inputShape, kernel);
    }

    @Override
    public String kind() {
        return "avgpool2d";
    }

    @Override
    public int[] inputShape() {
        return geometry.inputShape();
    }

    @Override
    public int[] outputShape() {
        return geometry.outputShape();
    }

    public int kernel() {
        return geometry.kernel();
    }

    @Override
    public INDArray forward(INDArray input, Pass pass) {
        int rows = ActivationShape.rows("avgpool2d input", input, inputShape());
        output = ActivationBuffers.fit(output, input.dataType(), rows, outputShape());
        ArrayView in = ArrayView.of(input);
        ArrayView out = ArrayView.of(output);
        int k = geometry.kernel();
        int width = geometry.width();
        double scale = 1.0 / (k * k);
        int planes = rows * geometry.channels();
        TwoWaySplit.run(planes, input.length(), (from, to) -> {
            int index = from * geometry.outHeight() * geometry.outWidth();
            for (int plane = from; plane < to; plane++) {
                for (int y = 0; y < geometry.outHeight(); y++) {
                    for (int x = 0; x < geometry.outWidth(); x++, index++) {
                        int origin = geometry.windowOrigin(plane, y, x);
                        double sum = 0.0;
                        for (int i = 0; i < k; i++) {
                            for (int j = 0; j < k; j++) {
                                sum += in.get(origin + i * width + j);
                            }
                        }
                        out.set(index, sum * scale);
                    }
                }
            }
        });
        return output;
    }

    /** {@code ∂L/∂in[n, c, y·k + i, x·k + j] = (1/k²) · ∂L/∂out[n, c, y, x]}. */
    @Override
    public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
        int rows = ActivationShape.rows("avgpool2d output gradient", gradOutput, outputShape());
        if (!needInputGradient) {
            return null;
        }
        gradInput = ActivationBuffers.fit(gradInput, gradOutput.dataType(), rows, inputShape());
        ArrayView gradOut = ArrayView.of(gradOutput);
        ArrayView gradIn = ArrayView.of(gradInput);
        int k = geometry.kernel();
        int width = geometry.width();
        double scale = 1.0 / (k * k);
        int planes = rows * geometry.channels();
        TwoWaySplit.run(planes, gradIn.length(), (from, to) -> {
            int index = from * geometry.outHeight() * geometry.outWidth();
            for (int plane = from; plane < to; plane++) {
                for (int y = 0; y < geometry.outHeight(); y++) {
                    for (int x = 0; x < geometry.outWidth(); x++, index++) {
                        int origin = geometry.windowOrigin(plane, y, x);
                        double share = gradOut.get(index) * scale;
                        for (int i = 0; i < k; i++) {
                            for (int j = 0; j < k; j++) {
                                gradIn.set(origin + i * width + j, share);
                            }
                        }
                    }
                }
            }
        });
        return gradInput;
    }
}
