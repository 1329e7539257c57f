package org.mpbnlab.app.charts;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one background thread that builds and draws charts into images, so that the FX thread only
 * swaps finished images in (drawing sixteen histograms on the FX thread would stall its pulses). It
 * draws at half duty, never hogging a core.
 */
public final class ChartRenderer implements AutoCloseable {

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "chart-renderer");
        t.setDaemon(true);
        return t;
    });

    /** Runs {@code task} on the renderer thread; ignored once the renderer is closed (window closing). */
    void submit(Runnable task) {
        submit(task, 0);
    }

    /** Runs {@code task} on the renderer thread after {@code delayNanos}. */
    void submit(Runnable task, long delayNanos) {
        if (!thread.isShutdown()) {
            try {
                thread.schedule(() -> runAtHalfDuty(task), delayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // closed between the check and the call: the window is going away, nothing to draw
            }
        }
    }

    /**
     * Runs {@code task}, then rests as long as it took (at most 100 ms): drawing uses at most half a core,
     * so that training, the UI thread and the screen server share the other core and a half.
     */
    private static void runAtHalfDuty(Runnable task) {
        long start = System.nanoTime();
        task.run();
        long took = System.nanoTime() - start;
        try {
            TimeUnit.NANOSECONDS.sleep(Math.min(took, 100_000_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
