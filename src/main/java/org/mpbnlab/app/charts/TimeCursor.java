package org.mpbnlab.app.charts;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * The time step under the cursor, 0-based, shared by the views that show one step of a recording (the
 * Membrane and Spikes views): moving it in one moves it in the other. Plain JavaFX property, UI thread.
 */
public final class TimeCursor {

    private final IntegerProperty step = new SimpleIntegerProperty(this, "step", 0);

    public IntegerProperty stepProperty() {
        return step;
    }

    public int step() {
        return step.get();
    }

    /** Moves to step t, clamped to [0, steps − 1]. */
    public void moveTo(int t, int steps) {
        step.set(Math.max(0, Math.min(t, steps - 1)));
    }

    /** One step on, wrapping from the last step to the first. */
    public void next(int steps) {
        if (steps > 0) {
            step.set((step.get() + 1) % steps);
        }
    }

    /** One step back, wrapping from the first step to the last. */
    public void previous(int steps) {
        if (steps > 0) {
            step.set((step.get() + steps - 1) % steps);
        }
    }
}
