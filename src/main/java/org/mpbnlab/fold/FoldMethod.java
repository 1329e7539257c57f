package org.mpbnlab.fold;

/** How thresholds are folded. */
public enum FoldMethod {
    /** The exact float boundary of the MPBN decision: identical spikes for every input. */
    EXACT,
    /** The float32 textbook formula: identical up to rounding ties (a lesson, not the default). */
    NAIVE
}
