package org.mpbnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fold whose check finds spikes that differ is not saved, whichever fold was asked for (issue 11 #10,
 * docs/decisions.md "A naive fold that flips spikes fails its check").
 */
class FoldCheckFailureTest {

    /**
     * The sample conv model: its naive float32 fold flips spikes at rounding ties (28 in the first 1 000 glyphs test
     * samples here, e.g. on samples 125, 280 and 422). Which spikes sit at a tie depends on the last bits of the
     * native convolution, which may differ on another processor; over 1 000 samples some always do.
     */
    private static final String CONV_MODEL = Path.of("sample-models", "glyphs-conv-small-mpbn.zip").toString();

    @TempDir
    Path dir;

    @Test
    void aNaiveFoldThatFlipsSpikesIsNotSavedAndTheMessageSaysHowToSaveItAnyway() throws Exception {
        Path out = dir.resolve("naive.zip");
        CommandLineTest.Result fold = CommandLineTest.run("fold", "--model", CONV_MODEL, "--method", "naive",
                "--check", "glyphs", "--limit", "1000", "--out", out.toString(), "--json");
        Matcher counts = Pattern.compile("folded \\(naive\\): (\\d+) of (\\d+) spikes differ").matcher(fold.out());
        assertTrue(counts.find(), fold.out());
        long flips = Long.parseLong(counts.group(1));
        assertTrue(flips > 0, "the naive fold flips spikes on these samples: " + fold.out());
        assertEquals(1, fold.code(), fold.err());
        assertEquals("error: the naive fold flips " + flips + " of " + counts.group(2) + " spikes on glyphs (float "
                + "rounding at ties), so it is not the same network; nothing was saved to " + out + ". To save it "
                + "anyway, run fold --method naive without --check; --method exact flips none", fold.err().strip());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "no folded model and no temporary file");
        }
        assertFalse(fold.out().contains("saved " + out), fold.out());
        // the JSON line still ends the output, with the counts a script needs and that nothing was saved
        List<String> lines = fold.out().strip().lines().toList();
        JsonNode report = Json.MAPPER.readTree(lines.get(lines.size() - 1));
        assertEquals(flips, report.get("spikeMismatches").asLong(), fold.out());
        assertFalse(report.get("saved").asBoolean(true), fold.out());

        CommandLineTest.Result unchecked = CommandLineTest.run("fold", "--model", CONV_MODEL, "--method", "naive",
                "--out", out.toString());
        assertEquals(0, unchecked.code(), unchecked.err());
        assertTrue(Files.exists(out), "without --check the naive fold is saved, as the message says");
    }
}
