package org.mpbnlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpbnlab.io.NpyArray;
import org.mpbnlab.io.NpyDtype;
import org.mpbnlab.io.NpzArchive;

/** Training on one's own data from the command line, and predict's files. */
class OwnDataCommandTest {

    @TempDir
    Path dir;

    /** Two classes of 10×10 images: a bright left half or a bright right half, with noise. */
    private Path halves(int train, int test) throws Exception {
        SplittableRandom rng = new SplittableRandom(5);
        Path file = dir.resolve("halves.npz");
        NpzArchive.write(file, Map.of("x_train", images(train, rng), "y_train", labels(train),
                "x_test", images(test, rng), "y_test", labels(test)));
        return file;
    }

    private static NpyArray images(int count, SplittableRandom rng) {
        byte[] pixels = new byte[count * 100];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < 100; p++) {
                boolean bright = (p % 10 < 5) == (i % 2 == 0);
                pixels[i * 100 + p] = (byte) ((bright ? 150 : 0) + rng.nextInt(100));
            }
        }
        return NpyArray.ofUint8(new int[] {count, 10, 10}, pixels);
    }

    private static NpyArray labels(int count) {
        long[] labels = new long[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 2;
        }
        return NpyArray.ofLong(new int[] {count}, labels);
    }

    @Test
    void trainEvalAndPredictOnAnNpzOfOneSOwn() throws Exception {
        Path data = halves(256, 64);
        Path model = dir.resolve("m.zip");
        CommandLineTest.Result train = CommandLineTest.run("train", "--dataset", data.toString(), "--arch", "mlp",
                "--epochs", "2", "--out", model.toString(), "--json");
        assertEquals(0, train.code(), train.err());
        CommandLineTest.Result eval = CommandLineTest.run("eval", "--model", model.toString(), "--json");
        assertEquals(0, eval.code(), eval.err());
        double accuracy = Json.MAPPER.readTree(eval.lastLine()).get("testAccuracy").asDouble();
        assertTrue(accuracy > 0.9, eval.out());

        Path npz = dir.resolve("p.npz");
        CommandLineTest.Result predict = CommandLineTest.run("predict", "--model", model.toString(), "--out",
                npz.toString(), "--json");
        assertEquals(0, predict.code(), predict.err());
        Map<String, NpyArray> written = NpzArchive.read(npz);
        assertEquals(List.of("logits", "predictions", "labels"), List.copyOf(written.keySet()));
        assertArrayEquals(new int[] {64, 2}, written.get("logits").shape());
        // the dtypes docs/recording-format.md documents for predict (and record writes)
        assertEquals(NpyDtype.FLOAT32, written.get("logits").dtype());
        assertEquals(NpyDtype.INT32, written.get("predictions").dtype());
        assertEquals(NpyDtype.INT32, written.get("labels").dtype());
        assertArrayEquals(new int[] {64}, written.get("predictions").shape());
        assertArrayEquals(new int[] {64}, written.get("labels").shape());
        int[] predictions = written.get("predictions").toIntArray();
        int[] labels = written.get("labels").toIntArray();
        float[] logits = written.get("logits").toFloatArray();
        int correct = 0;
        for (int i = 0; i < 64; i++) {
            assertEquals(logits[2 * i + 1] > logits[2 * i] ? 1 : 0, predictions[i]);
            assertEquals(i % 2, labels[i]);
            correct += predictions[i] == labels[i] ? 1 : 0;
        }
        assertEquals(accuracy, correct / 64.0, 1e-12);

        Path csv = dir.resolve("p.csv");
        assertEquals(0, CommandLineTest.run("predict", "--model", model.toString(), "--out", csv.toString()).code());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("index,label,prediction,logit_0,logit_1", lines.get(0));
        String[] first = lines.get(1).split(",");
        assertEquals(logits[0], Float.parseFloat(first[3]), 0f);
        assertEquals(65, lines.size());

        JsonNode input = org.mpbnlab.io.ModelArchive.read(model).json().get("input");
        assertEquals("npz", input.get("origin").get("format").asText());
        assertEquals(255.0, input.get("rawDivisor").asDouble());
        assertEquals(data.toAbsolutePath().toString(), input.get("origin").get("location").asText());
    }

    @Test
    void aPresetThatCannotTakeTheInputSaysSo() throws Exception {
        Path data = halves(16, 4);
        CommandLineTest.Result r = CommandLineTest.run("train", "--dataset", data.toString(), "--arch", "conv-small");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("conv-small takes images [C, H, W] with H and W divisible by 4 and "
                + data + " has samples of shape [1, 10, 10]; with " + data + " use --arch mlp"),
                r.err());
        CommandLineTest.Result missing = CommandLineTest.run("train", "--dataset", dir.resolve("none.npz").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--dataset names no file or folder"), missing.err());
        CommandLineTest.Result badOut = CommandLineTest.run("predict", "--model", "m.zip", "--out", "p.txt");
        assertTrue(badOut.err().contains("--out must end in .npz or .csv"), badOut.err());
    }
}
