package org.mpbnlab.snn;

/**
 * How many threads the engine's own element loops may use: 2 (the default, from the system property
 * {@code mpbnlab.loopThreads}) or 1. The desktop app uses 1 to leave a core to the UI; a busy machine
 * may also prefer 1, since a split loop waits for its slower half.
 */
public final class LoopThreads {

    private static volatile int threads = Integer.getInteger("mpbnlab.loopThreads", 2) >= 2 ? 2 : 1;

    private LoopThreads() {
    }

    /** Sets the number of loop threads: 1, or 2 (any larger number means 2). */
    public static void set(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("loops need at least one thread, got " + count);
        }
        threads = count >= 2 ? 2 : 1;
    }

    public static int get() {
        return threads;
    }

    static boolean parallel() {
        return threads > 1;
    }
}
