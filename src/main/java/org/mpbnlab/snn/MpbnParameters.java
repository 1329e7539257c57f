package org.mpbnlab.snn;

/**
 * Settings of Membrane Potential Batch Normalization on a neuron layer (docs/mathematics.md §2).
 *
 * @param mode       OFF, CHANNEL or ELEMENT statistics
 * @param statistics SHARED or PER_STEP running statistics
 * @param epsilon    ε of {@code û = γ·(u − μ)/sqrt(σ² + ε) + β}
 * @param momentum   weight of the newest batch in the running statistics
 */
public record MpbnParameters(MpbnMode mode, RunningStatsMode statistics, double epsilon, double momentum) {

    public static final double DEFAULT_EPSILON = 1e-5;
    public static final double DEFAULT_MOMENTUM = 0.1;

    public MpbnParameters {
        if (mode == null || statistics == null) {
            throw new IllegalArgumentException("MPBN mode and statistics mode are required");
        }
        if (!(epsilon > 0) || !(momentum > 0 && momentum <= 1)) {
            throw new IllegalArgumentException("MPBN needs epsilon > 0 and momentum in (0, 1]");
        }
    }

    public static MpbnParameters of(MpbnMode mode, RunningStatsMode statistics) {
        return new MpbnParameters(mode, statistics, DEFAULT_EPSILON, DEFAULT_MOMENTUM);
    }

    public static MpbnParameters off() {
        return of(MpbnMode.OFF, RunningStatsMode.SHARED);
    }

    public boolean enabled() {
        return mode != MpbnMode.OFF;
    }
}
