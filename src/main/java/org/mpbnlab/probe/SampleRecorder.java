package org.mpbnlab.probe;

import java.util.ArrayList;
import java.util.List;
import org.mpbnlab.data.DataSplit;
import org.mpbnlab.fold.FoldMethod;
import org.mpbnlab.fold.ThresholdFolder;
import org.mpbnlab.snn.ArrayValues;
import org.mpbnlab.snn.BatchNormPre;
import org.mpbnlab.snn.FoldedLifNeurons;
import org.mpbnlab.snn.GroupLayout;
import org.mpbnlab.snn.Layer;
import org.mpbnlab.snn.LifNeurons;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.NeuronLayer;
import org.mpbnlab.snn.Pass;
import org.mpbnlab.train.InputFeeder;
import org.mpbnlab.train.SoftmaxCrossEntropy;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The one recording path of the app and the command line: runs a network in evaluation mode (running
 * statistics) on chosen samples and copies out, per LIF layer, everything behind every spike (see
 * {@link LayerRecording}), and the logits after each step. Nothing is recomputed: the values are the
 * engine's own buffers after its forward pass; only the folded threshold Ṽ shown beside an MPBN layer
 * comes from the exact fold ({@link ThresholdFolder}).
 *
 * <p>One recorder per network; it must not run while another thread uses the same network (the app
 * records on a copy of the training network's weights).
 */
public final class SampleRecorder {

    /** Spike values read at a time when they are turned into bytes (a small array, not a copy of the layer's). */
    private static final int SPIKE_CHUNK = 1 << 14;

    private final Network network;
    /** The exact fold of the network, made on first use when it has MPBN layers. */
    private Network fold;

    public SampleRecorder(Network network) {
        if (network.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("recordings are made from float32 networks (the engine's type)");
        }
        this.network = network;
    }

    public Network network() {
        return network;
    }

    /**
     * Records samples {@code indices} of {@code split} (labels from the split, or −1 for each sample when
     * {@code labelled} is false, e.g. a drawn input).
     */
    public Recording record(DataSplit split, int[] indices, InputFeeder feeder, int[] sampleIndices, boolean labelled) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("choose at least one sample to record");
        }
        for (int i : indices) {
            if (i < 0 || i >= split.count()) {
                throw new IllegalArgumentException("sample " + i + " does not exist: the test set has samples 0–"
                        + (split.count() - 1));
            }
        }
        int steps = network.spec().timeSteps();
        Pass pass = new Pass(steps, indices.length, false);
        INDArray input = feeder.encode(network, split, indices, pass);
        float[] inputCopy = floats(input);
        int inputSteps = (int) (input.size(0) / indices.length);
        INDArray finalLogits = network.forward(input, pass);
        int[] predictions = SoftmaxCrossEntropy.predictions(finalLogits);
        List<LayerRecording> layers = new ArrayList<>();
        List<NeuronLayer> spiking = network.spikingLayers();
        List<NeuronLayer> folded = needsFold(spiking) ? fold().spikingLayers() : null;
        for (int l = 0; l < spiking.size(); l++) {
            layers.add(layer(l, spiking.get(l), folded == null ? null : folded.get(l), pass));
        }
        float[][] perStep = network.logitsAfterEachStep();
        int classes = network.spec().classes();
        float[] logits = new float[steps * indices.length * classes];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(perStep[t], 0, logits, t * indices.length * classes, indices.length * classes);
        }
        int[] labels = new int[indices.length];
        for (int b = 0; b < indices.length; b++) {
            labels[b] = labelled ? split.label(indices[b]) : -1;
        }
        NeuronLayer first = spiking.get(0);
        return new Recording(describe(network), steps, sampleIndices, labels, predictions, classes, logits, inputCopy,
                inputSteps, network.spec().inputShape(), first.lifParameters().tau(),
                first.lifParameters().threshold(), layers);
    }

    /** Records test samples {@code indices} of {@code split}, with their labels. */
    public Recording record(DataSplit split, int[] indices, InputFeeder feeder) {
        return record(split, indices, feeder, indices, true);
    }

    /**
     * The network's answer for each of {@code indices} (evaluation mode, in batches of {@code batch}), without
     * recording anything: what a gallery of samples shows beside each one.
     */
    public int[] predict(DataSplit split, int[] indices, InputFeeder feeder, int batch) {
        int[] predictions = new int[indices.length];
        for (int start = 0; start < indices.length; start += batch) {
            int size = Math.min(batch, indices.length - start);
            int[] part = java.util.Arrays.copyOfRange(indices, start, start + size);
            Pass pass = new Pass(network.spec().timeSteps(), size, false);
            int[] answers = SoftmaxCrossEntropy.predictions(network.forward(feeder.encode(network, split, part, pass),
                    pass));
            System.arraycopy(answers, 0, predictions, start, size);
        }
        return predictions;
    }

    private static boolean needsFold(List<NeuronLayer> layers) {
        return layers.stream().anyMatch(l -> l instanceof LifNeurons lif && lif.mpbnParameters().enabled());
    }

    private Network fold() {
        if (fold == null) {
            fold = ThresholdFolder.fold(network, FoldMethod.EXACT).network();
        }
        return fold;
    }

    private static LayerRecording layer(int index, NeuronLayer layer, NeuronLayer foldOfLayer, Pass pass) {
        int[] shape = layer.outputShape();
        int neurons = shape.length == 3 ? shape[0] * shape[1] * shape[2] : shape[0];
        int steps = pass.timeSteps();
        float[] x = floats(layer.lastInputCurrent());
        float[] uPre = floats(layer.lastMembraneBeforeNorm());
        byte[] spikes = spikes(layer.lastSpikes());
        double vth = layer.lifParameters().threshold();
        float[] uHat = null;
        double[] threshold;
        byte[] direction;
        double[] foldedThreshold = null;
        byte[] foldedDirection = null;
        if (layer instanceof FoldedLifNeurons folded) {
            threshold = expand(ArrayValues.read(folded.threshold()), folded.groupLayout(), steps);
            direction = signs(expand(ArrayValues.read(folded.direction()), folded.groupLayout(), steps));
        } else {
            threshold = new double[steps * neurons];
            java.util.Arrays.fill(threshold, vth);
            direction = new byte[steps * neurons];
            java.util.Arrays.fill(direction, (byte) 1);
            LifNeurons lif = (LifNeurons) layer;
            if (lif.mpbnParameters().enabled()) {
                uHat = floats(lif.lastMembraneAfterNorm());
                FoldedLifNeurons fold = (FoldedLifNeurons) foldOfLayer;
                foldedThreshold = expand(ArrayValues.read(fold.threshold()), fold.groupLayout(), steps);
                foldedDirection = signs(expand(ArrayValues.read(fold.direction()), fold.groupLayout(), steps));
            }
        }
        String description = "LIF " + (index + 1) + " · " + ProbeRecorder.describe(shape);
        return new LayerRecording(index, description, shape, steps, pass.batchSize(), x, uPre, uHat, spikes,
                threshold, direction, foldedThreshold, foldedDirection);
    }

    /** Per-[set, group] values as [T, neurons]: step t uses set t (per-step sets) or set 0 (one shared set). */
    private static double[] expand(double[] perGroup, GroupLayout layout, int steps) {
        int groups = layout.groups();
        int sets = perGroup.length / groups;
        int neurons = layout.rowSize();
        double[] out = new double[steps * neurons];
        for (int t = 0; t < steps; t++) {
            int set = sets == 1 ? 0 : t;
            for (int n = 0; n < neurons; n++) {
                out[t * neurons + n] = perGroup[set * groups + n / layout.spatial()];
            }
        }
        return out;
    }

    private static byte[] signs(double[] values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) Math.signum(values[i]);
        }
        return out;
    }

    /** The spikes (values 0 or 1) of a whole engine array as bytes, read through a small float chunk. */
    private static byte[] spikes(INDArray array) {
        ArrayValues.requireContiguous(array);
        java.nio.FloatBuffer values = array.data().asNioFloat();
        byte[] out = new byte[(int) array.length()];
        float[] chunk = new float[Math.min(out.length, SPIKE_CHUNK)];
        for (int start = 0; start < out.length; start += chunk.length) {
            int count = Math.min(chunk.length, out.length - start);
            values.get(start, chunk, 0, count);
            for (int i = 0; i < count; i++) {
                out[start + i] = chunk[i] > 0.5f ? (byte) 1 : 0;
            }
        }
        return out;
    }

    /** A float copy of a whole engine array. */
    private static float[] floats(INDArray array) {
        float[] out = new float[(int) array.length()];
        ArrayValues.requireContiguous(array);
        array.data().asNioFloat().get(0, out, 0, out.length);
        return out;
    }

    /** What kind of network ran: MPBN, no MPBN, folded; "deployable" when BN_pre is folded into the weights too. */
    static String describe(Network network) {
        boolean folded = network.isFolded();
        boolean mpbn = network.neuronLayers().stream().anyMatch(l -> l.mpbnParameters().enabled());
        boolean batchNorm = false;
        for (Layer layer : network.layers()) {
            batchNorm |= layer instanceof BatchNormPre;
        }
        if (folded) {
            return batchNorm ? "folded" : "deployable";
        }
        return (mpbn ? "MPBN" : "no MPBN") + (batchNorm ? "" : ", BN_pre in the weights");
    }
}
