package org.mpbnlab.snn;

import java.util.List;
import org.mpbnlab.snn.kernel.ArrayView;
import org.mpbnlab.snn.kernel.HeapChunks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * BN_pre, the usual batch normalisation after a Dense or Conv2d op (docs/mathematics.md §3): per channel,
 * with statistics pooled over all {@code T·B} rows (and H, W) in training and running statistics
 * at inference:
 * <pre>
 *   y = γ_c·(x − μ_c)/sqrt(σ²_c + ε) + β_c
 * </pre>
 * The loops run over heap copies of the arrays (one bulk copy in and out), where an element access costs
 * a fraction of one through ND4J's native buffer; the training input's copy is kept for backward.
 */
public final class BatchNormPre extends ShapePreservingLayer {

    private final GroupLayout layout;
    private final DataType type;
    private final double epsilon;
    private final double momentum;
    private final Parameter gamma;
    private final Parameter beta;
    private final INDArray runningMean;
    private final INDArray runningVar;

    private final double[] mean;
    private final double[] variance;
    private final double[] inverseStd;
    private INDArray output;
    private INDArray gradInput;
    private ArrayView inputHeap;
    private ArrayView outputHeap;
    private ArrayView gradOutputHeap;
    private ArrayView gradInputHeap;
    private boolean holdsTrainingInput;
    private int lastRows;

    public BatchNormPre(int[] sampleShape, double epsilon, double momentum, DataType type) {
        super(sampleShape);
        this.layout = GroupLayout.channels(sampleShape);
        this.type = type;
        this.epsilon = epsilon;
        this.momentum = momentum;
        int channels = layout.groups();
        this.gamma = new Parameter("gamma", Nd4j.ones(type, channels), false);
        this.beta = new Parameter("beta", Nd4j.zeros(type, channels), false);
        this.runningMean = Nd4j.zeros(type, channels);
        this.runningVar = Nd4j.ones(type, channels);
        this.mean = new double[channels];
        this.variance = new double[channels];
        this.inverseStd = new double[channels];
    }

    @Override
    public String kind() {
        return "batchnorm";
    }

    @Override
    public INDArray forward(INDArray input, Pass pass) {
        int rows = pass.rows();
        output = Shapes.ensureRows(output, type, rows, shape);
        if (!pass.training()) {
            return normalizeWithRunningStatistics(input, rows);
        }
        inputHeap = ArrayView.heapLike(inputHeap, input);
        inputHeap.copyFrom(input);
        outputHeap = ArrayView.heapLike(outputHeap, output);
        ArrayView x = inputHeap;
        ArrayView runMean = ArrayView.of(runningMean);
        ArrayView runVar = ArrayView.of(runningVar);
        BatchNormMath.moments(x, 0, rows, layout, mean, variance);
        BatchNormMath.inverseStd(variance, epsilon, inverseStd);
        double pooled = (double) rows * pass.frameRepeats() * layout.spatial();
        BatchNormMath.updateRunning(runMean, runVar, 0, mean, variance, pooled, momentum);
        lastRows = rows;
        holdsTrainingInput = true;
        BatchNormMath.normalize(x, outputHeap, 0, rows, layout, mean, inverseStd,
                ArrayView.of(gamma.value()), ArrayView.of(beta.value()));
        outputHeap.copyTo(output);
        return output;
    }

    /**
     * Evaluation: {@code y = γ·(x − μ_run)/sqrt(σ²_run + ε) + β}, streamed through small heap chunks (nothing
     * is kept for a backward pass).
     */
    private INDArray normalizeWithRunningStatistics(INDArray input, int rows) {
        BatchNormMath.runningMoments(ArrayView.of(runningMean), ArrayView.of(runningVar), 0, epsilon, mean,
                inverseStd);
        holdsTrainingInput = false;
        ArrayView gammaView = ArrayView.of(gamma.value());
        ArrayView betaView = ArrayView.of(beta.value());
        int rowSize = layout.rowSize();
        HeapChunks.map(ArrayView.of(input), rowSize, ArrayView.of(output), rowSize, rows, (in, out, count) ->
                BatchNormMath.normalize(in, out, 0, count, layout, mean, inverseStd, gammaView, betaView));
        return output;
    }

    @Override
    public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
        if (!holdsTrainingInput) {
            throw new IllegalStateException("backward needs a training forward pass first");
        }
        gradInput = Shapes.ensureRows(gradInput, type, lastRows, shape);
        gradOutputHeap = ArrayView.heapLike(gradOutputHeap, gradOutput);
        gradOutputHeap.copyFrom(gradOutput);
        gradInputHeap = ArrayView.heapLike(gradInputHeap, gradInput);
        gamma.gradient().assign(0);
        beta.gradient().assign(0);
        BatchNormMath.backward(inputHeap, gradOutputHeap, gradInputHeap, 0, lastRows, layout, mean, inverseStd,
                ArrayView.of(gamma.value()), ArrayView.of(gamma.gradient()), ArrayView.of(beta.gradient()));
        gradInputHeap.copyTo(gradInput);
        return gradInput;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    @Override
    public List<NamedArray> buffers() {
        return List.of(new NamedArray("runningMean", runningMean), new NamedArray("runningVar", runningVar));
    }

    public double epsilon() {
        return epsilon;
    }

    public Parameter gamma() {
        return gamma;
    }

    public Parameter beta() {
        return beta;
    }

    public INDArray runningMean() {
        return runningMean;
    }

    public INDArray runningVar() {
        return runningVar;
    }
}
