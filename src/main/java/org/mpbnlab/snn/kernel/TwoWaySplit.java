package org.mpbnlab.snn.kernel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs an element loop on two threads with a fixed split: {@code [0, count/2)} on the calling
 * thread and {@code [count/2, count)} on one shared helper thread. Every index is computed by
 * the same code whichever thread runs it, and the split depends only on {@code count}, so the
 * results are bit-identical from run to run. Used for the plain-Java loops around a GEMM (which
 * ND4J already spreads over the cores itself).
 */
public final class TwoWaySplit {

    /** Below this many elements of work a second thread costs more than it saves. */
    private static final long MINIMUM_WORK = 1 << 16;

    private static final ExecutorService HELPER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "snn-loop-helper");
        thread.setDaemon(true);
        return thread;
    });

    /** The loop body for indices {@code [from, to)}. */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    private TwoWaySplit() {
    }

    /**
     * Runs {@code body} over {@code [0, count)}, split in two halves when the loop is large.
     *
     * @param work the approximate number of elements touched, to decide whether to split
     */
    public static void run(int count, long work, Range body) {
        if (count < 2 || work < MINIMUM_WORK || !LoopThreads.parallel()
                || Thread.currentThread().getName().equals("snn-loop-helper")) {
            body.run(0, count);
            return;
        }
        int half = count / 2;
        Future<?> second = HELPER.submit(() -> body.run(half, count));
        try {
            body.run(0, half);
        } finally {
            await(second);
        }
    }

    private static void await(Future<?> second) {
        boolean interrupted = false;
        while (true) {
            try {
                second.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
