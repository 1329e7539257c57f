package org.mpbnlab.app.shell;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Where the time of a late pulse went: read at every pulse, running totals tell how much of a gap the UI
 * thread computed (its CPU time), how long it was ready to run but waited for a core (the kernel's
 * run-queue delay of the thread, {@code /proc/.../schedstat} on Linux, 0 elsewhere), how long the garbage
 * collector stopped every thread, and the same two figures for the JavaFX renderer thread: a pulse waits
 * until the previous frame has been drawn and handed to the window system. The rest of a gap the UI thread
 * slept, mostly in that wait. Used by {@link PulseGapMonitor} when it logs ({@code -Dmpbnlab.pulseLog=true});
 * the totals over all gaps longer than 50 ms are kept.
 */
final class PulseGapCauses {

    /** A gap taken apart, in milliseconds. */
    record Anatomy(double gap, double uiThread, double waitingForCore, double collector, double renderer,
                   double rendererWaitingForCore) {
        /** The part of the gap the UI thread neither computed, nor waited for a core, nor was stopped by the GC. */
        double sleeping() {
            return Math.max(0, gap - uiThread - waitingForCore - collector);
        }

        Anatomy plus(Anatomy other) {
            return new Anatomy(gap + other.gap, uiThread + other.uiThread, waitingForCore + other.waitingForCore,
                    collector + other.collector, renderer + other.renderer,
                    rendererWaitingForCore + other.rendererWaitingForCore);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "UI thread computing %.1f ms, waiting for a core %.1f ms, "
                            + "stopped by GC %.1f ms, sleeping %.1f ms; renderer computing %.1f ms, waiting for a "
                            + "core %.1f ms", uiThread, waitingForCore, collector, sleeping(), renderer,
                    rendererWaitingForCore);
        }
    }

    private static final Anatomy NOTHING = new Anatomy(0, 0, 0, 0, 0, 0);
    /**
     * UI work between two pulses above which a pulse is counted as long: with a frame every 16.7 ms and a core
     * that may be shared with the engine, a pulse computing this long can make a gap over 50 ms on its own.
     */
    static final double LONG_COMPUTING_MILLIS = 15;

    private final LongSupplier uiThreadNanos;
    private final LongSupplier uiWaitingNanos;
    private final LongSupplier collectorMillis;
    private final LongSupplier rendererNanos;
    private final LongSupplier rendererWaitingNanos;
    private long ui = -1;
    private long waiting;
    private long collector;
    private long renderer;
    private long rendererWaiting;
    private Anatomy late = NOTHING;
    /** The most the UI thread computed between two pulses, whatever the gap (ms). */
    private double longestComputing;
    /** Gaps in which the UI thread computed more than {@link #LONG_COMPUTING_MILLIS}. */
    private long longComputing;

    /**
     * Reads running totals: the UI thread's CPU time and run-queue delay (ns), the collector's pause time (ms),
     * the renderer's CPU time and run-queue delay (ns).
     */
    PulseGapCauses(LongSupplier uiThreadNanos, LongSupplier uiWaitingNanos, LongSupplier collectorMillis,
                   LongSupplier rendererNanos, LongSupplier rendererWaitingNanos) {
        this.uiThreadNanos = uiThreadNanos;
        this.uiWaitingNanos = uiWaitingNanos;
        this.collectorMillis = collectorMillis;
        this.rendererNanos = rendererNanos;
        this.rendererWaitingNanos = rendererWaitingNanos;
    }

    /** Reads this JVM's counters; call on the UI thread. */
    static PulseGapCauses ofThisProcess() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] rendererId = {-1};
        LongSupplier renderer = () -> {
            if (rendererId[0] < 0) {
                rendererId[0] = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith("QuantumRenderer")).mapToLong(Thread::getId)
                        .findFirst().orElse(0);
            }
            return rendererId[0] == 0 ? 0 : Math.max(0, threads.getThreadCpuTime(rendererId[0]));
        };
        LongSupplier collector = () -> ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
        Path[] rendererTask = {null};
        LongSupplier rendererWaiting = () -> {
            if (rendererTask[0] == null) {
                rendererTask[0] = taskNamed("QuantumRendere"); // the kernel keeps 15 characters of a name
            }
            return rendererTask[0] == null ? 0 : runQueueDelay(rendererTask[0]);
        };
        return new PulseGapCauses(threads::getCurrentThreadCpuTime, () -> runQueueDelay(Path.of("/proc/thread-self")),
                collector, renderer, rendererWaiting);
    }

    /** Nanoseconds the thread of {@code task} (a /proc task folder) was ready to run but waited for a core; 0 where unknown. */
    private static long runQueueDelay(Path task) {
        try {
            return Long.parseLong(Files.readString(task.resolve("schedstat")).trim().split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The /proc task folder of this process's thread whose name starts with {@code prefix}, or null. */
    private static Path taskNamed(String prefix) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(task -> {
                try {
                    return Files.readString(task.resolve("comm")).startsWith(prefix);
                } catch (IOException e) {
                    return false;
                }
            }).findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The next pulse starts a new gap (measuring paused). */
    void skipGap() {
        ui = -1;
    }

    /** Forgets the totals (the start of a measurement). */
    void clear() {
        ui = -1;
        late = NOTHING;
        longestComputing = 0;
        longComputing = 0;
    }

    /** Reads the counters at a pulse that ended a gap of {@code gapNanos}; returns the gap taken apart. */
    Anatomy pulse(long gapNanos) {
        long nowUi = uiThreadNanos.getAsLong();
        long nowWaiting = uiWaitingNanos.getAsLong();
        long nowCollector = collectorMillis.getAsLong();
        long nowRenderer = rendererNanos.getAsLong();
        long nowRendererWaiting = rendererWaitingNanos.getAsLong();
        Anatomy anatomy = ui < 0 ? new Anatomy(gapNanos / 1e6, 0, 0, 0, 0, 0)
                : new Anatomy(gapNanos / 1e6, (nowUi - ui) / 1e6, (nowWaiting - waiting) / 1e6,
                        nowCollector - collector, (nowRenderer - renderer) / 1e6,
                        (nowRendererWaiting - rendererWaiting) / 1e6);
        ui = nowUi;
        waiting = nowWaiting;
        collector = nowCollector;
        renderer = nowRenderer;
        rendererWaiting = nowRendererWaiting;
        if (anatomy.gap() > 50) {
            late = late.plus(anatomy);
        }
        longestComputing = Math.max(longestComputing, anatomy.uiThread());
        if (anatomy.uiThread() > LONG_COMPUTING_MILLIS) {
            longComputing++;
        }
        return anatomy;
    }

    /**
     * The most CPU time the UI thread spent between two pulses so far (ms): the window's own work in one frame,
     * which, unlike the gap, hardly depends on how busy the machine is.
     */
    double longestComputing() {
        return longestComputing;
    }

    /** The gaps so far in which the UI thread computed more than {@value #LONG_COMPUTING_MILLIS} ms. */
    long longComputingGaps() {
        return longComputing;
    }

    /** The sums over all gaps longer than 50 ms so far. */
    Anatomy lateTotals() {
        return late;
    }
}
