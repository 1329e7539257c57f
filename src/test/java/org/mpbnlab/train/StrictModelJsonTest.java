package org.mpbnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.io.ModelArchive;
import org.mpbnlab.io.ModelFileException;
import org.mpbnlab.snn.MpbnMode;

/**
 * model.json is read strictly: whole numbers must be whole, required fields present, unknown fields
 * named, and every message speaks of the file's fields, never of our classes or a library's.
 */
class StrictModelJsonTest {

    @TempDir
    Path dir;

    private ModelArchive.Contents saved;

    @BeforeEach
    void saveAModel() throws Exception {
        Dataset data = TrainingTest.glyphs(128, 64);
        TrainingRun run = RunFactory.create(TrainingTest.settings("glyphs", "mlp", MpbnMode.CHANNEL, 1, 1e-3, 3), data);
        Path file = dir.resolve("good.zip");
        ModelFile.save(file, run.network(), run.info());
        saved = ModelArchive.read(file);
    }

    private String refusal(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode json = saved.json().deepCopy();
        edit.accept(json);
        json.remove("arrays");
        Path bad = dir.resolve("bad.zip");
        ModelArchive.write(bad, json, saved.arrays());
        String message = assertThrows(ModelFileException.class, () -> ModelFile.load(bad)).getMessage();
        assertFalse(message.contains("\n"), message);
        for (String internal : new String[] {"org.mpbnlab", "com.fasterxml", "Cannot construct", "Cannot map",
                "Exception", "instance of", "NetworkSpec", "LayerSpec"}) {
            assertFalse(message.contains(internal), "'" + internal + "' leaks into: " + message);
        }
        assertTrue(message.startsWith("Cannot load model file 'bad.zip': model.json: ")
                || message.startsWith("Cannot load model file 'bad.zip': the network"), message);
        assertTrue(message.endsWith("or save the model again with MPBN Lab."), message);
        return message;
    }

    private static ObjectNode network(ObjectNode json) {
        return (ObjectNode) json.get("network");
    }

    private static ObjectNode layer(ObjectNode json, int index) {
        return (ObjectNode) network(json).get("layers").get(index);
    }

    @Test
    void wholeNumbersMustBeWhole() throws Exception {
        assertTrue(refusal(j -> network(j).put("timeSteps", 4.9))
                .contains("network.timeSteps must be a whole number, got 4.9"));
        assertTrue(refusal(j -> network(j).put("timeSteps", "4"))
                .contains("network.timeSteps must be a whole number, got the text \"4\""));
        assertTrue(refusal(j -> layer(j, 1).put("outputs", 512.7))
                .contains("network.layers[1].outputs must be a whole number, got 512.7"));
        assertTrue(refusal(j -> ((ArrayNode) network(j).get("inputShape")).set(1, 28.5))
                .contains("network.inputShape[1] must be a whole number, got 28.5"));
    }

    @Test
    void aWholeNumberWrittenWithADecimalPointIsTheSameNumber() throws Exception {
        ObjectNode json = saved.json().deepCopy();
        network(json).put("timeSteps", 3.0);
        json.remove("arrays");
        Path file = dir.resolve("decimal.zip");
        ModelArchive.write(file, json, saved.arrays());
        assertEquals(3, ModelFile.load(file).network().spec().timeSteps());
    }

    @Test
    void nullsAndMissingFieldsSayWhichFieldAndWhatItNeeds() throws Exception {
        assertTrue(refusal(j -> ((ObjectNode) layer(j, 3).get("lif")).putNull("tau"))
                .contains("network.layers[3].lif.tau must have a value, got null"));
        assertTrue(refusal(j -> network(j).remove("classes"))
                .contains("network has no field \"classes\", which is required"));
        assertTrue(refusal(j -> ((ObjectNode) layer(j, 3).get("mpbn")).put("mode", "batch"))
                .contains("network.layers[3].mpbn.mode must be one of off, channel, element, got \"batch\""));
        assertTrue(refusal(j -> layer(j, 0).put("type", "dropout")).contains("network.layers[0].type must be one of"));
        assertTrue(refusal(j -> network(j).putObject("preset")).contains("network.preset must be a text in quotes"));
        assertTrue(refusal(j -> ((ObjectNode) layer(j, 3).get("lif")).put("tau", 2.5))
                .contains("network.layers[3].lif.tau must be between 0 and 1, got 2.5"));
        assertTrue(refusal(j -> ((ObjectNode) j.get("info").get("settings")).put("lr", -1))
                .contains("info.settings.lr must be a number above 0 and at most 10, got -1"));
        assertTrue(refusal(j -> ((ObjectNode) j.get("info").get("settings")).put("timestep", 4))
                .contains("info.settings has an unknown field \"timestep\""));
    }

    @Test
    void unknownFieldsAreNamed() throws Exception {
        assertTrue(refusal(j -> layer(j, 1).put("outptus", 12))
                .contains("network.layers[1] has an unknown field \"outptus\" (known fields: bias, outputs, type)"));
        assertTrue(refusal(j -> j.put("comment", "mine")).contains("the top level has an unknown field \"comment\""));
        assertTrue(refusal(j -> ((ObjectNode) j.get("input")).put("colour", true))
                .contains("input has an unknown field \"colour\""));
    }

    @Test
    void aNetworkTooLargeToBuildSaysWhatIsTooLarge() throws Exception {
        assertTrue(refusal(j -> layer(j, 1).put("outputs", 2_000_000_000))
                .contains("layer 1 (dense) would output 2000000000 values per sample and step, more than the 4000000"));
        assertTrue(refusal(j -> layer(j, 1).put("outputs", 100_000))
                .contains("up to layer 1 (dense) the network would hold 78500000 parameters and statistics, more than "
                        + "the 64000000 allowed"));
        assertTrue(refusal(j -> network(j).put("timeSteps", 5000))
                .contains("network.timeSteps must be a whole number from 1 to 1024, got 5000"));
    }

    @Test
    void theInputDescriptionRoundTrips() throws Exception {
        Path file = dir.resolve("again.zip");
        ObjectNode json = saved.json().deepCopy();
        json.remove("arrays");
        ModelArchive.write(file, json, saved.arrays());
        ModelInfo info = ModelFile.load(file).info();
        assertEquals("glyphs", info.input().dataset());
        assertEquals("direct", info.input().encoder());
        assertEquals(4, info.input().timeSteps());
        assertEquals(1, info.input().mean().length);
    }
}
