package org.mpbnlab.app.charts;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands values from a worker thread to the UI thread, keeping only the newest when the UI is behind:
 * at most one delivery is queued at any time, so a fast producer can never flood the UI's queue.
 * Safe because every session snapshot is complete (it holds the whole curves, not a delta).
 *
 * @param <T> the value type
 */
public final class LatestValueRelay<T> {

    private final Executor ui;
    private final Consumer<T> consumer;
    private final AtomicReference<T> pending = new AtomicReference<>();

    /**
     * @param ui       runs a task on the UI thread (e.g. {@code Platform::runLater})
     * @param consumer receives the newest value, on the UI thread
     */
    public LatestValueRelay(Executor ui, Consumer<T> consumer) {
        this.ui = ui;
        this.consumer = consumer;
    }

    /** Called from any thread. */
    public void offer(T value) {
        if (pending.getAndSet(value) == null) {
            ui.execute(() -> consumer.accept(pending.getAndSet(null)));
        }
    }
}
