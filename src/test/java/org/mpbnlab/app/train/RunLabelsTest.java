package org.mpbnlab.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpbnlab.session.RunSettings;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.RunningStatsMode;
import org.mpbnlab.snn.Surrogate;

class RunLabelsTest {

    private static RunSettings run(MpbnMode mode, double lr) {
        return new RunSettings("glyphs", "mlp", 4, 0.25, 0.5, mode, RunningStatsMode.SHARED, Surrogate.TANH, "sgd", lr,
                32, 5, 1);
    }

    @Test
    void eachRunIsNamedByTheSettingsThatDiffer() {
        List<RunSettings> runs = List.of(run(MpbnMode.OFF, 0.1), run(MpbnMode.CHANNEL, 0.1),
                run(MpbnMode.ELEMENT, 0.05));
        assertEquals(List.of("#1 MPBN off · lr 0.1", "#2 MPBN channel · lr 0.1", "#4 MPBN element · lr 0.05"),
                RunLabels.legend(List.of(1, 2, 4), runs));
        assertEquals("glyphs · mlp · shared stats · T4 · τ 0.25 · V_th 0.5 · tanh surrogate · sgd · B32 · 5 epochs"
                + " · seed 1 · random init", RunLabels.common(runs));
    }

    @Test
    void oneEpochIsWrittenInTheSingular() {
        RunSettings one = new RunSettings("glyphs", "mlp", 4, 0.25, 0.5, MpbnMode.CHANNEL, RunningStatsMode.SHARED,
                Surrogate.TANH, "sgd", 0.1, 32, 1, 1);
        RunSettings two = new RunSettings("glyphs", "mlp", 4, 0.25, 0.5, MpbnMode.CHANNEL, RunningStatsMode.SHARED,
                Surrogate.TANH, "sgd", 0.1, 32, 2, 1);
        assertEquals(List.of("#1 1 epoch", "#2 2 epochs"), RunLabels.legend(List.of(1, 2), List.of(one, two)));
        assertTrue(RunLabels.common(List.of(one)).contains(" · 1 epoch · "), RunLabels.common(List.of(one)));
    }

    @Test
    void aSingleRunIsNamedByItsMpbnMode() {
        assertEquals(List.of("#1 MPBN channel"), RunLabels.legend(List.of(1), List.of(run(MpbnMode.CHANNEL, 0.1))));
    }
}
