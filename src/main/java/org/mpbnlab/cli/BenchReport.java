package org.mpbnlab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What {@code bench --json} prints: the settings every row was measured with and the rows, in the shape of the
 * PyTorch peer's report (docs/bench/torch_peer.py), so that docs/bench/compare.py can check that both sides
 * did the same work before it divides one by the other:
 * <pre>
 * {"timesteps": 4, "batch": 64, "repeats": 5, "secondsPerRepeat": 1.0,
 *  "rows": [{"arch", "mpbn", "phase", "min", "median", "max", "spreadPercent"}, …]}
 * </pre>
 *
 * @param timeSteps        T
 * @param batch            samples per batch
 * @param repeats          timed repeats (training) and interleaved rounds (inference) per row
 * @param secondsPerRepeat the length of one repeat (of one network's slice in an inference round)
 * @param rows             the figures, in the order measured
 */
record BenchReport(int timeSteps, int batch, int repeats, double secondsPerRepeat, List<BenchRow> rows) {

    BenchReport {
        rows = List.copyOf(rows);
    }

    /** The report as one JSON object. */
    ObjectNode toJson() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("timesteps", timeSteps);
        node.put("batch", batch);
        node.put("repeats", repeats);
        node.put("secondsPerRepeat", secondsPerRepeat);
        ArrayNode list = node.putArray("rows");
        rows.forEach(row -> row.writeTo(list.addObject()));
        return node;
    }
}
