package org.mpbnlab.train;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.io.FuzzInputs;
import org.mpbnlab.io.ModelArchive;
import org.mpbnlab.io.ModelFileException;
import org.mpbnlab.io.NpyFormat;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.SettingsTable;

/**
 * Fuzzing the model file reader (docs/fuzzing.md) from the archive down to the network: mutants of a
 * small saved model (raw bytes, its model.json's values replaced by odd ones, its arrays' bytes) are
 * either loaded or refused with a one-line message; never another exception.
 */
class ModelFileFuzzTest {

    private static String json;
    private static Map<String, byte[]> arrays;
    private static byte[] valid;

    @BeforeContainer
    static void saveASmallModel() throws Exception {
        Dataset data = org.mpbnlab.data.DatasetRegistry.standard().load("spirals",
                org.mpbnlab.data.DatasetOptions.defaults().withSizes(64, 64));
        RunSettings settings = RunSettings.defaults().with(SettingsTable.DATASET, "spirals")
                .with(SettingsTable.ARCH, "mlp-2d").with(SettingsTable.TIME_STEPS, 3)
                .with(SettingsTable.MPBN, MpbnMode.ELEMENT.id()).with(SettingsTable.MPBN_STATS, "per-step")
                .with(SettingsTable.BATCH, 32);
        TrainingRun run = RunFactory.create(settings, data);
        Path file = Files.createTempFile("fuzz-model", ".zip");
        ModelFile.save(file, run.network(), run.info());
        ModelArchive.Contents contents = ModelArchive.read(file);
        valid = Files.readAllBytes(file);
        Files.delete(file);
        json = contents.json().toPrettyString();
        arrays = new LinkedHashMap<>();
        contents.arrays().forEach((name, array) -> arrays.put(name + ".npy", NpyFormat.toBytes(array)));
    }

    private static byte[] withEntries(String modelJson, Map<String, byte[]> entries) {
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put("model.json", modelJson.getBytes(StandardCharsets.UTF_8));
        all.putAll(entries);
        return FuzzInputs.zip(all);
    }

    @Provide
    Arbitrary<byte[]> modelFiles() {
        Arbitrary<byte[]> raw = Arbitraries.randomValue(random -> FuzzInputs.mutate(valid, random));
        Arbitrary<byte[]> text = Arbitraries.randomValue(random -> withEntries(FuzzInputs.mutateText(json, random), arrays));
        Arbitrary<byte[]> jsonBytes = Arbitraries.randomValue(random -> withEntries(new String(
                FuzzInputs.mutate(json.getBytes(StandardCharsets.UTF_8), random), StandardCharsets.UTF_8), arrays));
        Arbitrary<byte[]> array = Arbitraries.randomValue(random -> {
            Map<String, byte[]> mutated = new LinkedHashMap<>(arrays);
            List<String> names = List.copyOf(arrays.keySet());
            String victim = names.get(random.nextInt(names.size()));
            mutated.put(victim, FuzzInputs.mutate(mutated.get(victim), random));
            return withEntries(json, mutated);
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, raw), net.jqwik.api.Tuple.of(4, text),
                net.jqwik.api.Tuple.of(1, jsonBytes), net.jqwik.api.Tuple.of(2, array));
    }

    /** The archive and the strict reading of model.json: everything before the network is built. */
    @Property(seed = "1404")
    void modelArchivesAreReadOrRefusedWithAMessage(@ForAll("modelFiles") byte[] bytes) {
        Path file = FuzzInputs.file("fuzz-model.zip", bytes);
        try {
            ModelFile.describe(ModelArchive.read(file).json(), "Cannot load model file 'fuzz-model.zip': ");
        } catch (ModelFileException e) {
            FuzzInputs.assertUserMessage(e);
        }
    }

    /** The whole load, network and arrays included (slower: a network is built for every description that passes). */
    @Property(tries = 150, seed = "1406")
    void modelFilesAreLoadedOrRefusedWithAMessage(@ForAll("modelFiles") byte[] bytes) {
        Path file = FuzzInputs.file("fuzz-model.zip", bytes);
        try {
            ModelFile.load(file);
        } catch (ModelFileException e) {
            FuzzInputs.assertUserMessage(e);
        }
    }
}
