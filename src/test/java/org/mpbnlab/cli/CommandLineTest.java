package org.mpbnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The headless commands end to end: exit codes, one-line errors, JSON summaries. */
class CommandLineTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MpbnLabCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "train --timesteps 0 | --timesteps must be between 1 and 64",
            "train --lr -0.1 | --lr must be a positive number",
            "train --arch resnet | --arch must be one of mlp, conv-small, mlp-2d",
            "train --dataset imagenet | --dataset must be one of",
            "train --mpbn sometimes | --mpbn must be one of off, channel, element",
            "train --tau 2 | --tau must be in [0.0, 1.0]",
            "train --dataset spirals --arch mlp-2d --batch 100000 --limit 200 | --batch 100000 is larger than the training set",
            "train --epochs banana | Invalid value for option '--epochs'",
            "train --data-dir /nonexistent/datasets | --data-dir /nonexistent/datasets does not exist; give the folder",
            "eval --model /nonexistent/model.zip | Cannot load model file"})
    void impossibleOptionsGiveOneLineAndNoStackTrace(String args, String message) {
        Result r = run(args.trim().split(" +"));
        assertTrue(r.code() == 2 || args.startsWith("eval") && r.code() == 1, "exit code " + r.code() + ": " + r.err());
        assertTrue(r.err().contains(message.trim()), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void trainEvalAndFoldWorkTogetherAndReportJson() throws Exception {
        Path model = dir.resolve("spirals.zip");
        Result train = run("train", "--dataset", "spirals", "--arch", "mlp-2d", "--epochs", "2", "--lr", "3e-2",
                "--limit", "640", "--out", model.toString(), "--json");
        assertEquals(0, train.code(), train.err());
        JsonNode summary = Json.MAPPER.readTree(train.lastLine());
        assertEquals(2, summary.get("testAccuracyPerEpoch").size());
        assertEquals(2, summary.get("trainLossPerEpoch").size());
        double accuracy = summary.get("testAccuracy").asDouble();
        assertTrue(accuracy >= 0 && accuracy <= 1);
        assertTrue(summary.get("trainSamplesPerSecond").asDouble() > 0);
        assertEquals(0, summary.get("seed").asLong());
        assertTrue(train.out().contains("epoch 1/2"));

        Result eval = run("eval", "--model", model.toString(), "--limit", "640", "--json");
        assertEquals(0, eval.code(), eval.err());
        JsonNode evaluation = Json.MAPPER.readTree(eval.lastLine());
        assertEquals(summary.get("testAccuracy").asDouble(), evaluation.get("testAccuracy").asDouble(), 0.0);

        Path folded = dir.resolve("folded.zip");
        Result fold = run("fold", "--model", model.toString(), "--out", folded.toString(), "--check", "spirals",
                "--limit", "640", "--json");
        assertEquals(0, fold.code(), fold.err());
        JsonNode report = Json.MAPPER.readTree(fold.lastLine());
        assertEquals(0, report.get("spikeMismatches").asLong());
        assertEquals(0.0, report.get("maxLogitDiff").asDouble());
        assertEquals(1.0, report.get("predictionAgreement").asDouble());
        assertTrue(report.get("spikesCompared").asLong() > 0);
        assertTrue(report.has("gammaNegative") && report.has("gammaZero"));
        assertTrue(Files.exists(folded));

        Result evalFolded = run("eval", "--model", folded.toString(), "--limit", "640", "--json");
        assertEquals(evaluation.get("testAccuracy").asDouble(),
                Json.MAPPER.readTree(evalFolded.lastLine()).get("testAccuracy").asDouble(), 0.0);

        Result again = run("fold", "--model", folded.toString(), "--out", dir.resolve("x.zip").toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("already folded"), again.err());
    }
}
