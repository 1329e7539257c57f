package org.mpbnlab.fold;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Takes {@link ProcessorReading}s: a benchmark's view of what the processors are doing. */
@FunctionalInterface
public interface ProcessorMeter {

    /** Clock ticks per second of Linux's /proc/stat (USER_HZ, 100 on every architecture Linux runs Java on). */
    long PROC_STAT_TICKS_PER_SECOND = 100;

    ProcessorReading read();

    /**
     * This JVM and the machine it runs on: the wall clock, the process CPU time and the JIT's compile time from the
     * JVM's management beans, the machine's busy time from {@code /proc/stat} (Linux; elsewhere the machine is
     * taken to be this process alone, so nothing counts as others).
     */
    static ProcessorMeter system() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        var compiler = ManagementFactory.getCompilationMXBean();
        com.sun.management.OperatingSystemMXBean process = os instanceof com.sun.management.OperatingSystemMXBean o
                ? o : null;
        Path procStat = Path.of("/proc/stat");
        return () -> {
            long wall = System.nanoTime();
            long own = process == null ? 0 : Math.max(0, process.getProcessCpuTime());
            long busy = machineBusyNanos(procStat, own);
            long compile = compiler != null && compiler.isCompilationTimeMonitoringSupported()
                    ? compiler.getTotalCompilationTime() : 0;
            return new ProcessorReading(wall, own, busy, compile);
        };
    }

    /** The machine's busy CPU time from {@code procStat}, or {@code fallback} when it cannot be read. */
    private static long machineBusyNanos(Path procStat, long fallback) {
        try (var lines = Files.lines(procStat)) {
            String first = lines.findFirst().orElse("");
            long ticks = busyTicks(first);
            return ticks < 0 ? fallback : ticks * (1_000_000_000L / PROC_STAT_TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return fallback;
        }
    }

    /**
     * The busy clock ticks of /proc/stat's first line, {@code cpu user nice system idle iowait irq softirq steal …}:
     * <pre>
     *   busy = user + nice + system + irq + softirq + steal
     * </pre>
     * (idle and iowait are the processors' idle time; guest time is already inside user). −1 for a line that is
     * not the all-processors line.
     */
    static long busyTicks(String line) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length < 8 || !fields[0].equals("cpu")) {
            return -1;
        }
        long busy = 0;
        for (int field : new int[] {1, 2, 3, 6, 7}) {
            busy += Long.parseLong(fields[field]);
        }
        return busy + (fields.length > 8 ? Long.parseLong(fields[8]) : 0);
    }
}
