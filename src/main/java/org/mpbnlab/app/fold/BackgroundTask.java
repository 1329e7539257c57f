package org.mpbnlab.app.fold;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.mpbnlab.fold.CheckProgress;

/**
 * The Fold view's engine work, one job at a time on the engine worker, in the order asked for: what it is
 * doing, how far it is (0..1, or −1 when unknown) and a Cancel that stops it before its next batch. Every property changes on the
 * UI executor only.
 */
public final class BackgroundTask {

    /** One job: may report progress and must stop when its progress answers false. */
    @FunctionalInterface
    public interface Job<T> {
        T run(CheckProgress progress) throws Exception;
    }

    private final Executor worker;
    private final Executor ui;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** Jobs asked for while another ran, in order (UI executor only). */
    private final java.util.ArrayDeque<Runnable> waiting = new java.util.ArrayDeque<>();
    /** The newest progress in millionths, and whether a UI update of it is already on its way. */
    private final AtomicLong latest = new AtomicLong();
    private final AtomicBoolean updatePending = new AtomicBoolean();

    public BackgroundTask(Executor worker, Executor ui) {
        this.worker = worker;
        this.ui = ui;
    }

    /**
     * Runs {@code job} on the worker after the jobs already asked for; {@code done} gets its result on the UI
     * executor. Call on the UI executor.
     */
    public <T> void run(String what, Job<T> job, Consumer<T> done) {
        waiting.add(() -> start(what, job, done));
        if (!busy.get()) {
            waiting.poll().run();
        }
    }

    private <T> void start(String what, Job<T> job, Consumer<T> done) {
        busy.set(true);
        cancelled.set(false);
        progress.set(-1);
        message.set(what + "…");
        worker.execute(() -> {
            try {
                T result = job.run(this::report);
                ui.execute(() -> {
                    busy.set(false);
                    progress.set(1);
                    done.accept(result);
                    next();
                });
            } catch (CancellationException e) {
                finish(what + ": cancelled.");
            } catch (Exception | OutOfMemoryError e) {
                String reason = e.getMessage() == null ? "an unexpected error" : e.getMessage();
                finish(what + " failed: " + reason);
            }
        });
    }

    /** Starts the next waiting job, if any (on the UI executor). */
    private void next() {
        if (!busy.get() && !waiting.isEmpty()) {
            waiting.poll().run();
        }
    }

    private void finish(String text) {
        ui.execute(() -> {
            busy.set(false);
            progress.set(0);
            message.set(text);
            next();
        });
    }

    /** The jobs' progress: posts the fraction done to the UI (coalesced) and answers whether to go on. */
    private boolean report(long done, long total) {
        latest.set(total <= 0 ? 0 : Math.round(1e6 * done / (double) total));
        if (updatePending.compareAndSet(false, true)) {
            ui.execute(() -> {
                updatePending.set(false);
                if (busy.get()) {
                    progress.set(latest.get() / 1e6);
                }
            });
        }
        return !cancelled.get();
    }

    /** Asks the running job to stop before its next batch. */
    public void cancel() {
        if (busy.get()) {
            cancelled.set(true);
            message.set(message.get().replace("…", "") + ": cancelling…");
        }
    }

    /** Shows a note (call on the UI executor). */
    public void message(String text) {
        message.set(text);
    }

    public Executor ui() {
        return ui;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
