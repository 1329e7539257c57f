package org.mpbnlab.app.train;

import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.mpbnlab.session.RunControl;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SessionSnapshot;

/**
 * One run in the comparison: its number, its settings and its latest snapshot (curves included),
 * kept after the run has stopped so that its curves stay on the charts, and the weights it ended with, so that
 * they can still be saved.
 */
public final class RunRecord {

    private final int number;
    private final RunPlan plan;
    private final ReadOnlyObjectWrapper<SessionSnapshot> latest = new ReadOnlyObjectWrapper<>(this, "latest");
    /** The weights the run ended with; null while it is the current run (and for a run that failed). */
    private CompletableFuture<RunWeights> lastWeights;

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

    /**
     * Called when another run replaces this one, just before its worker is closed: pauses it and asks it for a copy
     * of its network (commands are carried out in order, so the copy is taken after the pause and before the worker
     * stops). The copy holds the weights of the last iteration the run's curves show.
     */
    void keepLastWeights(RunControl worker) {
        worker.pause();
        lastWeights = worker.copyModel().thenApply(RunWeights::of);
    }

    /** The weights the run ended with (see {@link #keepLastWeights}), or null while it is current or when it failed. */
    CompletableFuture<RunWeights> lastWeights() {
        return lastWeights;
    }

    /** True when the run's latest snapshot says it failed: it has no weights. */
    boolean failed() {
        return latest.get() != null && latest.get().state() == org.mpbnlab.session.SessionState.FAILED;
    }

    @Override
    public String toString() {
        return label();
    }
}
