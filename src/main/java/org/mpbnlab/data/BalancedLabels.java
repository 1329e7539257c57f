package org.mpbnlab.data;

import java.util.SplittableRandom;

/** Labels for generated sets: every class equally often (±1), in shuffled order. */
final class BalancedLabels {

    private BalancedLabels() {
    }

    /** {@code count} labels, label {@code i mod classes} before a Fisher–Yates shuffle. */
    static int[] shuffled(int count, int classes, SplittableRandom rng) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swap = labels[i];
            labels[i] = labels[j];
            labels[j] = swap;
        }
        return labels;
    }

    /** A seed for sample {@code index} of a stream, independent of how samples are split over threads. */
    static long sampleSeed(long streamSeed, int index) {
        long z = streamSeed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
