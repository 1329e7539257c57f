package org.mpbnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mpbnlab.train.settings.Setting;
import org.mpbnlab.train.settings.SettingsTable;

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
            "train --timesteps 0 | --timesteps must be a whole number from 1 to 16, got 0",
            "train --timesteps 17 | --timesteps must be a whole number from 1 to 16, got 17",
            "train --lr -0.1 | --lr must be a number above 0 and at most 10, got -0.1",
            "train --arch resnet | --arch must be one of mlp, conv-small, mlp-2d, got 'resnet'",
            "train --dataset imagenet | --dataset must be one of",
            "train --mpbn sometimes | --mpbn must be one of off, channel, element",
            "train --tau 2 | --tau must be a number from 0 to 1, got 2",
            "train --weight-decay -1 | --weight-decay must be a number from 0 to 1, got -1",
            "train --dataset glyphs --arch mlp-2d | --arch mlp-2d does not fit --dataset glyphs: mlp-2d takes 2-D points (input [2]) and glyphs has samples of shape [1, 28, 28]; with glyphs use --arch mlp or conv-small",
            "train --dataset spirals --arch conv-small | --arch conv-small does not fit --dataset spirals: conv-small takes images [C, H, W] with H and W divisible by 4 and spirals has samples of shape [2]; with spirals use --arch mlp or mlp-2d",
            "train --dataset moving-bars --encoder direct | --encoder direct does not fit --dataset moving-bars (event frames): use --encoder events (or auto)",
            "train --dataset spirals --arch mlp-2d --batch 400 --limit 200 | --batch 400 is larger than the training set (200 samples)",
            "train --epochs banana | --epochs must be a whole number from 1 to 1000, got 'banana'",
            "train --data-dir /nonexistent/datasets | --data-dir /nonexistent/datasets does not exist; give the folder",
            "eval --model /nonexistent/model.zip | Cannot load model file '/nonexistent/model.zip': the file does not exist. Check the path.",
            "eval --model sample-models/glyphs-mlp-mpbn.zip --dataset spirals | dataset spirals has samples of shape [2] but the model expects [1, 28, 28]; give --dataset glyphs (the one it was trained on) or another with samples of shape [1, 28, 28]",
            "bench --seconds -1 | --seconds must be a number above 0, e.g. 2 (seconds per timed repeat), got -1",
            "bench --seconds 0 | --seconds must be a number above 0, e.g. 2 (seconds per timed repeat), got 0",
            "record --model sample-models/spirals-mlp2d-mpbn.zip --samples 0 --out r.txt | --out must end in .npz (record writes NumPy arrays), got 'r.txt'",
            "train --out m.txt | --out must end in .zip (a model file), got 'm.txt'",
            "fold --model sample-models/spirals-mlp2d-mpbn.zip --out f.txt | --out must end in .zip (a model file), got 'f.txt'",
            "bench --seconds abc | Invalid value for option '--seconds': 'abc' is not a number",
            "eval --model sample-models/spirals-mlp2d-mpbn.zip --batch x | Invalid value for option '--batch': 'x' is not a whole number",
            "datasets list --data-dir pom.xml | --data-dir pom.xml is a file, not a folder",
            "datasets fetch mnist --data-dir pom.xml | --data-dir pom.xml is a file, not a folder; give the folder to download into"})
    void impossibleOptionsGiveOneLineAndNoStackTrace(String args, String message) {
        Result r = run(args.trim().split(" +"));
        assertEquals(2, r.code(), r.err());
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
        assertEquals(2 * 10, summary.get("trainLossPerBatch").size(), "640 samples in batches of 64, two epochs");
        assertEquals(640, summary.get("settings").get("train-samples").asInt());
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

        assertTrue(fold.out().indexOf("saved " + folded) > fold.out().indexOf("spikes differ"),
                "the folded model is saved after the check");
        assertTrue(fold.out().matches("(?s).*; γ < 0 in \\d+ groups?, γ = 0 in \\d+ groups?\n.*"), fold.out());

        Result again = run("fold", "--model", folded.toString(), "--out", dir.resolve("x.zip").toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("already folded"), again.err());
    }

    /** Issue 11, defect 10: a check that fails (here: data the model cannot read) leaves no file behind. */
    @Test
    void aFailingFoldCheckWritesNothing() {
        Path model = dir.resolve("spirals.zip");
        assertEquals(0, run("train", "--dataset", "spirals", "--arch", "mlp-2d", "--limit", "128", "--batch", "32",
                "--out", model.toString()).code());
        Path folded = dir.resolve("folded.zip");
        Result fold = run("fold", "--model", model.toString(), "--out", folded.toString(), "--check", "glyphs",
                "--limit", "64");
        assertEquals(2, fold.code(), fold.err());
        assertTrue(fold.err().contains("the model expects [2]"), fold.err());
        assertFalse(Files.exists(folded), "no folded model after a failed check");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(model), files.toList(), "no temporary file left either");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A misspelt command is named as a command, with the closest one and the list of all. */
    @Test
    void anUnknownCommandNamesTheCommands() {
        Result r = run("trian", "--epochs", "1");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: unknown command 'trian'; did you mean train?"), r.err());
        Result far = run("frobnicate");
        assertEquals(2, far.code());
        assertTrue(far.err().startsWith("error: unknown command 'frobnicate'. The commands are train, eval,"), far.err());
        assertTrue(r.err().contains("train, eval, fold"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        Result sub = run("datasets", "lst");
        assertEquals(2, sub.code(), sub.err());
        assertTrue(sub.err().contains("unknown command 'lst'") && sub.err().contains("list, fetch"), sub.err());
    }

    /** Every command's help names its values in the user's terms (N, NAME, FILE), never a Java field (<dataSeed>). */
    @ParameterizedTest
    @CsvSource({"train", "eval", "fold", "record", "predict", "bench", "datasets list", "datasets fetch"})
    void helpShowsNoJavaFieldNames(String command) {
        List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        Result help = run(args.toArray(String[]::new));
        assertEquals(0, help.code(), help.err());
        assertFalse(java.util.regex.Pattern.compile("=<[A-Za-z]+>").matcher(help.out()).find(), help.out());
    }

    /** An unknown data set given to {@code fold --check} is reported under the option the user typed. */
    @Test
    void anUnknownCheckDatasetNamesTheCheckOption() {
        Path model = dir.resolve("spirals.zip");
        assertEquals(0, run("train", "--dataset", "spirals", "--arch", "mlp-2d", "--limit", "128", "--batch", "32",
                "--out", model.toString()).code());
        Result fold = run("fold", "--model", model.toString(), "--out", dir.resolve("f.zip").toString(), "--check",
                "nosuchset");
        assertEquals(2, fold.code(), fold.err());
        assertTrue(fold.err().startsWith("error: --check must be one of"), fold.err());
        assertFalse(fold.err().contains("--dataset"), fold.err());
        // a path that does not exist: the words of train --dataset (one rule, SettingDomain.DataSet)
        Result missing = run("fold", "--model", model.toString(), "--out", dir.resolve("f.zip").toString(), "--check",
                dir.resolve("none.npz").toString());
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().startsWith("error: --check names no file or folder"), missing.err());
    }

    /** The options of `train` are the settings table's: same names, help text, limits. */
    @Test
    void trainHelpShowsEverySettingOfTheTable() {
        Result help = run("train", "--help");
        assertEquals(0, help.code());
        String text = help.out().replaceAll("\\s+", " ");
        for (Setting<?> setting : SettingsTable.all()) {
            assertTrue(help.out().contains(setting.option()), setting.option());
            assertTrue(text.contains(setting.help()), setting.help());
        }
        assertTrue(text.contains("Allowed: 1 to 16 steps; default 4."), text);
        assertTrue(text.contains("default 5e-4 for sgd, 0 for adam."), text);
    }

    /** A folder given as the model is named as the user gave it, folder included, with what to give instead. */
    @Test
    void aFolderAsTheModelIsNamedInFull() {
        Result eval = run("eval", "--model", dir.toString());
        assertEquals(2, eval.code(), eval.err());
        assertEquals("error: Cannot load model file '" + dir + "': it is a folder, not a model file. Give the model "
                + "file (.zip) itself, e.g. " + dir.resolve("model.zip") + ".", eval.err().strip());
    }

    /** {@code --limit} comes from one shared option, but each command says what it limits; none of them trains. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "eval | Evaluate on the first N test samples only (0 = all).",
            "predict | Predict the first N samples of the --split only (0 = all).",
            "record | Load only the first N test samples (0 = all); the --samples must be below N.",
            "fold | Check (--check) on the first N test samples only (0 = all)."})
    void eachCommandSaysWhatItsLimitLimits(String command, String meaning) {
        Result help = run(command, "--help");
        assertEquals(0, help.code(), help.err());
        String text = help.out().replaceAll("\\s+", " ");
        assertTrue(text.contains("--limit=N " + meaning), text);
        assertFalse(text.contains("training"), text);
    }

    @Test
    void limitStillLimitsTheSamplesEvaluated() {
        Result eval = run("eval", "--model", "sample-models/spirals-mlp2d-mpbn.zip", "--limit", "100");
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains("(100 samples)"), eval.out());
    }
}
