package org.mpbnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpbnlab.fold.SteadyTiming;
import org.mpbnlab.fold.ThroughputSpread;
import org.mpbnlab.snn.MpbnMode;

/**
 * {@code bench}'s report: the JSON shape docs/benchmarks.md documents (and docs/bench/compare.py reads), and
 * its text rows. The measurement itself runs in {@link CommandLineTest}-style end to end below, with tiny
 * settings and no assertion on the figures' size.
 */
class BenchReportTest {

    @Test
    void jsonHasTheSettingsAndEveryRowsMinimumMedianMaximumAndSpread() throws Exception {
        BenchReport report = new BenchReport(4, 64, 5, 1.0, List.of(
                new BenchRow("mlp", MpbnMode.OFF, "train", ThroughputSpread.of(90, 100, 110, 95, 105)),
                new BenchRow("conv-small", MpbnMode.CHANNEL, "infer-folded", ThroughputSpread.of(40, 50))));
        JsonNode json = Json.MAPPER.readTree(report.toJson().toString());
        assertEquals(List.of("timesteps", "batch", "repeats", "secondsPerRepeat", "rows"), names(json));
        assertEquals(4, json.get("timesteps").asInt());
        assertEquals(64, json.get("batch").asInt());
        assertEquals(5, json.get("repeats").asInt());
        assertEquals(1.0, json.get("secondsPerRepeat").asDouble());
        assertEquals(2, json.get("rows").size());
        JsonNode first = json.get("rows").get(0);
        assertEquals(List.of("arch", "mpbn", "phase", "min", "median", "max", "spreadPercent"), names(first));
        assertEquals("mlp", first.get("arch").asText());
        assertEquals("off", first.get("mpbn").asText());
        assertEquals("train", first.get("phase").asText());
        assertEquals(90.0, first.get("min").asDouble());
        assertEquals(100.0, first.get("median").asDouble());
        assertEquals(110.0, first.get("max").asDouble());
        assertEquals(20.0, first.get("spreadPercent").asDouble(), 1e-12);
        JsonNode second = json.get("rows").get(1);
        assertEquals("channel", second.get("mpbn").asText());
        assertEquals(45.0, second.get("median").asDouble(), "two repeats: the mean of both");
    }

    @Test
    void aTextRowNamesTheMedianFirstThenMinimumMaximumAndSpread() {
        String text = new BenchRow("mlp", MpbnMode.CHANNEL, "infer", ThroughputSpread.of(95, 100, 105)).text();
        assertTrue(text.matches("mlp +mpbn=channel +infer +median +100\\.0 samples/s +min +95\\.0 +max +105\\.0"
                + " +spread +10\\.0%"), text);
    }

    @Test
    void anInferenceRowSaysHowManyOfItsRoundsOtherProcessesShared() throws Exception {
        var quiet = new SteadyTiming.Measured(ThroughputSpread.of(95, 100, 105), 3, 0, 0.02, 3, 60);
        var shared = new SteadyTiming.Measured(ThroughputSpread.of(60, 100, 105), 3, 2, 0.94, 6, 58.5);
        assertTrue(new BenchRow("mlp", MpbnMode.CHANNEL, "infer", quiet).text().endsWith("spread  10.0%  quiet"));
        BenchRow busy = new BenchRow("mlp", MpbnMode.CHANNEL, "infer", shared);
        assertTrue(busy.text().endsWith("spread  45.0%  2 of 3 rounds shared (others 0.9 cores)"), busy.text());
        JsonNode json = Json.MAPPER.readTree(new BenchReport(4, 64, 3, 1.0, List.of(busy)).toJson().toString());
        JsonNode row = json.get("rows").get(0);
        assertEquals(2, row.get("sharedRounds").asInt());
        assertEquals(0.94, row.get("othersCores").asDouble());
        assertEquals(6, row.get("roundsRun").asInt());
        assertEquals(58.5, row.get("perCpuSecond").asDouble());
    }

    @Test
    void benchReportsEveryRowAsMinimumMedianMaximumWithTinySettings() throws Exception {
        CommandLineTest.Result bench = CommandLineTest.run("bench", "--arch", "mlp", "--batch", "8", "--repeats",
                "2", "--seconds", "0.02", "--json");
        assertEquals(0, bench.code(), bench.err());
        JsonNode json = Json.MAPPER.readTree(bench.lastLine());
        assertEquals(8, json.get("batch").asInt());
        assertEquals(2, json.get("repeats").asInt());
        List<String> phases = new java.util.ArrayList<>();
        for (JsonNode row : json.get("rows")) {
            phases.add(row.get("mpbn").asText() + " " + row.get("phase").asText());
            double min = row.get("min").asDouble();
            double median = row.get("median").asDouble();
            double max = row.get("max").asDouble();
            assertTrue(0 < min && min <= median && median <= max, row.toString());
            assertEquals(100 * (max - min) / median, row.get("spreadPercent").asDouble(), 1e-9);
        }
        assertEquals(List.of("off train", "channel train", "off infer", "channel infer", "channel infer-folded",
                "channel infer-deployable"), phases);
        assertTrue(bench.out().startsWith("T = 4, batch 8, 2 repeats of 0.02 s"), bench.out());
        assertEquals(1 + 6 + 1, bench.out().strip().lines().count(), "a heading, six rows, the JSON");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
