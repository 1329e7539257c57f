package org.mpbnlab.train;

import org.mpbnlab.snn.NamedChoices;

/** The learning rate as a function of the iteration. */
public enum LearningRateSchedule {

    /** η(i) = η₀. */
    CONSTANT("constant"),

    /** η(i) = η₀·½·(1 + cos(π·i/I)) over all I iterations of the run (no warm restarts). */
    COSINE("cosine");

    private final String id;

    LearningRateSchedule(String id) {
        this.id = id;
    }
    public String id() {
        return id;
    }

    public double rate(double base, long iteration, long totalIterations) {
        if (this == CONSTANT || totalIterations <= 0) {
            return base;
        }
        double progress = Math.min(1.0, (double) iteration / totalIterations);
        return base * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
    public static LearningRateSchedule byId(String id) {
        return NamedChoices.byId(values(), LearningRateSchedule::id, id, "schedule");
    }
}
