package org.mpbnlab.probe;

import java.util.List;

/**
 * One recording of a network run in evaluation mode on a few samples: every LIF layer neuron by neuron
 * ({@link LayerRecording}), the input it got, and the logits after each step. Immutable in use (the
 * arrays are not copied, and nobody writes them after the recorder made them); safe to hand to another
 * thread. The same object feeds the Spikes view and the {@code record} command's arrays.
 *
 * <p><b>Memory bound.</b> Per neuron, step and sample: x, u_pre, û (4 bytes each) and the spike (1 byte),
 * 13 bytes; per neuron and step the thresholds (8 + 1 bytes, twice for an MPBN layer). The largest preset,
 * conv-small, on the largest input (3×32×32: 32·32·32 + 64·16·16 = 49 152 neurons) at T = 16 for 16 samples:
 * 49 152·256·13 B = 164 MB, plus 49 152·16·18 B = 14 MB of thresholds and 3 MB of input: under
 * {@link #CONV_SMALL_T16_S16_BOUND} = 192 MiB. On 28×28 images it is 37 632 neurons, 140 MB.
 *
 * @param network      what ran, e.g. {@code "MPBN"}, {@code "folded"}, {@code "deployable"}
 * @param sampleIndices the test-set index of each sample (−1 for a drawn input)
 * @param labels       the label of each sample (−1 when unknown)
 * @param predictions  the class of the largest final logit, per sample
 * @param classes      number of classes
 * @param logits       the running average of the readout after each step, [T, samples, classes]: row t is
 *                     what the network would predict had it stopped after step t; the last row is its logits
 * @param input        the encoded input, [inputSteps, samples, ...inputShape]
 * @param inputSteps   1 for a static frame seen at every step, T for one frame per step
 * @param inputShape   per-step shape of one sample
 * @param tau          τ, the membrane's leak factor
 * @param threshold    V_th
 * @param layers       one per LIF layer, in network order
 */
public record Recording(String network, int timeSteps, int[] sampleIndices, int[] labels, int[] predictions,
                        int classes, float[] logits, float[] input, int inputSteps, int[] inputShape, double tau,
                        double threshold, List<LayerRecording> layers) {

    /** The bound stated above, in bytes. */
    public static final long CONV_SMALL_T16_S16_BOUND = 192L << 20;

    public Recording {
        sampleIndices = sampleIndices.clone();
        labels = labels.clone();
        predictions = predictions.clone();
        inputShape = inputShape.clone();
        layers = List.copyOf(layers);
    }

    public int samples() {
        return sampleIndices.length;
    }

    @Override
    public int[] sampleIndices() {
        return sampleIndices.clone();
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public int[] predictions() {
        return predictions.clone();
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    /** The logit of class k for sample b after step t (the running average over steps 0..t). */
    public float logit(int t, int b, int k) {
        return logits[(t * samples() + b) * classes + k];
    }

    /** The class the running logits of sample b point to after step t (ties go to the lower class). */
    public int predictionAfter(int t, int b) {
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (logit(t, b, k) > logit(t, b, best)) {
                best = k;
            }
        }
        return best;
    }

    /** The input sample b received at step t (a static frame is the same at every step), flat. */
    public float[] inputAt(int t, int b) {
        int size = 1;
        for (int d : inputShape) {
            size *= d;
        }
        int step = inputSteps == 1 ? 0 : t;
        float[] frame = new float[size];
        System.arraycopy(input, (step * samples() + b) * size, frame, 0, size);
        return frame;
    }

    /** Bytes held by all arrays. */
    public long bytes() {
        long total = 256 + 4L * logits.length + 4L * input.length + 12L * samples();
        for (LayerRecording layer : layers) {
            total += layer.bytes();
        }
        return total;
    }
}
