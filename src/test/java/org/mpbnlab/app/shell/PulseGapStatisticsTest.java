package org.mpbnlab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PulseGapStatisticsTest {

    private static final long MS = 1_000_000L;

    @Test
    void theLongestGapBetweenPulsesIsKeptAndLateOnesCounted() {
        PulseGapStatistics gaps = new PulseGapStatistics();
        assertEquals(0, gaps.pulse(0));
        assertEquals(16 * MS, gaps.pulse(16 * MS));
        assertEquals(64 * MS, gaps.pulse(80 * MS));
        gaps.pulse(96 * MS);
        assertEquals(64.0, gaps.longestGapMillis(), 1e-9);
        assertEquals(1, gaps.gapsOver50ms());
        assertEquals(4, gaps.pulses());
    }

    @Test
    void aPauseInMeasuringIsNotCountedAsAGap() {
        PulseGapStatistics gaps = new PulseGapStatistics();
        gaps.pulse(0);
        gaps.skipGap();
        assertEquals(0, gaps.pulse(5_000 * MS));
        assertEquals(16 * MS, gaps.pulse(5_016 * MS));
        assertEquals(16.0, gaps.longestGapMillis(), 1e-9);
    }
}
