package org.mpbnlab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PulseGapCausesTest {

    private static final long MS = 1_000_000L;

    private long ui;
    private long waiting;
    private long collector;
    private long renderer;
    private long rendererWaiting;

    private final PulseGapCauses causes = new PulseGapCauses(() -> ui, () -> waiting, () -> collector, () -> renderer,
            () -> rendererWaiting);

    @Test
    void aGapIsSplitIntoComputingWaitingForACoreCollectingAndSleeping() {
        causes.pulse(0);
        ui += 30 * MS;
        waiting += 25 * MS;
        collector += 40;
        renderer += 20 * MS;
        rendererWaiting += 15 * MS;
        PulseGapCauses.Anatomy gap = causes.pulse(120 * MS);
        assertEquals(120.0, gap.gap(), 1e-9);
        assertEquals(30.0, gap.uiThread(), 1e-9);
        assertEquals(25.0, gap.waitingForCore(), 1e-9);
        assertEquals(40.0, gap.collector(), 1e-9);
        assertEquals(25.0, gap.sleeping(), 1e-9);
        assertEquals(20.0, gap.renderer(), 1e-9);
        assertEquals(15.0, gap.rendererWaitingForCore(), 1e-9);
    }

    @Test
    void onlyGapsOver50msAreAddedUp() {
        causes.pulse(0);
        ui += 10 * MS;
        causes.pulse(17 * MS);
        ui += 60 * MS;
        causes.pulse(70 * MS);
        collector += 50;
        causes.pulse(90 * MS);
        PulseGapCauses.Anatomy late = causes.lateTotals();
        assertEquals(160.0, late.gap(), 1e-9);
        assertEquals(60.0, late.uiThread(), 1e-9);
        assertEquals(50.0, late.collector(), 1e-9);
        assertEquals(50.0, late.sleeping(), 1e-9);
    }

    @Test
    void afterAPauseTheCountersStartAgain() {
        causes.pulse(0);
        causes.skipGap();
        ui += 500 * MS;
        PulseGapCauses.Anatomy first = causes.pulse(0);
        assertEquals(0.0, first.uiThread(), 1e-9);
        ui += 5 * MS;
        assertEquals(5.0, causes.pulse(16 * MS).uiThread(), 1e-9);
    }

    @Test
    void theLongestComputingBetweenTwoPulsesIsKeptWhateverTheGap() {
        causes.pulse(0);
        ui += 12 * MS;
        causes.pulse(17 * MS);
        ui += 22 * MS;
        causes.pulse(30 * MS);
        ui += 16 * MS;
        causes.pulse(70 * MS);
        ui += 3 * MS;
        causes.pulse(16 * MS);
        assertEquals(22.0, causes.longestComputing(), 1e-9);
        assertEquals(2, causes.longComputingGaps());
        causes.clear();
        assertEquals(0.0, causes.longestComputing(), 1e-9);
        assertEquals(0, causes.longComputingGaps());
    }
}
