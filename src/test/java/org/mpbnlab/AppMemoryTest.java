package org.mpbnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The app's heap from the computer's memory (docs/memory.md): H = clamp(3/8 · M, 1 GiB, 6 GiB), soft max 3/4 · H. */
class AppMemoryTest {

    private static final long GB = 1_000_000_000L;
    private static final long GIB = 1L << 30;

    @Test
    void aTeachersEightGigabyteLaptopGetsThreeGibibytesOfHeapAndZgcKeepsUnderTwoAndAQuarter() {
        assertEquals(List.of("-Xmx3072m", "-XX:SoftMaxHeapSize=2304m"), AppMemory.options(8 * GIB));
    }

    @Test
    void theHeapIsThreeEighthsOfTheMemoryBetweenOneAndSixGibibytes() {
        assertEquals(GIB, AppMemory.maximumHeap(2 * GIB), "a small computer still gets 1 GiB");
        assertEquals(1536L << 20, AppMemory.maximumHeap(4 * GIB));
        assertEquals(6 * GIB, AppMemory.maximumHeap(16 * GIB));
        assertEquals(6 * GIB, AppMemory.maximumHeap(23 * GB), "the default would be a quarter, 5.4 GiB; 6 at most");
        assertEquals(6 * GIB, AppMemory.maximumHeap(64 * GIB), "not more on a large machine: the app needs ~2.4 GB");
        assertEquals(0, AppMemory.maximumHeap(7_999_999_999L) % (1L << 20), "whole MiB");
        assertTrue(AppMemory.softMaximumHeap(7_999_999_999L) < AppMemory.maximumHeap(7_999_999_999L));
    }

    @Test
    void heapOptionsOnTheCommandLineAreKept() {
        assertEquals(List.of("-XX:+UseZGC", "-Xmx3072m", "-XX:SoftMaxHeapSize=2304m"),
                AppMemory.addedTo(List.of("-XX:+UseZGC"), 8 * GIB));
        for (String chosen : List.of("-Xmx5g", "-XX:MaxHeapSize=5g", "-XX:MaxRAMPercentage=50",
                "-XX:SoftMaxHeapSize=2g")) {
            assertEquals(List.of(chosen), AppMemory.addedTo(List.of(chosen), 8 * GIB), chosen);
        }
        assertFalse(AppMemory.chosenIn(List.of("-Xms512m", "-Xss4m", "-XX:+UseZGC")), "options that size no heap");
    }
}
