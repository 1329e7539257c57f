package org.mpbnlab.snn;

/** How MPBN keeps running statistics for evaluation (docs/mathematics.md §2). */
public enum RunningStatsMode {
    /** One running mean/variance per channel (or element), updated once per time step (official). */
    SHARED("shared"),
    /** One running set per time step; folds into time-dependent thresholds. */
    PER_STEP("per-step");

    private final String id;

    RunningStatsMode(String id) {
        this.id = id;
    }
    public String id() {
        return id;
    }
    public static RunningStatsMode byId(String id) {
        return NamedChoices.byId(values(), RunningStatsMode::id, id, "statistics mode");
    }
}
