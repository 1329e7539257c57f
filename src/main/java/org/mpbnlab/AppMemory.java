package org.mpbnlab;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The desktop app's Java heap, chosen from the computer's memory. Left to itself the JVM lets the heap grow to a
 * quarter of the memory, and ZGC (the app's collector, {@link AppCollector}) uses that room before collecting; its
 * heap is also mapped three times, so the kernel counts it three times against the app when memory runs out and
 * picks the app to stop (docs/memory.md). The app needs ~0.7 GB of live heap for conv-small at T = 4 and 2.4 GB at
 * T = 16, and native memory beside it for ND4J.
 *
 * <p>With {@code M} the computer's memory:
 * <pre>
 *   maximum heap      H = clamp(3/8 · M, 1 GiB, 6 GiB)      (-Xmx)
 *   soft maximum      S = 3/4 · H                            (-XX:SoftMaxHeapSize: ZGC collects to stay under it)
 * </pre>
 * so an 8 GB laptop gets H = 3 GiB, S = 2.25 GiB, and the rest stays for ND4J, the window and the system. Heap
 * options given on the command line ({@code java -Xmx5g -jar …}) are kept.
 */
final class AppMemory {

    static final long MIB = 1L << 20;
    static final long GIB = 1L << 30;
    static final long LEAST_HEAP = GIB;
    static final long MOST_HEAP = 6 * GIB;

    /** Options that choose the heap's size. */
    private static final Pattern CHOICE = Pattern.compile(
            "-Xmx.*|-XX:MaxHeapSize=.*|-XX:MaxRAM(Percentage|Fraction)?=.*|-XX:SoftMaxHeapSize=.*");

    private AppMemory() {
    }

    /** The maximum heap for a computer with {@code memoryBytes} of memory, in whole MiB. */
    static long maximumHeap(long memoryBytes) {
        long heap = Math.max(LEAST_HEAP, Math.min(MOST_HEAP, memoryBytes / 8 * 3));
        return heap / MIB * MIB;
    }

    /** The heap ZGC keeps under while it can, in whole MiB. */
    static long softMaximumHeap(long memoryBytes) {
        return maximumHeap(memoryBytes) / 4 * 3 / MIB * MIB;
    }

    /** The heap options for a computer with {@code memoryBytes} of memory. */
    static List<String> options(long memoryBytes) {
        return List.of("-Xmx" + maximumHeap(memoryBytes) / MIB + "m",
                "-XX:SoftMaxHeapSize=" + softMaximumHeap(memoryBytes) / MIB + "m");
    }

    /** True when {@code jvmOptions} size the heap themselves. */
    static boolean chosenIn(List<String> jvmOptions) {
        return jvmOptions.stream().anyMatch(option -> CHOICE.matcher(option).matches());
    }

    /** {@code jvmOptions}, followed by the heap options for {@code memoryBytes} unless they size the heap. */
    static List<String> addedTo(List<String> jvmOptions, long memoryBytes) {
        List<String> options = new ArrayList<>(jvmOptions);
        if (!chosenIn(jvmOptions)) {
            options.addAll(options(memoryBytes));
        }
        return options;
    }

    /** This computer's memory (a container's limit inside one), when the JVM can tell. */
    static Optional<Long> ofThisComputer() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long total = os.getTotalMemorySize();
            return total > 0 ? Optional.of(total) : Optional.empty();
        }
        return Optional.empty();
    }
}
