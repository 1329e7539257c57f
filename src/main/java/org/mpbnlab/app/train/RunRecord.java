package org.mpbnlab.app.train;

import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
    /** While a run trains, its entry in the run list says its iteration to this many. */
    static final int LIST_ITERATION_STEP = 20;

    private final ReadOnlyObjectWrapper<SessionSnapshot> latest = new ReadOnlyObjectWrapper<>(this, "latest");
    private final ReadOnlyStringWrapper listText = new ReadOnlyStringWrapper(this, "listText");
    /** The weights the run ended with; null while it is the current run (and for a run that failed). */
    private CompletableFuture<RunWeights> lastWeights;

    RunRecord(int number, RunPlan plan) {
        this.number = number;
        this.plan = plan;
        listText.set(listText(null));
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

    /**
     * The run list's text: the run's number and state on one short line, e.g. {@code "#2 paused · it. 40"}, so that a
     * projector's list shows several runs at once; the settings that tell the runs apart are in the legend above the
     * charts (same number, same colour), all of them in the entry's tooltip ({@link #label}). It changes when the
     * state does, and while training every {@link #LIST_ITERATION_STEP} iterations (not worth laying out the list at
     * every batch).
     */
    public ReadOnlyStringProperty listTextProperty() {
        return listText.getReadOnlyProperty();
    }

    private String listText(SessionSnapshot s) {
        return "#" + number + " " + (s == null ? "starting" : s.state().label() + " · it. " + s.iteration());
    }

    public ReadOnlyObjectProperty<SessionSnapshot> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    public SessionSnapshot latest() {
        return latest.get();
    }

    void update(SessionSnapshot snapshot) {
        SessionSnapshot before = latest.get();
        latest.set(snapshot);
        if (before == null || snapshot == null || before.state() != snapshot.state()
                || before.iteration() / LIST_ITERATION_STEP != snapshot.iteration() / LIST_ITERATION_STEP) {
            listText.set(listText(snapshot));
        }
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
