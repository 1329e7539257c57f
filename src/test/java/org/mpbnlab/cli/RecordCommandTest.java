package org.mpbnlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mpbnlab.io.NpyArray;
import org.mpbnlab.io.NpzFile;

/** {@code record} on the trained sample model: the arrays a script relies on, and one-line errors. */
class RecordCommandTest {

    private static final String MODEL = Path.of("sample-models", "glyphs-mlp-mpbn.zip").toString();

    @TempDir
    Path dir;

    @Test
    void writesTheNamedArraysWithTheirShapesAndTheSpikesFollowTheRule() throws Exception {
        Path out = dir.resolve("rec.npz");
        CommandLineTest.Result r = CommandLineTest.run("record", "--model", MODEL, "--samples", "0,5,9", "--limit",
                "200", "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode summary = Json.MAPPER.readTree(r.lastLine());
        assertEquals("MPBN", summary.get("network").asText());
        Map<String, NpyArray> arrays = NpzFile.read(out);
        for (String name : new String[] {"0.x", "0.u_pre", "0.u_hat", "0.spikes", "0.threshold", "1.x", "1.u_pre",
                "1.u_hat", "1.spikes", "1.threshold", "logits", "labels", "predictions", "tau", "v_th"}) {
            assertTrue(arrays.containsKey(name), name + " missing from " + arrays.keySet());
        }
        int steps = arrays.get("logits").shape()[0];
        assertArrayEquals(new int[] {steps, 3, 512}, arrays.get("0.u_pre").shape());
        assertArrayEquals(new int[] {steps, 3, 256}, arrays.get("1.spikes").shape());
        assertArrayEquals(new int[] {steps, 3, 10}, arrays.get("logits").shape());
        assertArrayEquals(new int[] {3}, arrays.get("labels").shape());
        assertEquals(0, arrays.get("v_th").ndim());
        double vth = arrays.get("v_th").toDoubleArray()[0];
        float[] uHat = arrays.get("1.u_hat").toFloatArray();
        int[] spikes = arrays.get("1.spikes").toIntArray();
        int fired = 0;
        for (int i = 0; i < uHat.length; i++) {
            assertEquals(uHat[i] > vth ? 1 : 0, spikes[i]);
            fired += spikes[i];
        }
        assertTrue(fired > 0, "a trained model fires");

        Path folded = dir.resolve("folded.npz");
        CommandLineTest.Result f = CommandLineTest.run("record", "--model", MODEL, "--samples", "0,5,9", "--limit",
                "200", "--folded", "--out", folded.toString());
        assertEquals(0, f.code(), f.err());
        Map<String, NpyArray> foldedArrays = NpzFile.read(folded);
        assertFalse(foldedArrays.containsKey("0.u_hat"), "a folded layer compares u_pre itself");
        assertEquals(arrays.get("1.spikes"), foldedArrays.get("1.spikes"));
        assertEquals(arrays.get("1.folded_threshold"), foldedArrays.get("1.threshold"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--samples 0,x,9 | --samples must be test-set indices separated by commas",
            "--samples -1 | sample indices start at 0",
            "--samples 0,100000 | sample 100000 does not exist",
            "--samples 0 --folded --deploy | choose --folded or --deploy, not both"})
    void badInputGetsOneLineThatSaysWhatToDo(String options, String message) {
        Path out = dir.resolve("bad.npz");
        String[] extra = options.trim().split(" +");
        String[] args = new String[extra.length + 7];
        String[] base = {"record", "--model", MODEL, "--limit", "200", "--out", out.toString()};
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CommandLineTest.Result r = CommandLineTest.run(args);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(message.trim()), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out), "nothing is written on bad input");
    }

    @Test
    void aMissingFolderIsNamed() {
        CommandLineTest.Result r = CommandLineTest.run("record", "--model", MODEL, "--samples", "0", "--out",
                dir.resolve("no/such/folder/rec.npz").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("does not exist"), r.err());
    }
}
