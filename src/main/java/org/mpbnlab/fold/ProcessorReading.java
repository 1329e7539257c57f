package org.mpbnlab.fold;

/**
 * What the processors had done at one moment, as a benchmark sees it; two readings bound an interval. All
 * times are cumulative, in nanoseconds, except the JIT's in milliseconds (how the JVM reports it).
 *
 * <p>Over the interval from reading a to reading b, with Δ = b − a:
 * <pre>
 *   others' cores = max(0, Δ machineBusy − Δ ownCpu) / Δ wall
 *   JIT share     = Δ compileMillis · 10⁶ / Δ wall
 * </pre>
 * "others' cores" is how many processors other processes (and the hypervisor, as steal time) kept busy on
 * average: 0 on a machine left to the benchmark, 1 when another program ran flat out on one core. The JIT share is
 * the fraction of the interval's wall time the JVM's compiler threads spent compiling (0 once the code is warm).
 *
 * @param wallNanos        a monotonic wall clock
 * @param ownCpuNanos      CPU time of this process, all its threads (compiler and garbage collector included)
 * @param machineBusyNanos CPU time of the whole machine spent outside its idle loop; equal to {@code ownCpuNanos}
 *                         where the operating system does not tell it (others then count as 0)
 * @param compileMillis    time the JIT compilers have spent so far
 */
public record ProcessorReading(long wallNanos, long ownCpuNanos, long machineBusyNanos, long compileMillis) {

    /** The processors other processes kept busy on average since {@code earlier}, in cores (≥ 0). */
    public double othersCoresSince(ProcessorReading earlier) {
        long wall = wallNanos - earlier.wallNanos;
        if (wall <= 0) {
            return 0;
        }
        long others = (machineBusyNanos - earlier.machineBusyNanos) - (ownCpuNanos - earlier.ownCpuNanos);
        return Math.max(0, others) / (double) wall;
    }

    /** The fraction of the wall time since {@code earlier} that the JIT spent compiling. */
    public double compileShareSince(ProcessorReading earlier) {
        long wall = wallNanos - earlier.wallNanos;
        return wall <= 0 ? 0 : (compileMillis - earlier.compileMillis) * 1e6 / wall;
    }
}
