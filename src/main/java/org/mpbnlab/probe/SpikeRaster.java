package org.mpbnlab.probe;

import org.mpbnlab.snn.ArrayValues;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The spikes of the first few samples of a batch, one bit per neuron, step and sample: bit
 * {@code (t·samples + b)·neurons + n}. A conv layer of 32×28×28 neurons at T = 8 and 8 samples takes
 * 8·8·25 088 bits = 196 KiB.
 */
public final class SpikeRaster {

    private final int timeSteps;
    private final int samples;
    private final int neurons;
    private final long[] bits;

    private SpikeRaster(int timeSteps, int samples, int neurons, long[] bits) {
        this.timeSteps = timeSteps;
        this.samples = samples;
        this.neurons = neurons;
        this.bits = bits;
    }

    /**
     * Packs spikes {@code [T·B, neurons]} (values 0 or 1) of samples {@code 0..samples−1} into bits.
     */
    public static SpikeRaster of(INDArray spikes, int timeSteps, int batchSize, int neurons, int samples) {
        if (samples > batchSize) {
            throw new IllegalArgumentException("cannot keep " + samples + " samples of a batch of " + batchSize);
        }
        long total = (long) timeSteps * samples * neurons;
        long[] bits = new long[(int) ((total + 63) / 64)];
        double[] row = new double[neurons];
        for (int t = 0; t < timeSteps; t++) {
            for (int b = 0; b < samples; b++) {
                ArrayValues.read(spikes, (t * batchSize + b) * neurons, row);
                long target = (long) (t * samples + b) * neurons;
                for (int n = 0; n < neurons; n++) {
                    if (row[n] > 0.5) {
                        long bit = target + n;
                        bits[(int) (bit >>> 6)] |= 1L << (bit & 63);
                    }
                }
            }
        }
        return new SpikeRaster(timeSteps, samples, neurons, bits);
    }

    /** True if neuron {@code n} of sample {@code b} spiked at step {@code t}. */
    public boolean spiked(int t, int b, int n) {
        long bit = (long) (t * samples + b) * neurons + n;
        return (bits[(int) (bit >>> 6)] & (1L << (bit & 63))) != 0;
    }

    /** Number of spikes of sample {@code b} at step {@code t} over all neurons. */
    public int spikeCount(int t, int b) {
        int count = 0;
        for (int n = 0; n < neurons; n++) {
            if (spiked(t, b, n)) {
                count++;
            }
        }
        return count;
    }

    public int timeSteps() {
        return timeSteps;
    }

    public int samples() {
        return samples;
    }

    public int neurons() {
        return neurons;
    }

    /** Bytes held, {@code ⌈T·samples·neurons / 64⌉ · 8}. */
    public long bytes() {
        return 8L * bits.length + 32;
    }
}
