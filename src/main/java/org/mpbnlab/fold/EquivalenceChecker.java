package org.mpbnlab.fold;

import java.util.ArrayList;
import java.util.List;
import org.mpbnlab.data.DataSplit;
import org.mpbnlab.snn.ArrayValues;
import org.mpbnlab.snn.FoldedLifNeurons;
import org.mpbnlab.snn.GroupLayout;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.NeuronLayer;
import org.mpbnlab.snn.Pass;
import org.mpbnlab.train.InputFeeder;
import org.mpbnlab.train.SoftmaxCrossEntropy;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs a reference network (MPBN, evaluation mode) and a candidate (folded or deployable) on the same
 * encoded inputs and compares every neuron layer's spikes at every step, and the logits.
 */
public final class EquivalenceChecker {

    private EquivalenceChecker() {
    }

    public static EquivalenceReport compare(Network reference, Network candidate, DataSplit split, InputFeeder feeder,
                                            int batchSize, int maxSamples) {
        return compare(reference, candidate, split, feeder, batchSize, maxSamples, CheckProgress.NONE);
    }

    /**
     * As {@link #compare(Network, Network, DataSplit, InputFeeder, int, int)}, telling {@code progress} the
     * samples done after every batch.
     *
     * @throws java.util.concurrent.CancellationException when {@code progress} answers false
     */
    public static EquivalenceReport compare(Network reference, Network candidate, DataSplit split, InputFeeder feeder,
                                            int batchSize, int maxSamples, CheckProgress progress) {
        List<NeuronLayer> refLayers = reference.spikingLayers();
        List<NeuronLayer> candLayers = candidate.spikingLayers();
        if (refLayers.size() != candLayers.size()) {
            throw new IllegalArgumentException("the networks have different numbers of spiking layers");
        }
        int steps = reference.spec().timeSteps();
        long[][] compared = new long[refLayers.size()][steps];
        long[][] mismatches = new long[refLayers.size()][steps];
        double[][] margins = new double[refLayers.size()][steps];
        for (double[] row : margins) {
            java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        MarginHistogram histogram = new MarginHistogram();
        int samples = Math.min(maxSamples, split.count());
        double maxLogitDiff = 0;
        int agree = 0;
        int refCorrect = 0;
        int candCorrect = 0;
        int[] labels = split.labels();
        for (int start = 0; start < samples; start += batchSize) {
            if (!progress.proceed(start, samples)) {
                throw new java.util.concurrent.CancellationException("the check was cancelled");
            }
            int size = Math.min(batchSize, samples - start);
            int[] indices = new int[size];
            for (int i = 0; i < size; i++) {
                indices[i] = start + i;
            }
            Pass pass = new Pass(steps, size, false);
            INDArray input = feeder.encode(reference, split, indices, pass);
            INDArray refOut = reference.forward(input, pass);
            int[] refPred = SoftmaxCrossEntropy.predictions(refOut);
            double[] refLogits = ArrayValues.read(refOut);
            INDArray candOut = candidate.forward(input, pass);
            int[] candPred = SoftmaxCrossEntropy.predictions(candOut);
            double[] candLogits = ArrayValues.read(candOut);
            for (int i = 0; i < refLogits.length; i++) {
                maxLogitDiff = Math.max(maxLogitDiff, Math.abs(refLogits[i] - candLogits[i]));
            }
            for (int b = 0; b < size; b++) {
                agree += refPred[b] == candPred[b] ? 1 : 0;
                refCorrect += refPred[b] == labels[indices[b]] ? 1 : 0;
                candCorrect += candPred[b] == labels[indices[b]] ? 1 : 0;
            }
            for (int l = 0; l < refLayers.size(); l++) {
                compareLayer(refLayers.get(l), candLayers.get(l), pass, compared[l], mismatches[l], margins[l],
                        histogram);
            }
        }
        progress.proceed(samples, samples);
        List<LayerStepComparison> cells = new ArrayList<>();
        long totalCompared = 0;
        long totalMismatches = 0;
        double minMargin = Double.POSITIVE_INFINITY;
        for (int l = 0; l < refLayers.size(); l++) {
            for (int t = 0; t < steps; t++) {
                cells.add(new LayerStepComparison(l, t, compared[l][t], mismatches[l][t], margins[l][t]));
                totalCompared += compared[l][t];
                totalMismatches += mismatches[l][t];
                minMargin = Math.min(minMargin, margins[l][t]);
            }
        }
        return new EquivalenceReport(samples, totalCompared, totalMismatches, maxLogitDiff,
                (double) agree / samples, (double) refCorrect / samples, (double) candCorrect / samples, minMargin,
                cells, histogram);
    }

    private static void compareLayer(NeuronLayer ref, NeuronLayer cand, Pass pass, long[] compared,
                                     long[] mismatches, double[] margins, MarginHistogram histogram) {
        int block = (int) (ref.lastSpikes().length() / pass.timeSteps());
        int rowSize = block / pass.batchSize();
        for (int t = 0; t < pass.timeSteps(); t++) {
            // one step at a time, so that a conv layer's copies stay small
            double[] refSpikes = ArrayValues.read(ref.lastSpikes(), t * block, block);
            double[] candSpikes = ArrayValues.read(cand.lastSpikes(), t * block, block);
            double[] membrane = ArrayValues.read(cand.lastMembraneBeforeNorm(), t * block, block);
            long diff = 0;
            double margin = margins[t];
            double[] thresholds = thresholdRow(cand, t, rowSize);
            for (int i = 0; i < block; i++) {
                if (refSpikes[i] != candSpikes[i]) {
                    diff++;
                }
                double threshold = thresholds[i % rowSize];
                if (!Double.isNaN(threshold)) {
                    double distance = Math.abs(membrane[i] - threshold);
                    margin = Math.min(margin, distance);
                    histogram.add(distance);
                }
            }
            compared[t] += block;
            mismatches[t] += diff;
            margins[t] = margin;
        }
    }

    /** Ṽ the candidate compares each element of a row with at step t (V_th for plain LIF; NaN where constant). */
    private static double[] thresholdRow(NeuronLayer layer, int t, int rowSize) {
        double[] row = new double[rowSize];
        if (layer instanceof FoldedLifNeurons folded) {
            GroupLayout layout = folded.groupLayout();
            int sets = (int) folded.threshold().size(0);
            int set = sets == 1 ? 0 : t;
            double[] thresholds = ArrayValues.read(folded.threshold());
            double[] directions = ArrayValues.read(folded.direction());
            for (int j = 0; j < rowSize; j++) {
                int index = set * layout.groups() + j / layout.spatial();
                row[j] = directions[index] == 0 ? Double.NaN : thresholds[index];
            }
        } else {
            java.util.Arrays.fill(row, layer.lifParameters().threshold());
        }
        return row;
    }
}
