package org.mpbnlab.app.train;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SessionSnapshot;

/**
 * One run in the comparison: its number, its settings and its latest snapshot (curves included),
 * kept after the run has stopped so that its curves stay on the charts.
 */
public final class RunRecord {

    private final int number;
    private final RunPlan plan;
    private final ReadOnlyObjectWrapper<SessionSnapshot> latest = new ReadOnlyObjectWrapper<>(this, "latest");

    RunRecord(int number, RunPlan plan) {
        this.number = number;
        this.plan = plan;
    }

    /** 1-based, in the order the runs were started; also picks the run's colour. */
    public int number() {
        return number;
    }

    /** The run's settings and starting weights. */
    public RunPlan plan() {
        return plan;
    }

    /** The legend text, e.g. {@code "#2 glyphs · conv-small · MPBN channel · T4 · …"}. */
    public String label() {
        return "#" + number + " " + plan.settings().dataset() + " · " + plan.label();
    }

    public ReadOnlyObjectProperty<SessionSnapshot> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    public SessionSnapshot latest() {
        return latest.get();
    }

    void update(SessionSnapshot snapshot) {
        latest.set(snapshot);
    }

    @Override
    public String toString() {
        return label();
    }
}
