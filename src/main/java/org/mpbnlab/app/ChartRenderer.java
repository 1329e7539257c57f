package org.mpbnlab.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one background thread that builds and draws charts into images, so that the FX thread only
 * swaps finished images in (drawing sixteen histograms on the FX thread would stall its pulses).
 */
public final class ChartRenderer implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "chart-renderer");
        t.setDaemon(true);
        return t;
    });

    /** Runs {@code task} on the renderer thread; ignored once the renderer is closed (window closing). */
    void submit(Runnable task) {
        if (!thread.isShutdown()) {
            try {
                thread.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closed between the check and the call: the window is going away, nothing to draw
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
