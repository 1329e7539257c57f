package org.mpbnlab.fold;

import java.util.List;

/**
 * The spikes a candidate fold flips against the MPBN network, over a data set.
 *
 * @param samples   inputs run
 * @param compared  spikes compared
 * @param rounding  flips where the membrane was the same (the fold's rounding decided them)
 * @param cascade   flips where the membrane already differed because of an earlier flip
 * @param examples  the first flips found of each cause, at most the limit asked for of each, in the order found
 */
public record FlipReport(int samples, long compared, long rounding, long cascade, List<SpikeFlip> examples) {

    public FlipReport {
        examples = List.copyOf(examples);
    }

    public long flips() {
        return rounding + cascade;
    }
}
