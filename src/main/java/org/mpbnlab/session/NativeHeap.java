package org.mpbnlab.session;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Gives the C library's free memory back to the system. ND4J's arrays and oneDNN's scratch buffers live outside the
 * Java heap, in memory from the C library's allocator (glibc's malloc on Linux). When a run ends and its arrays are
 * freed, glibc keeps most of that memory for later allocations instead of returning it, in pools of its own per
 * thread; each new run's worker thread then takes fresh memory, and a session of runs grew by ~0.5 GB of native
 * memory per conv-small run (0.6 → 1.0 → 1.6 → 2.4 GB after four runs) until the kernel's out-of-memory killer
 * stopped the app (docs/memory.md). Trimming once when a run's engine is released and once before the next is built
 * returns it (−1.3 GB after four runs), and costs nothing while training: the allocator is left alone then, so
 * that the engine's buffers are reused without page faults.
 *
 * <p>The trim is the JVM's own diagnostic command {@code System.trim_native_heap} (glibc's {@code malloc_trim}); on
 * a system without it (another C library, another OS) nothing happens.
 */
public final class NativeHeap {

    private static final AtomicLong TRIMS = new AtomicLong();

    private NativeHeap() {
    }

    /**
     * Returns the allocator's free memory to the system; the JVM's report (e.g. {@code "Trim native heap: RSS+Swap:
     * 4135M->2841M (-1293M)"}), or empty when this JVM or system cannot trim.
     */
    public static Optional<String> trim() {
        try {
            Object report = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            TRIMS.incrementAndGet();
            String text = String.valueOf(report).trim();
            return text.contains("RSS") ? Optional.of(text) : Optional.empty();
        } catch (JMException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** How many trims were asked for since the JVM started (whether or not the system could trim). */
    public static long trims() {
        return TRIMS.get();
    }
}
