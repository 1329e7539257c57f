package org.mpbnlab.fold;

import java.util.List;

/**
 * How far a candidate network (folded, deployable) agrees with the reference MPBN network in
 * evaluation mode, on the same inputs (docs/mathematics.md §4).
 *
 * @param samples             inputs compared
 * @param spikesCompared      spikes compared over all layers and steps
 * @param spikeMismatches     spikes that differ
 * @param maxLogitDiff        largest |logit difference|
 * @param predictionAgreement fraction of inputs with the same predicted class
 * @param referenceAccuracy   accuracy of the reference network
 * @param candidateAccuracy   accuracy of the candidate network
 * @param minMargin           smallest |u_pre − Ṽ| seen in the candidate (a tie shows up as a tiny margin)
 * @param cells               per layer × step comparison
 * @param margins             the distribution of |u_pre − Ṽ| over every compared neuron of the candidate
 */
public record EquivalenceReport(int samples, long spikesCompared, long spikeMismatches, double maxLogitDiff,
                                double predictionAgreement, double referenceAccuracy, double candidateAccuracy,
                                double minMargin, List<LayerStepComparison> cells, MarginHistogram margins) {

    public EquivalenceReport {
        cells = List.copyOf(cells);
        margins = margins.copy();
    }

    @Override
    public MarginHistogram margins() {
        return margins.copy();
    }
}
