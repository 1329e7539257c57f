package org.mpbnlab.snn.kernel;

import java.util.function.Supplier;

/**
 * How many threads the engine's own element loops may use while a network computes: 1 or 2. It is a
 * setting of the network (see {@code Network#setLoopThreads}), not of the process: the network runs
 * every forward and backward pass inside {@link #with}, and the loops ({@link TwoWaySplit}) read it from
 * the thread they run on. Outside such a pass the loops run on one thread. The desktop app uses 1 to
 * leave a core to the UI, the command line 2. The thread count never changes a result: the loops split
 * their work the same way on one thread or two.
 */
public final class LoopThreads {

    private static final ThreadLocal<Integer> CURRENT = ThreadLocal.withInitial(() -> 1);

    private LoopThreads() {
    }

    /** Checks a loop-thread setting: 1, or 2 (any larger number means 2). */
    public static int checked(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("loops need at least one thread, got " + count);
        }
        return Math.min(count, 2);
    }

    /** Runs {@code work} on this thread with {@code count} loop threads, then restores the previous setting. */
    public static <T> T with(int count, Supplier<T> work) {
        int previous = CURRENT.get();
        CURRENT.set(checked(count));
        try {
            return work.get();
        } finally {
            CURRENT.set(previous);
        }
    }

    /** As {@link #with(int, Supplier)}, for work without a result. */
    public static void with(int count, Runnable work) {
        with(count, () -> {
            work.run();
            return null;
        });
    }

    /** True when the loops of the pass running on this thread may use a second thread. */
    static boolean parallel() {
        return CURRENT.get() > 1;
    }
}
