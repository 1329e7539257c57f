package org.mpbnlab.train.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.DatasetInfo;
import org.mpbnlab.data.DatasetOptions;
import org.mpbnlab.data.DatasetRegistry;
import org.mpbnlab.snn.Presets;
import org.mpbnlab.train.RunFactory;

class SettingsTableTest {

    @Test
    void everySettingHasAUniqueNameAValidDefaultAndHelp() {
        Set<String> names = new HashSet<>();
        for (Setting<?> setting : SettingsTable.all()) {
            assertTrue(names.add(setting.name()), "duplicate " + setting);
            assertTrue(setting.name().matches("[a-z][a-z-]*"), setting.name());
            assertFalse(setting.help().isBlank(), setting.name());
            Object value = RunSettings.defaults().get(setting);
            assertEquals(value, setting.parse(setting.format(value)), "the default reads back: " + setting);
        }
    }

    @Test
    void theWholeTableRoundTripsThroughNamesAndValues() {
        RunSettings settings = RunSettings.defaults().with(SettingsTable.TIME_STEPS, 8)
                .with(SettingsTable.DETACH_RESET, true).with(SettingsTable.LEARNING_RATE, 3e-2)
                .with(SettingsTable.SEED, 123456789012L);
        Map<String, Object> values = settings.values();
        assertEquals(SettingsTable.all().size(), values.size());
        assertEquals(settings, RunSettings.fromValues(values));
        Map<String, Object> asText = new LinkedHashMap<>();
        values.forEach((name, value) -> asText.put(name, String.valueOf(value)));
        assertEquals(settings, RunSettings.fromValues(asText), "text, as a lesson file might hold it, reads back too");
    }

    @Test
    void weightDecayDefaultsByOptimiserUnlessGiven() {
        RunSettings adam = RunSettings.defaults();
        assertEquals(0.0, adam.get(SettingsTable.WEIGHT_DECAY));
        RunSettings sgd = adam.with(SettingsTable.OPTIMIZER, "sgd");
        assertEquals(SettingsTable.SGD_WEIGHT_DECAY, sgd.get(SettingsTable.WEIGHT_DECAY));
        assertFalse(sgd.isGiven(SettingsTable.WEIGHT_DECAY));
        assertEquals(1e-3, sgd.with(SettingsTable.WEIGHT_DECAY, 1e-3).training().weightDecay());
        assertEquals(sgd, sgd.with(SettingsTable.WEIGHT_DECAY, 5e-4), "equal when every value is equal");
    }

    @Test
    void refusedValuesAndUnknownSettingsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunSettings.fromValues(Map.of("timesteps", 64)));
        assertEquals("timesteps must be a whole number from 1 to 16, got 64", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RunSettings.fromValues(Map.of("timestep", 4)));
        assertEquals("unknown setting 'timestep'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RunSettings.defaults().with(SettingsTable.SEED, -1L));
        assertEquals("must be a whole number ≥ 0, got -1", e.getMessage());
    }

    @Test
    void theDifferencesListTheChangedSettingsInTableOrder() {
        RunSettings a = RunSettings.defaults();
        RunSettings b = a.with(SettingsTable.SEED, 4L).with(SettingsTable.TIME_STEPS, 8);
        assertEquals(java.util.List.of(SettingsTable.TIME_STEPS, SettingsTable.SEED), a.differences(b));
    }

    /** Issue 11, defect 9: a combination is refused exactly when the preset cannot be built for the data's input. */
    @Test
    void aPresetIsRefusedForADataSetExactlyWhenItCannotTakeItsInput() {
        DatasetRegistry registry = DatasetRegistry.standard();
        for (String dataset : registry.names()) {
            DatasetInfo info = registry.info(dataset, DatasetOptions.defaults());
            for (String preset : Presets.NAMES) {
                RunSettings settings = RunSettings.defaults().with(SettingsTable.DATASET, dataset)
                        .with(SettingsTable.ARCH, preset).with(SettingsTable.BATCH, 2);
                Optional<String> problem = RunFactory.problem(settings, info, SettingNames.COMMAND_LINE);
                boolean builds;
                try {
                    Presets.build(preset, RunFactory.frameShape(info), info.classes(), 4, settings.lif(),
                            settings.mpbn());
                    builds = true;
                } catch (IllegalArgumentException e) {
                    builds = false;
                }
                assertEquals(builds, problem.isEmpty(), dataset + " × " + preset + ": " + problem);
            }
        }
        assertTrue(RunFactory.problem(RunSettings.defaults().with(SettingsTable.ARCH, "mlp-2d"),
                registry.info("glyphs", DatasetOptions.defaults()), SettingNames.COMMAND_LINE).isPresent());
    }

    @Test
    void zeroSamplesMeansTheWholeSplitAndNTheFirstN() {
        DatasetRegistry registry = DatasetRegistry.standard();
        RunSettings all = RunSettings.defaults().with(SettingsTable.DATASET, "xor");
        Dataset full = RunFactory.loadData(all, registry, DatasetOptions.defaults());
        assertEquals(2000, full.train().count());
        assertEquals(1000, full.test().count());
        Dataset part = RunFactory.loadData(all.with(SettingsTable.TRAIN_SAMPLES, 300), registry,
                DatasetOptions.defaults());
        assertEquals(300, part.train().count());
        assertEquals(1000, part.test().count());
        assertEquals(full.train().label(299), part.train().label(299), "the first samples of the same data");
    }
}
