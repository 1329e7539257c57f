package org.mpbnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BatchSamplerTest {

    @Test
    void everySampleAppearsOnceWhenKeepingTheLastBatch() {
        int[][] batches = new BatchSampler(103, 10, false, 1).epoch(0);
        assertEquals(11, batches.length);
        assertEquals(3, batches[10].length);
        int[] all = Arrays.stream(batches).flatMapToInt(Arrays::stream).sorted().toArray();
        int[] expected = new int[103];
        Arrays.setAll(expected, i -> i);
        assertArrayEquals(expected, all);
    }

    @Test
    void dropsTheLastPartialBatchWhenAsked() {
        BatchSampler sampler = new BatchSampler(103, 10, true, 1);
        int[][] batches = sampler.epoch(0);
        assertEquals(10, batches.length);
        assertEquals(10, sampler.batchesPerEpoch());
        for (int[] batch : batches) {
            assertEquals(10, batch.length);
        }
    }

    @Test
    void sameSeedAndEpochGiveTheSameOrder() {
        assertArrayEquals(new BatchSampler(50, 8, false, 4).epoch(3), new BatchSampler(50, 8, false, 4).epoch(3));
    }

    @Test
    void epochsAndSeedsShuffleDifferently() {
        BatchSampler sampler = new BatchSampler(50, 50, false, 4);
        assertFalse(Arrays.equals(sampler.epoch(0)[0], sampler.epoch(1)[0]));
        assertFalse(Arrays.equals(sampler.epoch(0)[0], new BatchSampler(50, 50, false, 5).epoch(0)[0]));
    }

    @Test
    void rejectsZeroBatchSize() {
        assertThrows(IllegalArgumentException.class, () -> new BatchSampler(10, 0, false, 1));
    }
}
