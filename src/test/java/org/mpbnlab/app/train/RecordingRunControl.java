package org.mpbnlab.app.train;

import java.util.ArrayList;
import java.util.List;
import org.mpbnlab.probe.StatisticsSource;
import org.mpbnlab.session.RunControl;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SessionFactory;
import org.mpbnlab.session.SessionListener;

/** A session that only writes down the commands it receives; tests publish its snapshots by hand. */
public final class RecordingRunControl implements RunControl {

    public final RunPlan plan;
    public final SessionListener listener;
    public final List<String> commands = new ArrayList<>();
    /** The copies asked for, in order; tests complete them. */
    public final List<java.util.concurrent.CompletableFuture<org.mpbnlab.session.CurrentModel>> copies =
            new ArrayList<>();

    RecordingRunControl(RunPlan plan, SessionListener listener) {
        this.plan = plan;
        this.listener = listener;
    }

    /** A factory that keeps every session it makes in {@code made}. */
    public static SessionFactory factory(List<RecordingRunControl> made) {
        return (plan, source, listener) -> {
            RecordingRunControl control = new RecordingRunControl(plan, listener);
            made.add(control);
            return control;
        };
    }

    @Override
    public RunPlan plan() {
        return plan;
    }

    @Override
    public void start() {
        commands.add("start");
    }

    @Override
    public void play() {
        commands.add("play");
    }

    @Override
    public void pause() {
        commands.add("pause");
    }

    @Override
    public void step() {
        commands.add("step");
    }

    @Override
    public void reset() {
        commands.add("reset");
    }

    @Override
    public void recordFrom(StatisticsSource source) {
        commands.add("record " + source.name());
    }

    @Override
    public java.util.concurrent.CompletableFuture<org.mpbnlab.session.CurrentModel> copyModel() {
        commands.add("copy");
        java.util.concurrent.CompletableFuture<org.mpbnlab.session.CurrentModel> copy =
                new java.util.concurrent.CompletableFuture<>();
        copies.add(copy);
        return copy;
    }

    @Override
    public void close() {
        commands.add("close");
    }
}
