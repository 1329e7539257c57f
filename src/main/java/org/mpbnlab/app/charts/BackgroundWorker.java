package org.mpbnlab.app.charts;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where a view runs the engine or writes files off the UI thread: one daemon thread at the lowest priority, so that
 * neither the window nor the training waits for it, and it never keeps the app from exiting.
 */
public final class BackgroundWorker {

    private BackgroundWorker() {
    }

    /** A single low-priority daemon thread named {@code name} (the name shows in thread dumps and the pulse log). */
    public static ExecutorService named(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
    }
}
