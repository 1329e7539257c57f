package org.mpbnlab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        assertEquals(3, gaps.gaps());
    }

    @Test
    void aGapOfExactly50msIsNotLate() {
        PulseGapStatistics gaps = new PulseGapStatistics();
        gaps.pulse(0);
        gaps.pulse(50 * MS);
        gaps.pulse(100 * MS + 1);
        assertEquals(1, gaps.gapsOver50ms());
    }

    @Test
    void aPauseInMeasuringIsNotCountedAsAGap() {
        PulseGapStatistics gaps = new PulseGapStatistics();
        gaps.pulse(0);
        gaps.skipGap();
        assertEquals(0, gaps.pulse(5_000 * MS));
        assertEquals(16 * MS, gaps.pulse(5_016 * MS));
        assertEquals(16.0, gaps.longestGapMillis(), 1e-9);
        assertEquals(1, gaps.gaps());
    }

    @Test
    void thePercentileIsTheLeastWholeMillisecondCoveringThatShareOfGaps() {
        PulseGapStatistics gaps = new PulseGapStatistics();
        long t = 0;
        gaps.pulse(t);
        // 98 gaps of 16.4 ms, one of 40 ms, one of 75 ms: 100 gaps
        for (int i = 0; i < 98; i++) {
            t += 16_400_000L;
            gaps.pulse(t);
        }
        t += 40 * MS;
        gaps.pulse(t);
        t += 75 * MS;
        gaps.pulse(t);
        assertEquals(100, gaps.gaps());
        assertEquals(17.0, gaps.percentileMillis(50), 1e-9);
        assertEquals(17.0, gaps.percentileMillis(98), 1e-9);
        assertEquals(40.0, gaps.percentileMillis(99), 1e-9);
        assertEquals(75.0, gaps.percentileMillis(100), 1e-9);
    }

    @Test
    void gapsBeyondTheHistogramReadAsTheLongest() {
        PulseGapStatistics gaps = new PulseGapStatistics();
        gaps.pulse(0);
        gaps.pulse(3_500 * MS);
        assertEquals(3_500.0, gaps.percentileMillis(99), 1e-9);
    }

    @Test
    void clearingForgetsEverything() {
        PulseGapStatistics gaps = new PulseGapStatistics();
        gaps.pulse(0);
        gaps.pulse(300 * MS);
        gaps.clear();
        gaps.pulse(1_000 * MS);
        gaps.pulse(1_016 * MS);
        assertEquals(16.0, gaps.longestGapMillis(), 1e-9);
        assertEquals(0, gaps.gapsOver50ms());
        assertEquals(2, gaps.pulses());
        assertEquals(16.0, gaps.percentileMillis(99), 1e-9);
    }

    @Test
    void noGapNoPercentileAndNoNonsensePercent() {
        PulseGapStatistics gaps = new PulseGapStatistics();
        assertEquals(0.0, gaps.percentileMillis(99), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> gaps.percentileMillis(0));
        assertThrows(IllegalArgumentException.class, () -> gaps.percentileMillis(101));
    }
}
