package org.mpbnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpbnlab.cli.CommandLineTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mpbnlab.cli.CommandLineTest.Result;

/**
 * Every command that writes a file checks its {@code --out} before working: a missing folder or a folder
 * given as the file is one line naming the user's file (not the atomic write's temporary file), exit code 2,
 * and {@code train} refuses before it trains.
 */
class OutputFileCommandTest {

    @TempDir
    static Path dir;

    static Path model;

    @BeforeAll
    static void trainASmallModel() {
        model = dir.resolve("xor.zip");
        Result train = run("train", "--dataset", "xor", "--arch", "mlp-2d", "--limit", "64", "--batch", "32",
                "--out", model.toString());
        assertEquals(0, train.code(), train.err());
    }

    static String[] command(String name, Path out) {
        return switch (name) {
            case "train" -> new String[] {"train", "--dataset", "xor", "--arch", "mlp-2d", "--limit", "64", "--batch",
                    "32", "--out", out.toString()};
            case "fold" -> new String[] {"fold", "--model", model.toString(), "--out", out.toString()};
            case "predict" -> new String[] {"predict", "--model", model.toString(), "--limit", "64", "--out",
                    out.toString()};
            case "record" -> new String[] {"record", "--model", model.toString(), "--samples", "0", "--out",
                    out.toString()};
            default -> throw new IllegalArgumentException(name);
        };
    }

    static String extension(String name) {
        return name.equals("predict") || name.equals("record") ? ".npz" : ".zip";
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "fold", "predict", "record"})
    void aMissingFolderIsNamedBeforeAnyWork(String name) {
        Path out = dir.resolve("no-such-folder").resolve("result" + extension(name));
        Result r = run(command(name, out));
        assertEquals(2, r.code(), r.err());
        assertEquals("error: cannot write " + out + ": the folder " + out.getParent()
                + " does not exist; create it first or choose another --out", r.err().strip());
        assertFalse(r.out().contains("epoch"), "refused before training: " + r.out());
        assertFalse(Files.exists(out.getParent()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "fold", "record"})
    void aFolderGivenAsTheFileIsRefused(String name) {
        Result r = run(command(name, dir));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: cannot write " + dir + ": it is a folder; give a file name"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains(".tmp"), r.err());
        assertFalse(r.out().contains("epoch"), "refused before training: " + r.out());
    }
}
