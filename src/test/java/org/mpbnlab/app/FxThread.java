package org.mpbnlab.app;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** The UI tests' two ways to touch the FX thread: read something on it, and wait (polling) for a condition on it. */
public final class FxThread {
    private FxThread() {
    }

    /** Evaluates {@code read} on the FX thread and returns its value. */
    public static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    /**
     * Waits (polling, no fixed sleep) until {@code condition} holds on the FX thread; the 180 s limit is a
     * wait, not an assertion, sized for a loaded 2-core machine.
     */
    public static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> fx(condition));
    }
}
