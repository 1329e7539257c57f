package org.mpbnlab.session;

import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Turns at the engine: in the desktop app at most one engine computation runs at a time, so that on a
 * two-core classroom laptop one core is always left to the window (the UI thread, JavaFX's renderer and the
 * screen server). Training takes one turn per batch; a recording or the gallery's answers for the Spikes view
 * take one turn each. The lock is fair: a recording asked for while a batch trains runs right after that
 * batch, and the next batch waits for it. Training thus goes on between recordings, and a recording costs the
 * user at most one batch of waiting.
 *
 * <p>Without turns, a recording started while a batch trains gives two engine threads on two cores, and the UI
 * thread waits for a core for hundreds of milliseconds: the window freezes (see {@code docs/spikes-view.md}).
 */
public final class EngineTurns {

    /** Fair, so that neither the trainer nor a view can take turn after turn while the other waits. */
    private static final ReentrantLock TURN = new ReentrantLock(true);

    private EngineTurns() {
    }

    /** Runs {@code computation} on the calling thread when it is this thread's turn; waits for it until then. */
    public static void run(Runnable computation) {
        runChecked(computation::run);
    }

    /** Like {@link #run}, for a computation that may throw the checked {@code E}. */
    public static <E extends Exception> void runChecked(CheckedComputation<E> computation) throws E {
        TURN.lock();
        try {
            computation.run();
        } finally {
            TURN.unlock();
        }
    }

    /** An executor that runs each task of {@code engineThread} in a turn of its own. */
    public static Executor taking(Executor engineThread) {
        return task -> engineThread.execute(() -> run(task));
    }

    /** True when the calling thread has the turn (for tests). */
    static boolean mine() {
        return TURN.isHeldByCurrentThread();
    }

    /** True when some thread waits for a turn (for tests). */
    static boolean someoneWaits() {
        return TURN.hasQueuedThreads();
    }

    /** A computation that may throw {@code E}. */
    @FunctionalInterface
    public interface CheckedComputation<E extends Exception> {
        void run() throws E;
    }
}
