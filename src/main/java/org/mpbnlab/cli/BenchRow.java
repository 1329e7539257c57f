package org.mpbnlab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.mpbnlab.fold.SteadyTiming;
import org.mpbnlab.fold.ThroughputSpread;
import org.mpbnlab.snn.MpbnMode;

/**
 * One figure of {@code bench}: a preset, its MPBN mode and what was timed, in samples per second over the
 * repeats.
 *
 * @param arch  the preset, {@code mlp} or {@code conv-small}
 * @param mpbn  MPBN off or channel-wise
 * @param phase {@code train}, {@code infer}, {@code infer-folded} or {@code infer-deployable}
 * @param rates   the repeats' minimum, median and maximum
 * @param machine for the inference rows, how much of their rounds other processes shared the machine
 *                ({@link SteadyTiming}); null for the training rows, which do not observe it
 */
record BenchRow(String arch, MpbnMode mpbn, String phase, ThroughputSpread rates, SteadyTiming.Measured machine) {

    /** A row whose rounds were not observed for other processes' load. */
    BenchRow(String arch, MpbnMode mpbn, String phase, ThroughputSpread rates) {
        this(arch, mpbn, phase, rates, null);
    }

    /** An inference row: its figures and how shared its rounds were. */
    BenchRow(String arch, MpbnMode mpbn, String phase, SteadyTiming.Measured measured) {
        this(arch, mpbn, phase, measured.rates(), measured);
    }

    /**
     * {@code mlp  mpbn=off  train  median 5616.0 samples/s  min 5400.1  max 5702.3  spread 5.4%}, for an inference
     * row followed by {@code  quiet} or {@code  2 of 5 rounds shared (others 0.9 cores)}.
     */
    String text() {
        String figures = String.format(Locale.ROOT, "%-11s mpbn=%-8s %-17s median %10.1f samples/s  min %10.1f  max"
                + " %10.1f  spread %5.1f%%", arch, mpbn.id(), phase, rates.median(), rates.min(), rates.max(),
                rates.spreadPercent());
        if (machine == null) {
            return figures;
        }
        int kept = machine.kept();
        return figures + (machine.shared() == 0 ? "  quiet" : String.format(Locale.ROOT,
                "  %d of %d rounds shared (others %.1f cores)", machine.shared(), kept, machine.othersCores()));
    }

    /** The row's JSON fields (docs/benchmarks.md lists them). */
    void writeTo(ObjectNode node) {
        node.put("arch", arch);
        node.put("mpbn", mpbn.id());
        node.put("phase", phase);
        node.put("min", rates.min());
        node.put("median", rates.median());
        node.put("max", rates.max());
        node.put("spreadPercent", rates.spreadPercent());
        if (machine != null) {
            node.put("sharedRounds", machine.shared());
            node.put("othersCores", machine.othersCores());
            node.put("roundsRun", machine.roundsRun());
            node.put("perCpuSecond", machine.perCpuSecond());
        }
    }
}
