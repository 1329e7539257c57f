package org.mpbnlab.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Splits the sample indices {@code 0 … count−1} into shuffled mini-batches, a new order every epoch.
 * The order depends only on the seed and the epoch number, so epoch 7 of a resumed run is the same
 * as epoch 7 of the original run.
 */
public final class BatchSampler {

    private final int count;
    private final int batchSize;
    private final boolean dropLast;
    private final long seed;

    /**
     * @param count     number of samples
     * @param batchSize samples per batch, {@code ≥ 1}
     * @param dropLast  true to drop the last batch when it is smaller than {@code batchSize}
     * @param seed      seed of the shuffles
     */
    public BatchSampler(int count, int batchSize, boolean dropLast, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("sample count must be ≥ 0, got " + count);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be ≥ 1, got " + batchSize);
        }
        this.count = count;
        this.batchSize = batchSize;
        this.dropLast = dropLast;
        this.seed = seed;
    }

    /** Number of batches of each epoch: ⌊count / B⌋ when dropping the last, else ⌈count / B⌉. */
    public int batchesPerEpoch() {
        return dropLast ? count / batchSize : (count + batchSize - 1) / batchSize;
    }

    /** The batches of epoch {@code epoch}: disjoint index arrays, every one of length B but maybe the last. */
    public int[][] epoch(int epoch) {
        int[] order = permutation(epoch);
        int[][] batches = new int[batchesPerEpoch()][];
        for (int i = 0; i < batches.length; i++) {
            int from = i * batchSize;
            batches[i] = Arrays.copyOfRange(order, from, Math.min(count, from + batchSize));
        }
        return batches;
    }

    /** A Fisher–Yates shuffle of {@code 0 … count−1} seeded by (seed, epoch). */
    private int[] permutation(int epoch) {
        SplittableRandom rng = new SplittableRandom(BalancedLabels.sampleSeed(seed, epoch));
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
