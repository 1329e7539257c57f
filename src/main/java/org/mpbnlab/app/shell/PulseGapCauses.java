package org.mpbnlab.app.shell;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Where the time of a late pulse went: read at every pulse, running totals tell how much of a gap the UI
 * thread computed (its CPU time), how long it was ready to run but waited for a core (the kernel's
 * run-queue delay of the thread, {@code /proc/thread-self/schedstat} on Linux, 0 elsewhere), how long the
 * garbage collector stopped every thread, and how much the JavaFX renderer thread computed meanwhile
 * (a pulse waits for the previous frame to be drawn). The rest of a gap the UI thread slept: waiting for
 * the next pulse, the renderer or a lock. Used by {@link PulseGapMonitor} when it logs
 * ({@code -Dmpbnlab.pulseLog=true}); the totals over all gaps longer than 50 ms are kept.
 */
final class PulseGapCauses {

    /** A gap taken apart, in milliseconds. */
    record Anatomy(double gap, double uiThread, double waitingForCore, double collector, double renderer) {
        /** The part of the gap the UI thread neither computed, nor waited for a core, nor was stopped by the GC. */
        double sleeping() {
            return Math.max(0, gap - uiThread - waitingForCore - collector);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "UI thread computing %.1f ms, waiting for a core %.1f ms, "
                            + "stopped by GC %.1f ms, sleeping %.1f ms; renderer computing %.1f ms",
                    uiThread, waitingForCore, collector, sleeping(), renderer);
        }
    }

    private final LongSupplier uiThreadNanos;
    private final LongSupplier uiWaitingNanos;
    private final LongSupplier collectorMillis;
    private final LongSupplier rendererNanos;
    private long ui = -1;
    private long waiting;
    private long collector;
    private long renderer;
    private Anatomy late = new Anatomy(0, 0, 0, 0, 0);

    /**
     * Reads running totals: the UI thread's CPU time and run-queue delay (ns), the collector's pause time (ms)
     * and the renderer's CPU time (ns).
     */
    PulseGapCauses(LongSupplier uiThreadNanos, LongSupplier uiWaitingNanos, LongSupplier collectorMillis,
                   LongSupplier rendererNanos) {
        this.uiThreadNanos = uiThreadNanos;
        this.uiWaitingNanos = uiWaitingNanos;
        this.collectorMillis = collectorMillis;
        this.rendererNanos = rendererNanos;
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
        return new PulseGapCauses(threads::getCurrentThreadCpuTime, PulseGapCauses::runQueueDelayOfThisThread,
                collector, renderer);
    }

    /** Nanoseconds this thread has been ready to run but waited for a core (Linux); 0 where unknown. */
    private static long runQueueDelayOfThisThread() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/thread-self/schedstat"))
                    .trim().split(" ");
            return Long.parseLong(fields[1]);
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The next pulse starts a new gap (measuring paused). */
    void skipGap() {
        ui = -1;
    }

    /** Forgets the totals (the start of a measurement). */
    void clear() {
        ui = -1;
        late = new Anatomy(0, 0, 0, 0, 0);
    }

    /** Reads the counters at a pulse that ended a gap of {@code gapNanos}; returns the gap taken apart. */
    Anatomy pulse(long gapNanos) {
        long nowUi = uiThreadNanos.getAsLong();
        long nowWaiting = uiWaitingNanos.getAsLong();
        long nowCollector = collectorMillis.getAsLong();
        long nowRenderer = rendererNanos.getAsLong();
        Anatomy anatomy = ui < 0 ? new Anatomy(gapNanos / 1e6, 0, 0, 0, 0)
                : new Anatomy(gapNanos / 1e6, (nowUi - ui) / 1e6, (nowWaiting - waiting) / 1e6,
                        nowCollector - collector, (nowRenderer - renderer) / 1e6);
        ui = nowUi;
        waiting = nowWaiting;
        collector = nowCollector;
        renderer = nowRenderer;
        if (anatomy.gap() > 50) {
            late = new Anatomy(late.gap() + anatomy.gap(), late.uiThread() + anatomy.uiThread(),
                    late.waitingForCore() + anatomy.waitingForCore(), late.collector() + anatomy.collector(),
                    late.renderer() + anatomy.renderer());
        }
        return anatomy;
    }

    /** The sums over all gaps longer than 50 ms so far. */
    Anatomy lateTotals() {
        return late;
    }
}
