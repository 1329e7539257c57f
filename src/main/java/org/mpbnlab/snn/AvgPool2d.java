package org.mpbnlab.snn;

import org.mpbnlab.snn.kernel.ActivationBuffers;
import org.mpbnlab.snn.kernel.ArrayView;
import org.mpbnlab.snn.kernel.HeapChunks;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Average pooling over non-overlapping k×k windows (stride k):
 * <pre>
 *   out[n, c, y, x] = (1/k²) · Σ_{i, j < k} in[n, c, y·k + i, x·k + j]
 * </pre>
 * Input {@code [N, C, H, W]} with H and W divisible by k, output {@code [N, C, H/k, W/k]}.
 */
public final class AvgPool2d extends WindowPooling {

    private INDArray output;
    private INDArray gradInput;

    /**
     * @param inputShape {@code [C, H, W]}, H and W divisible by {@code kernel}
     * @param kernel     k, the window size and stride
     */
    public AvgPool2d(int[] inputShape, int kernel) {
        super("avgpool2d", inputShape, kernel);
    }

    @Override
    public INDArray forward(INDArray input, Pass pass) {
        int rows = ActivationShape.rows("avgpool2d input", input, inputShape());
        output = ActivationBuffers.fit(output, input.dataType(), rows, outputShape());
        overHeapPlanes(ArrayView.of(input), inputPlane(), ArrayView.of(output), outputPlane(),
                rows * geometry.channels(), this::averageWindows);
        return output;
    }

    private int inputPlane() {
        return geometry.height() * geometry.width();
    }

    private int outputPlane() {
        return geometry.outHeight() * geometry.outWidth();
    }

    /** A loop over planes {@code [from, to)} of heap views. */
    @FunctionalInterface
    private interface PlaneLoop {
        void run(ArrayView source, ArrayView target, int from, int to);
    }

    /**
     * Runs {@code loop} over {@code planes} planes, streamed through small heap chunks ({@link HeapChunks}).
     */
    private static void overHeapPlanes(ArrayView source, int sourcePlane, ArrayView target, int targetPlane,
                                       int planes, PlaneLoop loop) {
        HeapChunks.map(source, sourcePlane, target, targetPlane, planes, (in, out, count) -> loop.run(in, out, 0, count));
    }

    /**
     * {@code out[plane, y, x] = (1/k²) Σ_{i,j} in[plane, y·k + i, x·k + j]} for planes {@code [from, to)},
     * summed row by row; the common 2×2 window is written out (same order, same result, twice as fast).
     */
    private void averageWindows(ArrayView in, ArrayView out, int from, int to) {
        int k = geometry.kernel();
        int width = geometry.width();
        int outHeight = geometry.outHeight();
        int outWidth = geometry.outWidth();
        double scale = 1.0 / (k * k);
        if (k == 2 && in instanceof ArrayView.HeapFloats source && out instanceof ArrayView.HeapFloats target) {
            averageTwoByTwo(source.array(), target.array(), from, to);
            return;
        }
        int index = from * outHeight * outWidth;
        for (int plane = from; plane < to; plane++) {
            for (int y = 0; y < outHeight; y++) {
                int rowOrigin = geometry.windowOrigin(plane, y, 0);
                if (k == 2) {
                    for (int x = 0; x < outWidth; x++, index++) {
                        int origin = rowOrigin + 2 * x;
                        out.set(index, (in.get(origin) + in.get(origin + 1) + in.get(origin + width)
                                + in.get(origin + width + 1)) * scale);
                    }
                    continue;
                }
                for (int x = 0; x < outWidth; x++, index++) {
                    int origin = rowOrigin + x * k;
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
    }

    /**
     * The 2×2 average over float planes {@code [from, to)} in single precision (the float engine): each output
     * row from two input rows, {@code (a + b + c + d)·¼} (exact for spikes, which are 0 or 1).
     */
    private void averageTwoByTwo(float[] in, float[] out, int from, int to) {
        int width = geometry.width();
        int outHeight = geometry.outHeight();
        int outWidth = geometry.outWidth();
        int index = from * outHeight * outWidth;
        for (int plane = from; plane < to; plane++) {
            for (int y = 0; y < outHeight; y++, index += outWidth) {
                int top = geometry.windowOrigin(plane, y, 0);
                int bottom = top + width;
                for (int x = 0; x < outWidth; x++) {
                    out[index + x] = (in[top + 2 * x] + in[top + 2 * x + 1] + in[bottom + 2 * x]
                            + in[bottom + 2 * x + 1]) * 0.25f;
                }
            }
        }
    }

    /** {@code ∂L/∂in[n, c, y·k + i, x·k + j] = (1/k²) · ∂L/∂out[n, c, y, x]}. */
    @Override
    public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
        int rows = ActivationShape.rows("avgpool2d output gradient", gradOutput, outputShape());
        if (!needInputGradient) {
            return null;
        }
        gradInput = ActivationBuffers.fit(gradInput, gradOutput.dataType(), rows, inputShape());
        overHeapPlanes(ArrayView.of(gradOutput), outputPlane(), ArrayView.of(gradInput), inputPlane(),
                rows * geometry.channels(), this::spreadGradients);
        return gradInput;
    }

    /** Every input of window (plane, y, x) receives {@code (1/k²) · gradOut[plane, y, x]}, for planes {@code [from, to)}. */
    private void spreadGradients(ArrayView gradOut, ArrayView gradIn, int from, int to) {
        int k = geometry.kernel();
        int width = geometry.width();
        int outHeight = geometry.outHeight();
        int outWidth = geometry.outWidth();
        double scale = 1.0 / (k * k);
        int index = from * outHeight * outWidth;
        for (int plane = from; plane < to; plane++) {
            for (int y = 0; y < outHeight; y++) {
                int rowOrigin = geometry.windowOrigin(plane, y, 0);
                if (k == 2) {
                    for (int x = 0; x < outWidth; x++, index++) {
                        int origin = rowOrigin + 2 * x;
                        double share = gradOut.get(index) * scale;
                        gradIn.set(origin, share);
                        gradIn.set(origin + 1, share);
                        gradIn.set(origin + width, share);
                        gradIn.set(origin + width + 1, share);
                    }
                    continue;
                }
                for (int x = 0; x < outWidth; x++, index++) {
                    int origin = rowOrigin + x * k;
                    double share = gradOut.get(index) * scale;
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            gradIn.set(origin + i * width + j, share);
                        }
                    }
                }
            }
        }
    }
}
