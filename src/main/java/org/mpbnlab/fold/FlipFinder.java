package org.mpbnlab.fold;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.mpbnlab.data.DataSplit;
import org.mpbnlab.snn.FoldedLifNeurons;
import org.mpbnlab.snn.LifNeurons;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.NeuronLayer;
import org.mpbnlab.snn.Pass;
import org.mpbnlab.train.InputFeeder;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Finds the spikes a candidate fold (the naive formula, typically) flips against the MPBN network, and explains
 * each one ({@link SpikeFlip}): the MPBN network's u_pre and û, V_th, the exact Ṽ and the candidate's threshold.
 * A flip whose membrane is the same in both networks is the fold's own rounding; once a spike has flipped, the
 * membranes downstream differ and further flips cascade from it.
 */
public final class FlipFinder {

    private final Network reference;
    private final Network exact;
    private final Network candidate;

    /**
     * @param reference the MPBN network (run in evaluation mode)
     * @param exact     its exact fold (only its thresholds are read)
     * @param candidate the fold under test, e.g. {@code ThresholdFolder.fold(reference, FoldMethod.NAIVE)}
     */
    public FlipFinder(Network reference, Network exact, Network candidate) {
        if (reference.spikingLayers().size() != candidate.spikingLayers().size()
                || exact.spikingLayers().size() != candidate.spikingLayers().size()) {
            throw new IllegalArgumentException("the networks have different numbers of spiking layers");
        }
        this.reference = reference;
        this.exact = exact;
        this.candidate = candidate;
    }

    /**
     * Runs the first {@code maxSamples} samples of {@code split} through both networks.
     *
     * @param limit    examples kept of each cause
     * @throws CancellationException when {@code progress} answers false
     */
    public FlipReport find(DataSplit split, InputFeeder feeder, int batchSize, int maxSamples, int limit,
                           CheckProgress progress) {
        int steps = reference.spec().timeSteps();
        int samples = Math.min(maxSamples, split.count());
        long compared = 0;
        long rounding = 0;
        long cascade = 0;
        List<SpikeFlip> roundingExamples = new ArrayList<>();
        List<SpikeFlip> cascadeExamples = new ArrayList<>();
        for (int start = 0; start < samples; start += batchSize) {
            if (!progress.proceed(start, samples)) {
                throw new CancellationException("the search was cancelled");
            }
            int size = Math.min(batchSize, samples - start);
            int[] indices = java.util.stream.IntStream.range(start, start + size).toArray();
            Pass pass = new Pass(steps, size, false);
            INDArray input = feeder.encode(reference, split, indices, pass);
            reference.forward(input, pass);
            List<float[][]> referenceValues = new ArrayList<>();
            for (NeuronLayer layer : reference.spikingLayers()) {
                LifNeurons lif = (LifNeurons) layer;
                referenceValues.add(new float[][] {floats(lif.lastSpikes()), floats(lif.lastMembraneBeforeNorm()),
                    lif.mpbnParameters().enabled() ? floats(lif.lastMembraneAfterNorm()) : null});
            }
            candidate.forward(input, pass);
            for (int l = 0; l < referenceValues.size(); l++) {
                NeuronLayer cand = candidate.spikingLayers().get(l);
                float[] refSpikes = referenceValues.get(l)[0];
                float[] candSpikes = floats(cand.lastSpikes());
                compared += refSpikes.length;
                float[] candUPre = null;
                int block = refSpikes.length / steps;
                int rowSize = block / size;
                for (int i = 0; i < refSpikes.length; i++) {
                    if (refSpikes[i] == candSpikes[i]) {
                        continue;
                    }
                    if (candUPre == null) {
                        candUPre = floats(cand.lastMembraneBeforeNorm());
                    }
                    int t = i / block;
                    int b = (i % block) / rowSize;
                    int n = i % rowSize;
                    SpikeFlip flip = explain(l, t, indices[b], n, referenceValues.get(l), candUPre[i], i,
                            refSpikes[i] > 0.5f);
                    boolean isRounding = flip.cause() == SpikeFlip.Cause.ROUNDING;
                    if (isRounding) {
                        rounding++;
                    } else {
                        cascade++;
                    }
                    List<SpikeFlip> kept = isRounding ? roundingExamples : cascadeExamples;
                    if (kept.size() < limit) {
                        kept.add(flip);
                    }
                }
            }
        }
        progress.proceed(samples, samples);
        List<SpikeFlip> examples = new ArrayList<>(roundingExamples);
        examples.addAll(cascadeExamples);
        return new FlipReport(samples, compared, rounding, cascade, examples);
    }

    private SpikeFlip explain(int layer, int t, int sample, int neuron, float[][] referenceValues, float candUPre,
                              int i, boolean mpbnFires) {
        NeuronLayer ref = reference.spikingLayers().get(layer);
        NeuronLayer exactLayer = exact.spikingLayers().get(layer);
        NeuronLayer cand = candidate.spikingLayers().get(layer);
        int group = exactLayer instanceof FoldedLifNeurons folded ? neuron / folded.groupLayout().spatial() : 0;
        float uHat = referenceValues[2] == null ? referenceValues[1][i] : referenceValues[2][i];
        double[] exactThreshold = thresholdOf(exactLayer, t, group);
        double candidateThreshold = thresholdOf(cand, t, group)[0];
        return new SpikeFlip(layer, t, sample, neuron, group, referenceValues[1][i], candUPre, uHat,
                ref.lifParameters().threshold(), exactThreshold[0], candidateThreshold, (int) exactThreshold[1],
                mpbnFires);
    }

    /** {Ṽ, direction} of a group at step t; {V_th, +1} for a layer that compares u_pre with V_th. */
    private static double[] thresholdOf(NeuronLayer layer, int t, int group) {
        if (!(layer instanceof FoldedLifNeurons folded)) {
            return new double[] {layer.lifParameters().threshold(), 1};
        }
        int sets = (int) folded.threshold().size(0);
        int set = sets == 1 ? 0 : t;
        return new double[] {folded.threshold().getDouble(set, group), folded.direction().getDouble(set, group)};
    }

    private static float[] floats(INDArray array) {
        return Nd4j.toFlattened('c', array).toFloatVector();
    }
}
