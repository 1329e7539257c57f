package org.mpbnlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.RunningStatsMode;
import org.mpbnlab.snn.Surrogate;

class RunSettingsTest {

    private static RunSettings with(int steps, double tau, double threshold, double lr, int batch) {
        return new RunSettings("xor", "mlp-2d", steps, tau, threshold, MpbnMode.CHANNEL, RunningStatsMode.SHARED,
                Surrogate.TANH, "sgd", lr, batch, 1, 0);
    }

    @Test
    void refusesImpossibleValuesWithAMessageNamingThem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> with(0, 0.25, 0.5, 0.1, 8))
                .getMessage().startsWith("T must be between 1 and 16"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> with(4, 1.5, 0.5, 0.1, 8))
                .getMessage().startsWith("τ must be between 0 and 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> with(4, 0.25, -1, 0.1, 8))
                .getMessage().startsWith("V_th must be a positive number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> with(4, 0.25, 0.5, 0, 8))
                .getMessage().startsWith("learning rate must be above 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> with(4, 0.25, 0.5, 0.1, 1))
                .getMessage().startsWith("batch size must be at least 2"));
    }

    @Test
    void theLabelNamesTheSettingsThatDefineARun() {
        assertEquals("mlp-2d · MPBN channel · T4 · τ 0.25 · V_th 0.5 · sgd 0.1 · B8 · seed 0",
                with(4, 0.25, 0.5, 0.1, 8).label());
    }

    @Test
    void theDefaultsAreValidAndUseMpbnPerChannel() {
        RunSettings defaults = RunSettings.defaults();
        assertEquals(MpbnMode.CHANNEL, defaults.mpbnMode());
        assertEquals(0.5, defaults.lifParameters().threshold());
    }
}
