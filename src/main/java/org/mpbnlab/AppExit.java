package org.mpbnlab;

import java.util.Optional;

/**
 * What the launcher says when the app's JVM, which it started ({@link JavaFxModules}), ends without closing its
 * window itself. When the system stops a process with a signal, Java reports exit code 128 + the signal's number;
 * the kernel's out-of-memory killer sends SIGKILL (9), so 137. Without a word the window simply vanished and the
 * user could not tell why, nor what to do (docs/memory.md).
 */
final class AppExit {

    static final int KILLED = 128 + 9;
    static final int INTERRUPTED = 128 + 2;
    static final int TERMINATED = 128 + 15;
    private static final int LAST_SIGNAL = 64;

    private AppExit() {
    }

    /**
     * The one line for the user when the app ended with {@code exitCode}, or empty when it ended as asked (closed, an
     * error it explained itself, Ctrl+C in the terminal, the system shutting down).
     */
    static Optional<String> notice(int exitCode) {
        if (exitCode == KILLED) {
            return Optional.of("MPBN Lab was stopped by the system, probably for lack of memory: runs not saved are"
                    + " lost. Close other programs (other Java programs above all), keep fewer runs (Remove selected"
                    + " run) and save the ones you need, or train with fewer time steps (T), then start MPBN Lab"
                    + " again.");
        }
        if (exitCode > 128 && exitCode <= 128 + LAST_SIGNAL && exitCode != INTERRUPTED && exitCode != TERMINATED) {
            return Optional.of("MPBN Lab stopped unexpectedly (the system ended it with signal " + (exitCode - 128)
                    + "): runs not saved are lost. Start MPBN Lab again; if it happens again, report it with the file"
                    + " hs_err_pid….log, if there is one, from the folder MPBN Lab was started in.");
        }
        return Optional.empty();
    }
}
