package org.mpbnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One exit code per kind of outcome, whatever the command (README, "Exit codes"): a file the user named that
 * cannot be read is bad input, exit code 2, like an impossible option; 1 is left to work that did not succeed.
 */
class ExitCodesTest {

    private static final String MODEL = Path.of("sample-models", "spirals-mlp2d-mpbn.zip").toString();

    @TempDir
    Path dir;

    /** The command line of {@code command} with {@code model} as its model file and its output in the test folder. */
    private List<String> withModel(String command, String model) {
        List<String> args = new ArrayList<>(List.of(command, "--model", model));
        switch (command) {
            case "record" -> args.addAll(List.of("--samples", "0", "--out", dir.resolve("r.npz").toString()));
            case "predict" -> args.addAll(List.of("--out", dir.resolve("p.npz").toString()));
            case "fold" -> args.addAll(List.of("--out", dir.resolve("f.zip").toString()));
            default -> {
            }
        }
        return args;
    }

    private static void assertBadInput(CommandLineTest.Result r, String expected) {
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: " + expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"eval", "predict", "record", "fold"})
    void aMissingModelFileIsBadInput(String command) {
        Path missing = dir.resolve("missing.zip");
        CommandLineTest.Result r = CommandLineTest.run(withModel(command, missing.toString()).toArray(String[]::new));
        assertBadInput(r, "Cannot load model file '" + missing + "': the file does not exist.");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "nothing written");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"eval", "predict", "record", "fold"})
    void aFileThatIsNoModelIsBadInput(String command) throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.zip"), "not a model");
        CommandLineTest.Result r = CommandLineTest.run(withModel(command, notes.toString()).toArray(String[]::new));
        assertBadInput(r, "Cannot load model file '" + notes.getFileName() + "': not an MPBN Lab model file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eval", "predict", "record", "fold"})
    void aFolderAsTheModelIsBadInput(String command) {
        CommandLineTest.Result r = CommandLineTest.run(withModel(command, dir.toString()).toArray(String[]::new));
        assertBadInput(r, "Cannot load model file '" + dir + "': it is a folder, not a model file.");
    }

    /** Own data that is not what its name says is the user's file to fix, as a missing one is. */
    @ParameterizedTest
    @ValueSource(strings = {"train", "eval", "fold"})
    void ownDataThatCannotBeReadIsBadInput(String command) throws Exception {
        Path data = Files.writeString(dir.resolve("points.npz"), "garbage");
        List<String> args = switch (command) {
            case "train" -> List.of("train", "--dataset", data.toString(), "--epochs", "1");
            case "eval" -> List.of("eval", "--model", MODEL, "--dataset", data.toString());
            default -> List.of("fold", "--model", MODEL, "--out", dir.resolve("f.zip").toString(), "--check",
                    data.toString());
        };
        CommandLineTest.Result r = CommandLineTest.run(args.toArray(String[]::new));
        assertBadInput(r, data + ": it is not a NumPy .npz file");
        assertFalse(Files.exists(dir.resolve("f.zip")), "no folded model after a check that could not run");
    }
}
