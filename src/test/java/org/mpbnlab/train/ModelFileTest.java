package org.mpbnlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.fold.FoldMethod;
import org.mpbnlab.fold.ThresholdFolder;
import org.mpbnlab.io.ModelArchive;
import org.mpbnlab.io.ModelFileException;
import org.mpbnlab.io.NpyArray;
import org.mpbnlab.snn.ArrayValues;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.SettingsTable;
import org.mpbnlab.snn.Network;

/** Saving and loading networks: round trips, and clear errors for files that do not describe a network. */
class ModelFileTest {

    @TempDir
    Path dir;

    private Network trained() {
        Dataset data = TrainingTest.glyphs(256, 64);
        TrainingRun run = RunFactory.create(TrainingTest.settings("glyphs", "mlp", MpbnMode.ELEMENT, 1, 1e-3, 3), data);
        run.trainer().trainBatch();
        return run.network();
    }

    @Test
    void aSavedModelLoadsWithIdenticalArraysSpecAndInfo() throws Exception {
        Network network = trained();
        Path file = dir.resolve("m.zip");
        ModelInfo info = new ModelInfo("glyphs", "direct", 3, null, java.util.List.of(
                new EpochMetrics(1, 0.5, 0.8, 0.6, 0.75, 1000)), "test");
        ModelFile.save(file, network, info);
        SavedModel loaded = ModelFile.load(file);
        assertEquals(network.spec().layers(), loaded.network().spec().layers());
        assertEquals(info, loaded.info());
        network.state().forEach((name, array) -> assertArrayEquals(ArrayValues.read(array),
                ArrayValues.read(loaded.network().state().get(name)), 0.0, name));
    }

    @Test
    void everySettingARunWasTrainedWithIsStoredAndRestored() throws Exception {
        RunSettings settings = TrainingTest.settings("glyphs", "mlp", MpbnMode.ELEMENT, 1, 1e-3, 3)
                .with(SettingsTable.DETACH_RESET, true).with(SettingsTable.SURROGATE, "arctan")
                .with(SettingsTable.OPTIMIZER, "sgd").with(SettingsTable.SCHEDULE, "constant")
                .with(SettingsTable.MPBN_STATS, "per-step").with(SettingsTable.ENCODER, "rate")
                .with(SettingsTable.TRAIN_SAMPLES, 256).with(SettingsTable.TEST_SAMPLES, 64)
                .with(SettingsTable.DATA_SEED, 5L);
        TrainingRun run = RunFactory.create(settings, TrainingTest.glyphs(256, 64));
        run.trainer().trainBatch();
        Path file = dir.resolve("settings.zip");
        ModelFile.save(file, run.network(), run.info());
        ModelInfo loaded = ModelFile.load(file).info();
        assertEquals(settings, loaded.settings());
        assertEquals(5e-4, loaded.settings().get(SettingsTable.WEIGHT_DECAY));
        ObjectNode stored = (ObjectNode) ModelArchive.read(file).json().get("info").get("settings");
        assertEquals(SettingsTable.all().size(), stored.size(), "every setting is written, defaults too");
        assertEquals(5e-4, stored.get("weight-decay").asDouble(), "a derived default is stored as the value it had");
        assertTrue(stored.get("detach-reset").isBoolean());
        assertTrue(stored.get("timesteps").isIntegralNumber());
    }

    @Test
    void aFoldedModelRoundTripsToo() throws Exception {
        Network folded = ThresholdFolder.fold(trained(), FoldMethod.EXACT).network();
        Path file = dir.resolve("f.zip");
        ModelFile.save(file, folded, new ModelInfo("glyphs", "direct", 0, null, null, "folded"));
        assertTrue(ModelFile.load(file).network().isFolded());
    }

    @Test
    void missingWrongShapedOrNonFiniteArraysAreRefusedWithTheArrayName() throws Exception {
        Network network = trained();
        Path good = dir.resolve("good.zip");
        ModelFile.save(good, network, new ModelInfo("glyphs", "direct", 0, null, null, ""));
        ModelArchive.Contents contents = ModelArchive.read(good);
        String first = contents.arrays().keySet().iterator().next();

        Map<String, NpyArray> missing = new LinkedHashMap<>(contents.arrays());
        missing.remove(first);
        assertRefused(contents.json(), missing, "'" + first + "' is missing");

        Map<String, NpyArray> wrongShape = new LinkedHashMap<>(contents.arrays());
        wrongShape.put(first, NpyArray.ofFloat(new int[] {2}, new float[] {1, 2}));
        assertRefused(contents.json(), wrongShape, "has shape [2]");

        Map<String, NpyArray> nan = new LinkedHashMap<>(contents.arrays());
        NpyArray original = contents.arrays().get(first);
        float[] values = original.toFloatArray();
        values[0] = Float.NaN;
        nan.put(first, NpyArray.ofFloat(original.shape(), values));
        assertRefused(contents.json(), nan, "NaN");
    }

    @Test
    void anAbsurdNetworkDescriptionIsRefusedBeforeAnythingIsAllocated() throws Exception {
        Network network = trained();
        Path good = dir.resolve("good.zip");
        ModelFile.save(good, network, new ModelInfo("glyphs", "direct", 0, null, null, ""));
        ModelArchive.Contents contents = ModelArchive.read(good);
        ObjectNode json = contents.json().deepCopy();
        ((ObjectNode) json.get("network").get("layers").get(1)).put("outputs", 2_000_000_000);
        assertRefused(json, contents.arrays(), "layer 1 (dense) would output 2000000000 values per sample and step, more than the 4000000 allowed");
        ObjectNode noNetwork = contents.json().deepCopy();
        noNetwork.remove("network");
        assertRefused(noNetwork, contents.arrays(), "model.json: the top level has no field \"network\", which is required");
    }

    @Test
    void aForeignFileIsNotAModel() throws Exception {
        Path text = dir.resolve("notes.zip");
        Files.writeString(text, "hello");
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(text));
        assertTrue(e.getMessage().startsWith("Cannot load model file 'notes.zip'"), e.getMessage());
    }

    private void assertRefused(ObjectNode json, Map<String, NpyArray> arrays, String expected) throws Exception {
        Path bad = dir.resolve("bad.zip");
        ObjectNode manifest = json.deepCopy();
        manifest.remove("arrays");
        ModelArchive.write(bad, manifest, arrays);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(bad));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }
}
