package org.mpbnlab.snn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpbnlab.snn.kernel.ArrayView;
import org.mpbnlab.snn.kernel.LoopThreads;
import org.mpbnlab.snn.kernel.TimeRepeat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A feed-forward spiking network: layers applied to {@code [T·B, ...]} activations, the last one
 * (the readout) at every step, and logits averaged over time (a Dense readout runs once on the
 * time-averaged spikes instead, which gives the same logits, see {@link #forward}):
 * <pre>
 *   logits[b] = (1/T)·Σ_t out[t·B + b]
 * </pre>
 */
public final class Network {

    private final NetworkSpec spec;
    private final List<Layer> layers;
    private final DataType type;
    /** Leading layers before the first neuron layer, which a repeated static frame runs only once. */
    private final int framePrefix;
    private INDArray logits;
    private INDArray gradReadout;
    /** The readout's input averaged over time, [B, ...]. */
    private INDArray readoutInput;
    private INDArray repeated;
    private INDArray gradRepeated;
    /** Heap copy of the gradient reaching the repeat, summed over T from there. */
    private ArrayView gradScratch;
    private boolean repeatedInput;
    private Pass lastPass;
    private int loopThreads = 2;
    /** What the last forward pass averaged over time: the readout's input, or its output, [T·B, ...]. */
    private INDArray stepwise;
    private boolean lastAveragedBeforeReadout;

    public Network(NetworkSpec spec, List<Layer> layers, DataType type) {
        this.spec = spec;
        this.layers = List.copyOf(layers);
        this.type = type;
        this.framePrefix = framePrefix(this.layers);
    }

    /**
     * How many threads the engine's own element loops use in this network's passes: 1, or 2 (the default;
     * larger numbers mean 2). The desktop app sets 1, to leave a core to the UI. Results do not depend on it.
     */
    public void setLoopThreads(int count) {
        this.loopThreads = LoopThreads.checked(count);
    }

    public int loopThreads() {
        return loopThreads;
    }

    public NetworkSpec spec() {
        return spec;
    }

    public List<Layer> layers() {
        return layers;
    }

    public DataType dataType() {
        return type;
    }

    /** The LIF layers in order (the layers a membrane or spike view can show). */
    public List<LifNeurons> neuronLayers() {
        List<LifNeurons> list = new ArrayList<>();
        for (Layer layer : layers) {
            if (layer instanceof LifNeurons lif) {
                list.add(lif);
            }
        }
        return Collections.unmodifiableList(list);
    }

    /** Every spiking layer in order, trainable or folded. */
    public List<NeuronLayer> spikingLayers() {
        List<NeuronLayer> list = new ArrayList<>();
        for (Layer layer : layers) {
            if (layer instanceof NeuronLayer neurons) {
                list.add(neurons);
            }
        }
        return Collections.unmodifiableList(list);
    }

    /** True when some neuron layer has MPBN folded into its thresholds (an inference-only network). */
    public boolean isFolded() {
        return layers.stream().anyMatch(l -> l instanceof FoldedLifNeurons);
    }

    /**
     * Runs all layers on {@code input} and returns the time-averaged logits {@code [B, classes]} (valid
     * until the next call). The input is either {@code [T·B, ...inputShape]}, one frame per step, or
     * {@code [B, ...inputShape]}: a static frame repeated at every step (direct encoding). In the second
     * case the layers before the first neuron layer run once on the B frames and their output is repeated
     * over T — T times less work. Those layers have no state over time, so each step would compute the same
     * rows; a batch normalisation among them pools its statistics over the B frames, whose mean and biased
     * variance are those of the T identical copies (and it counts T·B rows for the unbiased running variance,
     * see {@link Pass#frameRepeats()}); its gradient, summed over the copies, is the same too.
     */
    public INDArray forward(INDArray input, Pass pass) {
        return LoopThreads.with(loopThreads, () -> computeForward(input, pass));
    }

    private INDArray computeForward(INDArray input, Pass pass) {
        int batch = pass.batchSize();
        repeatedInput = pass.timeSteps() > 1 && input.size(0) == batch;
        int prefix = repeatedInput ? framePrefix : 0;
        Pass frames = Pass.staticFrames(pass);
        INDArray activation = input;
        for (int i = 0; i < prefix; i++) {
            activation = layers.get(i).forward(activation, frames);
        }
        if (repeatedInput && !staticFramesReachNeurons(prefix)) {
            int[] shape = prefix == 0 ? spec.inputShape() : layers.get(prefix - 1).outputShape();
            repeated = Shapes.ensureRows(repeated, type, pass.rows(), shape);
            TimeRepeat.repeat(ArrayView.of(activation), ArrayView.of(repeated), pass.timeSteps());
            activation = repeated;
        }
        int last = layers.size() - 1;
        boolean averaged = averagesBeforeReadout(prefix);
        for (int i = prefix; i < (averaged ? last : layers.size()); i++) {
            activation = layers.get(i).forward(activation, pass);
        }
        lastPass = pass;
        stepwise = activation;
        lastAveragedBeforeReadout = averaged;
        if (averaged) {
            readoutInput = Shapes.ensureRows(readoutInput, type, batch, layers.get(last).inputShape());
            TimeRepeat.average(ArrayView.of(activation), ArrayView.of(readoutInput), pass.timeSteps());
            return layers.get(last).forward(readoutInput, new Pass(1, batch, pass.training()));
        }
        int classes = spec.classes();
        if (logits == null || logits.size(0) != batch) {
            logits = Nd4j.create(type, batch, classes);
        }
        TimeRepeat.average(ArrayView.of(activation), ArrayView.of(logits), pass.timeSteps());
        return logits;
    }

    /**
     * The logits the last (evaluation) forward pass would have given had it stopped after each step: for
     * step t the running average over the steps so far,
     * <pre>
     *   logits_t[b] = (1/(t+1))·Σ_{k≤t} out[k·B + b]
     * </pre>
     * computed as {@link #forward} computes the final one (a Dense readout runs on the running average of
     * its input), so {@code logits_{T−1}} is bit for bit the logits forward returned. Returns
     * {@code [T][B·classes]}. Call it right after forward; it runs the readout again (T times, on B rows).
     */
    public float[][] logitsAfterEachStep() {
        if (lastPass == null || lastPass.training()) {
            throw new IllegalStateException("running logits need an evaluation forward pass first");
        }
        return LoopThreads.with(loopThreads, this::computeLogitsAfterEachStep);
    }

    private float[][] computeLogitsAfterEachStep() {
        int steps = lastPass.timeSteps();
        int batch = lastPass.batchSize();
        Layer readout = layers.get(layers.size() - 1);
        float[][] out = new float[steps][];
        for (int t = 0; t < steps; t++) {
            INDArray average;
            if (lastAveragedBeforeReadout) {
                readoutInput = Shapes.ensureRows(readoutInput, type, batch, readout.inputShape());
                TimeRepeat.average(ArrayView.of(stepwise), ArrayView.of(readoutInput), t + 1);
                average = readout.forward(readoutInput, new Pass(1, batch, false));
            } else {
                average = Nd4j.create(type, batch, spec.classes());
                TimeRepeat.average(ArrayView.of(stepwise), ArrayView.of(average), t + 1);
            }
            out[t] = average.dup().castTo(DataType.FLOAT).data().asFloat();
        }
        return out;
    }

    /**
     * True when the layer after the frame prefix is a neuron layer, which takes the B static frames itself
     * (reading them at every step, see {@link StaticFrames}) and returns their gradient summed over T.
     */
    private boolean staticFramesReachNeurons(int prefix) {
        return prefix < layers.size() && layers.get(prefix) instanceof NeuronLayer;
    }

    /**
     * True when the readout is a Dense layer after the neuron layers: being affine, it commutes with the
     * average over time, {@code (1/T)·Σ_t (W·s_t + b) = W·((1/T)·Σ_t s_t) + b}, so it runs once on the
     * time-averaged spikes (B rows) instead of at every step (T·B rows); its gradient reaches every step as
     * {@code (1/T)·∂L/∂s̄}. The same numbers up to rounding, T times less work for the readout.
     */
    private boolean averagesBeforeReadout(int prefix) {
        int last = layers.size() - 1;
        return last >= prefix && layers.get(last) instanceof Dense;
    }

    /** Number of leading layers before the first neuron layer (none of them has state over time). */
    private static int framePrefix(List<Layer> layers) {
        int prefix = 0;
        while (prefix < layers.size() && !(layers.get(prefix) instanceof NeuronLayer)) {
            prefix++;
        }
        return prefix;
    }

    /**
     * Back-propagates {@code gradLogits} ({@code [B, classes]}) through the last training forward
     * pass and sets every parameter's gradient: {@code ∂L/∂out[t·B + b] = ∂L/∂logits[b] / T}. With a
     * repeated input the gradient reaching the repeat is summed over the T steps.
     */
    public void backward(INDArray gradLogits) {
        LoopThreads.with(loopThreads, () -> computeBackward(gradLogits));
    }

    private void computeBackward(INDArray gradLogits) {
        if (lastPass == null || !lastPass.training()) {
            throw new IllegalStateException("backward needs a training forward pass first");
        }
        int steps = lastPass.timeSteps();
        int prefix = repeatedInput ? framePrefix : 0;
        int last = layers.size() - 1;
        INDArray grad;
        if (averagesBeforeReadout(prefix)) {
            INDArray gradAverage = layers.get(last).backward(gradLogits, true);
            gradReadout = Shapes.ensureRows(gradReadout, type, lastPass.rows(), layers.get(last).inputShape());
            TimeRepeat.spreadAverage(ArrayView.of(gradAverage), ArrayView.of(gradReadout), steps);
            grad = gradReadout;
            last--;
        } else {
            gradReadout = Shapes.ensureRows(gradReadout, type, lastPass.rows(), new int[] {spec.classes()});
            TimeRepeat.spreadAverage(ArrayView.of(gradLogits), ArrayView.of(gradReadout), steps);
            grad = gradReadout;
        }
        for (int i = last; i >= prefix; i--) {
            grad = layers.get(i).backward(grad, i > 0);
        }
        if (repeatedInput && prefix > 0) {
            if (!staticFramesReachNeurons(prefix)) {
                int[] shape = layers.get(prefix - 1).outputShape();
                gradRepeated = Shapes.ensureRows(gradRepeated, type, lastPass.batchSize(), shape);
                gradScratch = ArrayView.heapLike(gradScratch, grad);
                gradScratch.copyFrom(grad);
                TimeRepeat.sum(gradScratch, ArrayView.of(gradRepeated), steps);
                grad = gradRepeated;
            }
            for (int i = prefix - 1; i >= 0; i--) {
                grad = layers.get(i).backward(grad, i > 0);
            }
        }
    }

    /** All trainable parameters, keyed {@code "<index>.<kind>.<name>"}, in layer order. */
    public Map<String, Parameter> parameters() {
        Map<String, Parameter> map = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            for (Parameter p : layer.parameters()) {
                map.put(i + "." + layer.kind() + "." + p.name(), p);
            }
        }
        return map;
    }

    /** Every array that defines the trained network (parameters and running statistics), by stable name. */
    public Map<String, INDArray> state() {
        Map<String, INDArray> map = new LinkedHashMap<>();
        parameters().forEach((name, p) -> map.put(name, p.value()));
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            for (NamedArray b : layer.buffers()) {
                map.put(i + "." + layer.kind() + "." + b.name(), b.array());
            }
        }
        return map;
    }

    /** Copies every state array whose name also exists in {@code other} (e.g. the same network without MPBN). */
    public void copyMatchingStateFrom(Network other) {
        Map<String, INDArray> source = other.state();
        state().forEach((name, target) -> {
            INDArray value = source.get(name);
            if (value != null && java.util.Arrays.equals(value.shape(), target.shape())) {
                target.assign(value);
            }
        });
    }

    /** Input shape of one batch: {@code [T·B, ...inputShape]}. */
    public long[] inputShape(Pass pass) {
        return Shapes.withRows(pass.rows(), spec.inputShape());
    }
}
