package org.mpbnlab.snn;

import java.util.List;
import java.util.random.RandomGenerator;
import org.mpbnlab.snn.kernel.ActivationBuffers;
import org.mpbnlab.snn.kernel.ArrayView;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
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
 * <p>The convolution and its gradients are ND4J's native {@code conv2d} and {@code conv2d_bp} ops,
 * which run on oneDNN for float arrays (several times faster than an im2col product written
 * around a GEMM) and on ND4J's own im2col code for double arrays (the gradient checks). The
 * gradients are
 * <pre>
 *   ∂L/∂w[o, c, i, j] = Σ_{n, y', x'} g[n, o, y', x'] · in[n, c, y' + i − p, x' + j − p]
 *   ∂L/∂b[o]          = Σ_{n, y', x'} g[n, o, y', x']
 *   ∂L/∂in[n, c, h, w] = Σ_{o, i, j} g[n, o, h − i + p, w − j + p] · w[o, c, i, j]
 * </pre>
 * with {@code g = ∂L/∂y} (terms outside the output are 0). Output and gradient arrays are reused
 * while N stays the same.
 *
 * <p>Backward uses the input of the last forward pass, which must have been a training pass (the
 * layer keeps its own copy of that input): after an inference pass, backward refuses with an
 * {@link IllegalStateException} instead of returning wrong numbers.
 */
public final class Conv2d implements Layer {

    /** ND4J's layout codes: {@code dataFormat} 0 = NCHW, {@code wFormat} 1 = [Cout, Cin, k, k]. */
    private static final int NCHW = 0;
    private static final int WEIGHTS_OUT_IN_Y_X = 1;
    private static final int EXPLICIT_PADDING = 0;

    private final int[] inputShape;
    private final int outChannels;
    private final int kernel;
    private final int padding;
    private final DataType dtype;
    private final Parameter weight;
    private final Parameter bias;
    private INDArray output;
    private INDArray trainingInput;
    private INDArray gradInput;
    private boolean holdsTrainingInput;

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
        requireGeometry(shape, kernel, padding);
        this.inputShape = shape.clone();
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.padding = padding;
        this.dtype = dtype;
        int fanIn = shape[0] * kernel * kernel;
        this.weight = new Parameter("weight",
                Nd4j.create(dtype, outChannels, shape[0], kernel, kernel), true);
        this.bias = bias ? new Parameter("bias", Nd4j.create(dtype, outChannels), false) : null;
        initialiseUniform(weight.value(), fanIn, rng);
        if (bias) {
            initialiseUniform(this.bias.value(), fanIn, rng);
        }
    }

    private static void requireGeometry(int[] shape, int kernel, int padding) {
        if (kernel <= 0) {
            throw new IllegalArgumentException("convolution kernel size must be positive, got " + kernel);
        }
        if (padding < 0 || padding >= kernel) {
            throw new IllegalArgumentException("convolution padding must be in [0, kernel), got padding "
                    + padding + " for kernel " + kernel);
        }
        if (shape[1] + 2 * padding < kernel || shape[2] + 2 * padding < kernel) {
            throw new IllegalArgumentException("kernel " + kernel + " with padding " + padding
                    + " does not fit an input of " + shape[1] + "×" + shape[2] + ": use a smaller kernel or more padding");
        }
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
        return inputShape.clone();
    }

    @Override
    public int[] outputShape() {
        int size = kernel - 1 - 2 * padding;
        return new int[] {outChannels, inputShape[1] - size, inputShape[2] - size};
    }

    public int kernel() {
        return kernel;
    }

    public int padding() {
        return padding;
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

    @Override
    public INDArray forward(INDArray input, Pass pass) {
        int rows = ActivationShape.rows("conv2d input", input, inputShape);
        requireDataType("input", input);
        output = ActivationBuffers.fit(output, dtype, rows, outputShape());
        INDArray[] inputs = bias == null
                ? new INDArray[] {input, weight.value()}
                : new INDArray[] {input, weight.value(), bias.value()};
        Nd4j.exec(operation("conv2d").addInputs(inputs).addOutputs(output).build());
        holdsTrainingInput = pass.training();
        if (holdsTrainingInput) {
            trainingInput = ActivationBuffers.fit(trainingInput, dtype, rows, inputShape);
            trainingInput.assign(input);
        }
        return output;
    }

    @Override
    public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
        if (!holdsTrainingInput) {
            throw new IllegalStateException(
                    "conv2d backward needs a training forward pass first (call forward with a training Pass)");
        }
        int rows = ActivationShape.rows("conv2d output gradient", gradOutput, outputShape());
        requireDataType("output gradient", gradOutput);
        if (rows != trainingInput.size(0)) {
            throw new IllegalArgumentException("conv2d output gradient has " + rows
                    + " rows but the last forward pass had " + trainingInput.size(0));
        }
        // the op always computes ∂L/∂in; when the caller does not need it, it is simply not returned
        gradInput = ActivationBuffers.fit(gradInput, dtype, rows, inputShape);
        INDArray[] inputs = bias == null
                ? new INDArray[] {trainingInput, weight.value(), gradOutput}
                : new INDArray[] {trainingInput, weight.value(), bias.value(), gradOutput};
        INDArray[] outputs = bias == null
                ? new INDArray[] {gradInput, weight.gradient()}
                : new INDArray[] {gradInput, weight.gradient(), bias.gradient()};
        Nd4j.exec(operation("conv2d_bp").addInputs(inputs).addOutputs(outputs).build());
        return needInputGradient ? gradInput : null;
    }

    /** An ND4J convolution op with this layer's geometry: k×k, stride 1, padding p, NCHW, OIYX weights. */
    private DynamicCustomOp.DynamicCustomOpsBuilder operation(String name) {
        return DynamicCustomOp.builder(name).addIntegerArguments(
                kernel, kernel, 1, 1, padding, padding, 1, 1, EXPLICIT_PADDING, NCHW, WEIGHTS_OUT_IN_Y_X);
    }

    private void requireDataType(String what, INDArray array) {
        if (array.dataType() != dtype) {
            throw new IllegalArgumentException("conv2d was built for " + dtype + " but its " + what
                    + " is " + array.dataType() + ": convert the array or build the layer for " + array.dataType());
        }
    }
}
