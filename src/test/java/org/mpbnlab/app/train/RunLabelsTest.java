package org.mpbnlab.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.SettingsTable;

class RunLabelsTest {

    private static RunPlan run(MpbnMode mode, double lr) {
        return RunPlan.fromRandomWeights(RunSettings.defaults().with(SettingsTable.MPBN, mode.id())
                .with(SettingsTable.OPTIMIZER, "sgd").with(SettingsTable.LEARNING_RATE, lr)
                .with(SettingsTable.BATCH, 32).with(SettingsTable.EPOCHS, 5).with(SettingsTable.SEED, 1L));
    }

    @Test
    void eachRunIsNamedByTheSettingsThatDiffer() {
        List<RunPlan> runs = List.of(run(MpbnMode.OFF, 0.1), run(MpbnMode.CHANNEL, 0.1),
                run(MpbnMode.ELEMENT, 0.05));
        assertEquals(List.of("#1 MPBN off · lr 0.1", "#2 MPBN channel · lr 0.1", "#4 MPBN element · lr 0.05"),
                RunLabels.legend(List.of(1, 2, 4), runs));
        assertEquals("glyphs · mlp · T4 · τ 0.25 · V_th 0.5 · shared stats · 5 epochs · B32 · sgd · seed 1"
                + " · random init", RunLabels.common(runs));
    }

    @Test
    void oneEpochIsSingularAndSettingsAwayFromTheirDefaultAreNamed() {
        RunPlan run = RunPlan.fromRandomWeights(RunSettings.defaults().with(SettingsTable.DETACH_RESET, true));
        String common = RunLabels.common(List.of(run));
        assertTrue(common.contains("1 epoch ·"), common);
        assertTrue(common.contains("detached reset"), common);
        assertFalse(common.contains("surrogate"), "a default that lessons rarely change is left out: " + common);
        RunPlan subset = RunPlan.fromRandomWeights(run.settings().with(SettingsTable.TRAIN_SAMPLES, 6000));
        assertEquals(List.of("#1 all train samples", "#2 6000 train samples"),
                RunLabels.legend(List.of(1, 2), List.of(run, subset)));
    }

    @Test
    void oneEpochIsWrittenInTheSingular() {
        RunPlan one = run(MpbnMode.CHANNEL, 0.1);
        RunPlan two = RunPlan.fromRandomWeights(one.settings().with(SettingsTable.EPOCHS, 2));
        one = RunPlan.fromRandomWeights(one.settings().with(SettingsTable.EPOCHS, 1));
        assertEquals(List.of("#1 1 epoch", "#2 2 epochs"), RunLabels.legend(List.of(1, 2), List.of(one, two)));
        assertTrue(RunLabels.common(List.of(one)).contains(" · 1 epoch · "), RunLabels.common(List.of(one)));
    }

    @Test
    void aSingleRunIsNamedByItsMpbnMode() {
        assertEquals(List.of("#1 MPBN channel"), RunLabels.legend(List.of(1), List.of(run(MpbnMode.CHANNEL, 0.1))));
    }
}
