package org.mpbnlab.snn;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.mpbnlab.snn.kernel.ArrayView;
import org.mpbnlab.snn.kernel.HeapChunks;
import org.mpbnlab.snn.kernel.NarrowProducts;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fully connected layer, shared over time steps: {@code y = x·W + b} with {@code W} of shape
 * {@code [in, out]}. Weights start Kaiming-uniform as in PyTorch's default,
 * {@code W, b ~ U(−1/sqrt(in), 1/sqrt(in))}.
 */
public final class Dense implements Layer {

    /**
     * Up to this many outputs (a readout) the products run as Java loops: an ND4J GEMM call costs
     * about a millisecond for such skinny matrices, the loop over heap copies a fraction of it.
     */
    static final int NARROW = 32;

    /** ... and at most this many inputs: a long narrow product is again faster in GEMM. */
    static final int NARROW_INPUTS = 1024;

    private final int inputs;
    private final int outputs;
    private final DataType type;
    private final Parameter weight;
    private final Parameter bias;
    private INDArray output;
    private INDArray gradInput;
    private INDArray lastInput;
    /** Heap copies for the narrow products: the input (kept for backward), the output and both gradients. */
    private ArrayView inputHeap;
    private ArrayView outputHeap;
    private ArrayView gradOutputHeap;
    private ArrayView gradInputHeap;

    public Dense(int inputs, int outputs, boolean withBias, DataType type, RandomGenerator rng) {
        if (inputs <= 0 || outputs <= 0) {
            throw new IllegalArgumentException("Dense needs positive sizes, got " + inputs + " → " + outputs);
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.type = type;
        double bound = 1.0 / Math.sqrt(inputs);
        this.weight = new Parameter("weight", uniform(type, rng, bound, inputs, outputs), true);
        this.bias = withBias ? new Parameter("bias", uniform(type, rng, bound, outputs), false) : null;
    }

    static INDArray uniform(DataType type, RandomGenerator rng, double bound, long... shape) {
        INDArray array = Nd4j.create(type, shape);
        ArrayView view = ArrayView.of(array);
        for (int i = 0; i < view.length(); i++) {
            view.set(i, (rng.nextDouble() * 2 - 1) * bound);
        }
        return array;
    }

    @Override
    public String kind() {
        return "dense";
    }

    @Override
    public int[] inputShape() {
        return new int[] {inputs};
    }

    @Override
    public int[] outputShape() {
        return new int[] {outputs};
    }

    @Override
    public INDArray forward(INDArray input, Pass pass) {
        int rows = pass.rows();
        INDArray x = asMatrix(input, rows);
        output = Shapes.ensureRows(output, type, rows, outputShape());
        if (narrow()) {
            INDArray contiguous = x.isView() ? x.dup() : x;
            inputHeap = ArrayView.heapLike(inputHeap, contiguous);
            inputHeap.copyFrom(contiguous);
            outputHeap = ArrayView.heapLike(outputHeap, output);
            NarrowProducts.multiply(inputHeap, ArrayView.of(weight.value()), outputHeap, rows, inputs, outputs);
            if (bias != null) {
                addBias(outputHeap, outputHeap, rows);
            }
            outputHeap.copyTo(output);
        } else {
            Nd4j.gemm(x, weight.value(), output, false, false, 1.0, 0.0);
            if (bias != null) {
                ArrayView y = ArrayView.of(output);
                HeapChunks.map(y, outputs, y, outputs, rows, (in, out, count) -> addBias(in, out, count));
            }
        }
        lastInput = pass.training() ? x : null;
        return output;
    }

    /** {@code out[r, o] = in[r, o] + b[o]} for rows {@code [0, rows)} of heap views ({@code out} may be {@code in}). */
    private void addBias(ArrayView in, ArrayView out, int rows) {
        ArrayView b = ArrayView.of(bias.value());
        double[] values = b.toDoubleArray();
        for (int r = 0; r < rows; r++) {
            int base = r * outputs;
            for (int o = 0; o < outputs; o++) {
                out.set(base + o, in.get(base + o) + values[o]);
            }
        }
    }

    /**
     * Backward: {@code ∂L/∂W = xᵀ·dy}, {@code ∂L/∂b = Σ_rows dy}, {@code ∂L/∂x = dy·Wᵀ}.
     */
    @Override
    public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
        if (lastInput == null) {
            throw new IllegalStateException("backward needs a training forward pass first");
        }
        int rows = (int) gradOutput.size(0);
        boolean narrow = narrow();
        if (narrow) {
            gradOutputHeap = ArrayView.heapLike(gradOutputHeap, gradOutput);
            gradOutputHeap.copyFrom(gradOutput);
            NarrowProducts.transposedLeft(inputHeap, gradOutputHeap, ArrayView.of(weight.gradient()), rows, inputs,
                    outputs);
        } else {
            Nd4j.gemm(lastInput, gradOutput, weight.gradient(), true, false, 1.0, 0.0);
        }
        if (bias != null) {
            ArrayView dy = ArrayView.of(gradOutput);
            ArrayView db = ArrayView.of(bias.gradient());
            double[] sums = new double[outputs];
            for (int r = 0; r < rows; r++) {
                int base = r * outputs;
                for (int o = 0; o < outputs; o++) {
                    sums[o] += dy.get(base + o);
                }
            }
            for (int o = 0; o < outputs; o++) {
                db.set(o, sums[o]);
            }
        }
        if (!needInputGradient) {
            return null;
        }
        gradInput = Shapes.ensureRows(gradInput, type, rows, inputShape());
        if (narrow) {
            gradInputHeap = ArrayView.heapLike(gradInputHeap, gradInput);
            NarrowProducts.transposedRight(gradOutputHeap, ArrayView.of(weight.value()), gradInputHeap, rows, inputs,
                    outputs);
            gradInputHeap.copyTo(gradInput);
        } else {
            Nd4j.gemm(gradOutput, weight.value(), gradInput, false, true, 1.0, 0.0);
        }
        return gradInput;
    }

    private boolean narrow() {
        return outputs <= NARROW && inputs <= NARROW_INPUTS;
    }

    private INDArray asMatrix(INDArray input, int rows) {
        if (input.rank() == 2) {
            if (input.size(1) != inputs) {
                throw new IllegalArgumentException("Dense expects " + inputs + " inputs, got " + input.size(1));
            }
            return input;
        }
        if (input.length() != (long) rows * inputs) {
            throw new IllegalArgumentException("Dense expects " + inputs + " inputs per row");
        }
        return input.reshape('c', rows, inputs);
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> list = new ArrayList<>();
        list.add(weight);
        if (bias != null) {
            list.add(bias);
        }
        return list;
    }

    public Parameter weight() {
        return weight;
    }

    /** The bias, or null when the layer has none. */
    public Parameter bias() {
        return bias;
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return outputs;
    }
}
