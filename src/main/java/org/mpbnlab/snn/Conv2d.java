package org.mpbnlab.snn;

import java.util.List;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A 2-D convolution with a square k×k kernel, stride 1 and zero padding p:
 * <pre>
 *   y[n, o, y', x'] = b[o] + Σ_{c, i, j} w[o, c, i, j] · in[n, c, y' + i − p, x' + j − p]
 * </pre>
 * Input {@code [N, Cin, H, W]}, output {@code [N, Cout, H', W']} with {@code H' = H + 2p − k + 1}
 * (so k = 3, p = 1 keeps the size). The N rows are independent samples, so the T·B stacked
 * time steps of a spiking network share the weights.
 *
 * <p>Computed as one matrix product over all samples ({@link PatchLayout}): the patches are
 * gathered into {@code X [Cin·k·k, N·H'·W']}, multiplied by the weights {@code Wm [Cout, Cin·k·k]}
 * into {@code Wm·X [Cout, N·H'·W']}, then reordered to {@code [N, Cout, H', W']}. With this layout
 * the three products (forward {@code Wm·X}, weight gradient {@code G·Xᵀ}, patch gradient
 * {@code Wmᵀ·G}) only need GEMM's transpose flags, never a transposed copy. All buffers are reused
 * between calls and reallocated only when N changes; the plain-Java loops around the products are
 * split over two threads with a fixed partition ({@link TwoWaySplit}), so results are reproducible.
 *
 * <p>Backward uses the patch matrix of the last forward pass, which must have been a training
 * pass: an inference pass in between, or a second backward that computed the input gradient,
 * makes backward refuse with an {@link IllegalStateException} instead of returning wrong numbers.
 */
public final class Conv2d implements Layer {

    private final PatchLayout layout;
    private final int outChannels;
    private final DataType dtype;
    private final Parameter weight;
    private final Parameter bias;
    private final INDArray weightMatrix;
    private final INDArray weightGradientMatrix;
    private final ConvolutionBuffers buffers;
    private boolean columnsHoldTrainingInput;

    /**
     * @param inputShape  {@code [Cin, H, W]}
     * @param outChannels Cout
     * @param kernel      k, the kernel height and width
     * @param padding     p, zeros added on every side, {@code 0 ≤ p < k}
     * @param bias        whether to add a learned bias per output channel
     * @param dtype       FLOAT for training and inference, DOUBLE for gradient checks
     * @param rng         draws the initial weights; the same seed gives bit-identical weights
     */
    public Conv2d(int[] inputShape, int outChannels, int kernel, int padding, boolean bias,
                  DataType dtype, RandomGenerator rng) {
        int[] shape = ActivationShape.requirePositive("conv2d input shape [Cin, H, W]", inputShape, 3);
        if (outChannels <= 0) {
            throw new IllegalArgumentException("conv2d needs a positive number of output channels, got " + outChannels);
        }
        if (dtype != DataType.FLOAT && dtype != DataType.DOUBLE) {
            throw new IllegalArgumentException("conv2d supports FLOAT or DOUBLE, got " + dtype);
        }
        this.layout = new PatchLayout(shape[0], shape[1], shape[2], kernel, padding);
        this.outChannels = outChannels;
        this.dtype = dtype;
        int fanIn = layout.patchLength();
        this.weight = new Parameter("weight",
                Nd4j.create(dtype, outChannels, shape[0], kernel, kernel), true);
        this.bias = bias ? new Parameter("bias", Nd4j.create(dtype, outChannels), false) : null;
        initialiseUniform(weight.value(), fanIn, rng);
        if (bias) {
            initialiseUniform(this.bias.value(), fanIn, rng);
        }
        this.weightMatrix = weight.value().reshape('c', outChannels, fanIn);
        this.weightGradientMatrix = weight.gradient().reshape('c', outChannels, fanIn);
        this.buffers = new ConvolutionBuffers(layout, outChannels, dtype);
    }

    /**
     * PyTorch's default initialisation (Kaiming-uniform with a = √5): every value is drawn from
     * {@code U(−1/√fanIn, 1/√fanIn)}, {@code fanIn = Cin·k·k}, in c-order, weights before bias.
     */
    private static void initialiseUniform(INDArray array, int fanIn, RandomGenerator rng) {
        double bound = 1.0 / Math.sqrt(fanIn);
        ArrayView values = ArrayView.of(array);
        for (int index = 0; index < values.length(); index++) {
            values.set(index, bound * (2.0 * rng.nextDouble() - 1.0));
        }
    }

    @Override
    public String kind() {
        return "conv2d";
    }

    @Override
    public int[] inputShape() {
        return new int[] {layout.channels(), layout.height(), layout.width()};
    }

    @Override
    public int[] outputShape() {
        return new int[] {outChannels, layout.outHeight(), layout.outWidth()};
    }

    public int kernel() {
        return layout.kernel();
    }

    public int padding() {
        return layout.padding();
    }

    public boolean hasBias() {
        return bias != null;
    }

    public DataType dataType() {
        return dtype;
    }

    /** The weights {@code [Cout, Cin, k, k]}. */
    public Parameter weight() {
        return weight;
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    /** {@code Y = Wm·X} as one GEMM, then {@code y[n, o, ·] = Y[o, n·H'W' + ·] + b[o]}. */
    @Override
    public INDArray forward(INDArray input, Pass pass) {
        int rows = ActivationShape.rows("conv2d input", input, inputShape());
        requireDataType("input", input);
        buffers.ensureRows(rows);
        ArrayView columns = ArrayView.of(buffers.columns());
        ArrayView in = ArrayView.of(input);
        long patchWork = (long) layout.patchLength() * rows * layout.positions();
        TwoWaySplit.run(layout.patchLength(), patchWork, (from, to) -> layout.gather(in, rows, columns, from, to));
        Nd4j.gemm(weightMatrix, buffers.columns(), buffers.channelMajor(), false, false, 1.0, 0.0);
        addBiasSampleMajor(rows);
        columnsHoldTrainingInput = pass.training();
        return buffers.output();
    }

    /** {@code out[n, o, q] = Y[o, n·P + q] + b[o]} with P = H'·W'. */
    private void addBiasSampleMajor(int rows) {
        ArrayView channelMajor = ArrayView.of(buffers.channelMajor());
        ArrayView output = ArrayView.of(buffers.output());
        ArrayView biasValues = bias == null ? null : ArrayView.of(bias.value());
        int positions = layout.positions();
        long rowLength = (long) rows * positions;
        TwoWaySplit.run(rows, (long) rows * outChannels * positions, (from, to) -> {
            for (int n = from; n < to; n++) {
                for (int o = 0; o < outChannels; o++) {
                    double offset = biasValues == null ? 0.0 : biasValues.get(o);
                    int source = Math.toIntExact(o * rowLength + (long) n * positions);
                    int destination = (n * outChannels + o) * positions;
                    for (int q = 0; q < positions; q++) {
                        output.set(destination + q, channelMajor.get(source + q) + offset);
                    }
                }
            }
        });
    }

    /**
     * With {@code G = ∂L/∂Y [Cout, N·H'W']}: {@code ∂L/∂Wm = G·Xᵀ}, {@code ∂L/∂b[o] = Σ_{n,q} G[o, n·P+q]},
     * {@code ∂L/∂X = Wmᵀ·G}, and ∂L/∂in is ∂L/∂X scattered back onto the image
     * ({@link PatchLayout#scatter}).
     */
    @Override
    public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
        if (!columnsHoldTrainingInput) {
            throw new IllegalStateException(
                    "conv2d backward needs a training forward pass first (call forward with a training Pass)");
        }
        int rows = ActivationShape.rows("conv2d output gradient", gradOutput, outputShape());
        requireDataType("output gradient", gradOutput);
        if (rows != buffers.rows()) {
            throw new IllegalArgumentException("conv2d output gradient has " + rows
                    + " rows but the last forward pass had " + buffers.rows());
        }
        gatherChannelMajorAndBiasGradient(ArrayView.of(gradOutput), rows);
        Nd4j.gemm(buffers.channelMajor(), buffers.columns(), weightGradientMatrix, false, true, 1.0, 0.0);
        if (!needInputGradient) {
            return null;
        }
        // X is no longer needed: its buffer receives ∂L/∂X
        columnsHoldTrainingInput = false;
        Nd4j.gemm(weightMatrix, buffers.channelMajor(), buffers.columns(), true, false, 1.0, 0.0);
        ArrayView gradInput = ArrayView.of(buffers.gradInput());
        ArrayView gradColumns = ArrayView.of(buffers.columns());
        long patchWork = (long) layout.patchLength() * rows * layout.positions();
        TwoWaySplit.run(rows, patchWork, (from, to) -> layout.scatter(gradColumns, rows, gradInput, from, to));
        return buffers.gradInput();
    }

    /** {@code G[o, n·P + q] = g[n, o, q]}, and {@code ∂L/∂b[o] = Σ_{n,q} g[n, o, q]} in a fixed order. */
    private void gatherChannelMajorAndBiasGradient(ArrayView gradOutput, int rows) {
        ArrayView channelMajor = ArrayView.of(buffers.channelMajor());
        int positions = layout.positions();
        long rowLength = (long) rows * positions;
        // per-sample sums first, so the total does not depend on how the samples are split
        double[] sampleSums = new double[rows * outChannels];
        TwoWaySplit.run(rows, (long) rows * outChannels * positions, (from, to) -> {
            for (int n = from; n < to; n++) {
                for (int o = 0; o < outChannels; o++) {
                    int source = (n * outChannels + o) * positions;
                    int destination = Math.toIntExact(o * rowLength + (long) n * positions);
                    double sum = 0.0;
                    for (int q = 0; q < positions; q++) {
                        double g = gradOutput.get(source + q);
                        channelMajor.set(destination + q, g);
                        sum += g;
                    }
                    sampleSums[n * outChannels + o] = sum;
                }
            }
        });
        if (bias != null) {
            ArrayView gradient = ArrayView.of(bias.gradient());
            for (int o = 0; o < outChannels; o++) {
                double total = 0.0;
                for (int n = 0; n < rows; n++) {
                    total += sampleSums[n * outChannels + o];
                }
                gradient.set(o, total);
            }
        }
    }

    private void requireDataType(String what, INDArray array) {
        if (array.dataType() != dtype) {
            throw new IllegalArgumentException("conv2d was built for " + dtype + " but its " + what
                    + " is " + array.dataType() + ": convert the array or build the layer for " + array.dataType());
        }
    }
}
