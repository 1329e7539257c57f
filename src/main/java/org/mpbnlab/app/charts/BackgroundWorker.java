package org.mpbnlab.app.charts;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.mpbnlab.session.EnginePriority;

/**
 * Where a view runs the engine or writes files off the UI thread: one daemon thread at the engine's low priority
 * ({@link EnginePriority}: on Linux it gives way to the window's threads when they want its core), so that the
 * window does not wait for it, and it never keeps the app from exiting.
 */
public final class BackgroundWorker {

    private BackgroundWorker() {
    }

    /** A single low-priority daemon thread named {@code name} (the name shows in thread dumps and the pulse log). */
    public static ExecutorService named(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(() -> {
                EnginePriority.yieldToTheWindow();
                runnable.run();
            }, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
