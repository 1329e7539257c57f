package org.mpbnlab.probe;

/**
 * Everything one LIF layer computed for the recorded samples, neuron by neuron and step by step, as the
 * engine computed it (float32 values copied out of its buffers, nothing recomputed). Element
 * {@code (t, b, n)} of an array {@code [T, samples, neurons]} is at {@code (t·samples + b)·neurons + n},
 * the engine's own time-major order. The layer's rule (see {@code LifNeurons}):
 * <pre>
 *   u_pre[t] = τ·u[t−1] + x[t]              u[−1] = 0
 *   û[t]     = MPBN(u_pre[t])                only when MPBN is on
 *   s[t]     = [d·v[t] &gt; d·threshold[t]]   v = û with MPBN, else u_pre; d = direction = ±1
 *   s[t]     = [threshold[t] &lt; 0]          d = 0: a folded group with γ = 0 is constant (Ṽ = −1 always fires, +1 never)
 *   u[t]     = u_pre[t]·(1 − s[t])           hard reset of the raw membrane
 * </pre>
 *
 * @param index            position among the network's LIF layers, 0-based (the same in MPBN, folded and
 *                         deployable networks)
 * @param description      e.g. {@code "LIF 1 · 32×28×28 conv"}
 * @param shape            per-sample neuron shape, [F] or [C, H, W]
 * @param timeSteps        T
 * @param samples          recorded samples
 * @param x                input current, [T, samples, neurons]
 * @param uPre             membrane after charging, before MPBN and reset
 * @param uHat             û after MPBN, or null when the layer compares u_pre itself
 * @param spikes           0 or 1
 * @param threshold        what the compared value is compared with, [T, neurons]: V_th for MPBN and plain
 *                         layers, the folded Ṽ of the neuron's group for folded layers
 * @param direction        +1 (fires above), −1 (fires below, γ &lt; 0 folded) or 0 (constant, γ = 0 folded),
 *                         [T, neurons]
 * @param foldedThreshold  for an MPBN layer, the exact folded threshold Ṽ of the neuron's group, [T, neurons]
 *                         (u_pre crosses it exactly when û crosses V_th); null otherwise
 * @param foldedDirection  the direction that goes with {@code foldedThreshold}, or null
 */
public record LayerRecording(int index, String description, int[] shape, int timeSteps, int samples, float[] x,
                             float[] uPre, float[] uHat, byte[] spikes, double[] threshold, byte[] direction,
                             double[] foldedThreshold, byte[] foldedDirection) {

    public LayerRecording {
        shape = shape.clone();
        int cells = timeSteps * samples * neurons(shape);
        int perStep = timeSteps * neurons(shape);
        if (x.length != cells || uPre.length != cells || spikes.length != cells
                || uHat != null && uHat.length != cells || threshold.length != perStep || direction.length != perStep
                || foldedThreshold != null && foldedThreshold.length != perStep
                || foldedDirection != null && foldedDirection.length != perStep) {
            throw new IllegalArgumentException("array sizes do not match T = " + timeSteps + ", " + samples
                    + " samples of " + neurons(shape) + " neurons");
        }
    }

    private static int neurons(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Neurons per sample. */
    public int neurons() {
        return neurons(shape);
    }

    /** True for a conv layer ([C, H, W]). */
    public boolean convolutional() {
        return shape.length == 3;
    }

    /** True when the layer compares û (MPBN on) rather than u_pre with its threshold. */
    public boolean normalizes() {
        return uHat != null;
    }

    private int cell(int t, int b, int n) {
        return (t * samples + b) * neurons() + n;
    }

    public float x(int t, int b, int n) {
        return x[cell(t, b, n)];
    }

    public float uPre(int t, int b, int n) {
        return uPre[cell(t, b, n)];
    }

    /** û, or u_pre when the layer has no MPBN. */
    public float compared(int t, int b, int n) {
        return uHat == null ? uPre[cell(t, b, n)] : uHat[cell(t, b, n)];
    }

    public boolean spiked(int t, int b, int n) {
        return spikes[cell(t, b, n)] != 0;
    }

    /** The threshold neuron n's compared value met at step t. */
    public double threshold(int t, int n) {
        return threshold[t * neurons() + n];
    }

    /**
     * The threshold on the raw membrane u_pre at step t: Ṽ of the neuron's group (folded, or folded from
     * this layer's MPBN), or V_th for a plain layer. For a constant group (γ = 0, direction 0) it is the fold's
     * marker, −1 (always fires) or +1 (never), not a level the membrane crosses.
     */
    public double membraneThreshold(int t, int n) {
        return foldedThreshold != null ? foldedThreshold[t * neurons() + n] : threshold(t, n);
    }

    /** The direction that goes with {@link #membraneThreshold}: +1, −1 or 0 (constant group). */
    public int membraneDirection(int t, int n) {
        return foldedDirection != null ? foldedDirection[t * neurons() + n] : direction[t * neurons() + n];
    }

    /** Spikes of sample b at step t over all neurons. */
    public int spikeCount(int t, int b) {
        int count = 0;
        int from = cell(t, b, 0);
        for (int n = 0; n < neurons(); n++) {
            count += spikes[from + n];
        }
        return count;
    }

    /** Raw access for drawing: the spikes of sample b at step t start at this offset of {@link #spikes()}. */
    public int offset(int t, int b) {
        return cell(t, b, 0);
    }

    /** Bytes held by the arrays. */
    public long bytes() {
        long total = 4L * x.length + 4L * uPre.length + (uHat == null ? 0 : 4L * uHat.length) + spikes.length
                + 8L * threshold.length + direction.length;
        total += foldedThreshold == null ? 0 : 8L * foldedThreshold.length + foldedDirection.length;
        return total + 128;
    }
}
