package org.mpbnlab.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Lets the desktop app's engine threads give way to the window's. In the app one engine computation runs at a
 * time ({@link EngineTurns}: a training batch, a recording, the gallery's answers), which leaves the second core
 * of a two-core laptop to the window. But the window is more than the UI thread: the JIT compiler, JavaFX's
 * renderer and the screen server want a core now and then too, and when three threads want two cores Linux shares
 * them by weight. At equal weights a UI thread that computes 10 ms when a recording arrives then also waits about
 * as long for a core, and the window freezes for twice the time.
 *
 * <p>A thread's <em>niceness</em> sets its weight (Linux's table, see {@code man 7 sched}): 1024 at niceness 0,
 * 110 at {@value #NICENESS}. When an engine thread at niceness {@value #NICENESS} and the UI thread want the same
 * core, the UI thread gets about 1024 / (1024 + 110) ≈ 90 % of it; when a core is free, the engine runs on it
 * at full speed as before. Weights count only between threads of one scheduling group (a login session's
 * autogroup or a cgroup), so the engine gives way to the app's own threads, not to other programs.
 *
 * <p>Java's {@link Thread#setPriority} does not reach Linux's scheduler (the JVM ignores it unless started with
 * {@code -XX:ThreadPriorityPolicy=1}, which then warns at every start without root). So on Linux the thread sets
 * its own niceness with {@code renice}, which takes a thread's id for {@code -p}; elsewhere (Windows maps Java's
 * priorities to its own) {@link Thread#MIN_PRIORITY} is what there is.
 */
public final class EnginePriority {

    /** The engine threads' niceness on Linux (0 is the default; 19 the lowest priority). */
    public static final int NICENESS = 10;

    private EnginePriority() {
    }

    /**
     * Gives the calling thread the engine's low priority: {@link Thread#MIN_PRIORITY}, and on Linux niceness
     * {@value #NICENESS}. Call it once at the start of an engine thread; threads it starts inherit the niceness.
     * Never throws: where the niceness cannot be set the thread runs as before. Returns true when it was set.
     */
    public static boolean yieldToTheWindow() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        String thread = linuxThreadId();
        if (thread == null) {
            return false;
        }
        try {
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICENESS), "-p", thread)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return renice.waitFor(10, TimeUnit.SECONDS) && renice.exitValue() == 0
                    && niceness() == NICENESS;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The calling thread's niceness as Linux reports it (the 19th field of {@code /proc/thread-self/stat}),
     * or 0 where there is none.
     */
    public static int niceness() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // the name (2nd field) is in parentheses and may hold spaces: count the fields after its ')'
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return Integer.parseInt(after[16]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The kernel's id of the calling thread ({@code /proc/thread-self} names it), or null off Linux. */
    private static String linuxThreadId() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
