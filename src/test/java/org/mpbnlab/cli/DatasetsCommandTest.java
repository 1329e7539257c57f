package org.mpbnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpbnlab.data.DatasetRegistry;
import org.mpbnlab.data.Downloader;
import picocli.CommandLine;

class DatasetsCommandTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        DatasetRegistry registry = new DatasetRegistry(new Downloader(), Map.of(), home);
        CommandLine commandLine = DatasetsCommand.commandLine(new DatasetsCommand(registry));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        return lines[lines.length - 1];
    }

    @Test
    void listJsonPrintsOneParsableArray() throws Exception {
        assertEquals(0, run("list", "--json"));
        JsonNode array = new ObjectMapper().readTree(lastLine(out.toString()));
        assertTrue(array.isArray());
        assertEquals(10, array.size());
        JsonNode glyphs = array.get(5);
        assertEquals("glyphs", glyphs.get("name").asText());
        assertEquals("builtin", glyphs.get("kind").asText());
        assertEquals(28, glyphs.get("sampleShape").get(2).asInt());
        JsonNode mnist = array.get(7);
        assertEquals("download", mnist.get("kind").asText());
        assertTrue(mnist.get("localFolder").isNull());
        assertTrue(mnist.get("downloadBytes").asLong() > 10_000_000L);
    }

    @Test
    void listPrintsATableWithOneRowPerDataset() {
        assertEquals(0, run("list"));
        String[] lines = out.toString().strip().split("\\R");
        assertEquals(11, lines.length);
        assertTrue(lines[0].startsWith("NAME"));
        assertTrue(out.toString().contains("moving-bars"));
    }

    @Test
    void fetchOfAnUnknownNameIsBadInputOnOneLine() {
        assertEquals(2, run("fetch", "imagenet"));
        String message = err.toString().strip();
        assertTrue(message.startsWith("error: unknown dataset 'imagenet'"), message);
        assertTrue(message.contains("fashion-mnist"), message);
        assertEquals(1, message.split("\\R").length);
    }

    @Test
    void fetchOfABuiltinSetNeedsNothing() {
        assertEquals(0, run("fetch", "spirals"));
        assertTrue(out.toString().contains("built in"));
    }

    @Test
    void badOptionsAndMissingSubcommandAreBadInput() {
        assertEquals(2, run("list", "--yaml"));
        assertEquals(1, err.toString().strip().split("\\R").length, err.toString());
        assertEquals(2, run());
    }
}
