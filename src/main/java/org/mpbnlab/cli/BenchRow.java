package org.mpbnlab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.mpbnlab.fold.ThroughputSpread;
import org.mpbnlab.snn.MpbnMode;

/**
 * One figure of {@code bench}: a preset, its MPBN mode and what was timed, in samples per second over the
 * repeats.
 *
 * @param arch  the preset, {@code mlp} or {@code conv-small}
 * @param mpbn  MPBN off or channel-wise
 * @param phase {@code train}, {@code infer}, {@code infer-folded} or {@code infer-deployable}
 * @param rates the repeats' minimum, median and maximum
 */
record BenchRow(String arch, MpbnMode mpbn, String phase, ThroughputSpread rates) {

    /** {@code mlp  mpbn=off  train  median 5616.0 samples/s  min 5400.1  max 5702.3  spread 5.4%}. */
    String text() {
        return String.format(Locale.ROOT, "%-11s mpbn=%-8s %-17s median %10.1f samples/s  min %10.1f  max %10.1f"
                + "  spread %5.1f%%", arch, mpbn.id(), phase, rates.median(), rates.min(), rates.max(),
                rates.spreadPercent());
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
    }
}
