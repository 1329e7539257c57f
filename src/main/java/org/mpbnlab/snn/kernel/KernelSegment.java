package org.mpbnlab.snn.kernel;

/**
 * Scratch arrays for one segment of a float kernel ({@link FloatLifKernels}), all indexed from 0, one set per
 * thread: operands that sit at other offsets in the step buffers are copied here, so that every loop indexes
 * all its arrays alike and the JIT vectorises it.
 */
final class KernelSegment {

    private static final ThreadLocal<KernelSegment> PER_THREAD =
            ThreadLocal.withInitial(() -> new KernelSegment(FloatLifKernels.SEGMENT));

    static KernelSegment local() {
        return PER_THREAD.get();
    }

    final float[] input;
    final float[] membrane;
    final float[] spikes;
    final float[] other;
    final float[] slope;

    KernelSegment(int size) {
        input = new float[size];
        membrane = new float[size];
        spikes = new float[size];
        other = new float[size];
        slope = new float[size];
    }

    /**
     * Loads positions {@code [i, i + n)} for a backward step: ∂L/∂s into {@link #input}, u_pre into
     * {@link #membrane}, φ' into {@link #slope}, s into {@link #spikes} and the next step's ∂L/∂u_pre (one
     * block later) into {@link #other}.
     */
    void loadBackward(float[] gradOut, float[] gradIn, float[] uPre, float[] phi, float[] s, int i, int n,
                      int length) {
        System.arraycopy(gradOut, i, input, 0, n);
        System.arraycopy(gradIn, i + length, other, 0, n);
        System.arraycopy(uPre, i, membrane, 0, n);
        System.arraycopy(phi, i, slope, 0, n);
        System.arraycopy(s, i, spikes, 0, n);
    }

    /**
     * The two paths of one BPTT step for the loaded segment, in short loops: with
     * {@code g_u = τ·∂L/∂u_pre[t+1]} (in {@link #other}), {@link #input} becomes
     * {@code (∂L/∂s − keep·g_u·u_pre)·φ'} (the path through the spike; ∂L/∂û with MPBN) and {@link #other} the
     * reset path {@code g_u·(1 − s)}. {@code keep} is 0 for a detached reset, else 1.
     */
    void splitGradient(int n, float tau, float keep) {
        for (int k = 0; k < n; k++) {
            other[k] = tau * other[k];
        }
        for (int k = 0; k < n; k++) {
            input[k] = (input[k] - keep * other[k] * membrane[k]) * slope[k];
        }
        for (int k = 0; k < n; k++) {
            other[k] = other[k] * (1 - spikes[k]);
        }
    }

    /**
     * {@code membrane[k] = τ·u_pre[i+k−length]·(1 − s[i+k−length]) + x[i+k−shift]} for k &lt; n: the charged
     * membrane of positions {@code [i, i + n)}, left in {@link #membrane}.
     */
    void charge(float[] x, float[] uPre, float[] s, int i, int n, int length, boolean firstStep, float tau,
                int inputShift) {
        if (firstStep) {
            System.arraycopy(x, i - inputShift, membrane, 0, n);
            return;
        }
        System.arraycopy(x, i - inputShift, input, 0, n);
        System.arraycopy(uPre, i - length, membrane, 0, n);
        System.arraycopy(s, i - length, spikes, 0, n);
        for (int k = 0; k < n; k++) {
            membrane[k] = tau * (membrane[k] * (1 - spikes[k])) + input[k];
        }
    }

    /** {@code spikes[k] = [sign·membrane[k] > limit]} for k &lt; n. */
    void fire(int n, float sign, float limit) {
        for (int k = 0; k < n; k++) {
            spikes[k] = FloatLifKernels.above(sign * membrane[k], limit);
        }
    }

    /**
     * Loads positions {@code [i, i + n)} for an inference step: the input current (read in bulk from a heap
     * or native buffer) into {@link #input} and the previous step's membrane into {@link #membrane} (at the
     * first step, the input itself).
     */
    void load(java.nio.FloatBuffer x, float[] uPre, int i, int n, int length, boolean firstStep, int inputShift) {
        if (firstStep) {
            x.get(i - inputShift, membrane, 0, n);
            return;
        }
        x.get(i - inputShift, input, 0, n);
        System.arraycopy(uPre, i - length, membrane, 0, n);
    }

    /**
     * Recomputes the previous spike from the previous membrane with the previous rule (one group's
     * constants), then charges: {@code membrane ← τ·membrane·(1 − s_prev) + input}.
     */
    void resetAndCharge(int n, float tau, float mean, float scale, float shift, float sign, float limit) {
        for (int k = 0; k < n; k++) {
            float previousSpike = FloatLifKernels.above(sign * ((membrane[k] - mean) * scale + shift), limit);
            membrane[k] = tau * (membrane[k] * (1 - previousSpike)) + input[k];
        }
    }

    /**
     * As {@link #resetAndCharge(int, float, float, float, float, float, float)}, one group per position: the
     * same operations in short loops (C2 vectorises a loop over a few arrays, not one over nine); a rule that
     * does not normalise compares the membrane itself.
     */
    void resetAndCharge(int n, float tau, boolean normalizes, float[] mean, float[] scale, float[] shift,
                        float[] sign, float[] limit) {
        fire(n, normalizes, mean, scale, shift, sign, limit);
        for (int k = 0; k < n; k++) {
            membrane[k] = tau * (membrane[k] * (1 - spikes[k])) + input[k];
        }
    }

    /** {@code other = (membrane − mean)·scale + shift}, {@code spikes = [sign·other > limit]} (one group). */
    void decide(int n, float mean, float scale, float shift, float sign, float limit) {
        for (int k = 0; k < n; k++) {
            float v = (membrane[k] - mean) * scale + shift;
            other[k] = v;
            spikes[k] = FloatLifKernels.above(sign * v, limit);
        }
    }

    /**
     * As {@link #decide(int, float, float, float, float, float)}, one group per position: {@code other} gets
     * v when the rule normalises, and {@code spikes = [sign·v > limit]} with v the membrane itself otherwise.
     */
    void fire(int n, boolean normalizes, float[] mean, float[] scale, float[] shift, float[] sign, float[] limit) {
        float[] compared = membrane;
        if (normalizes) {
            for (int k = 0; k < n; k++) {
                other[k] = (membrane[k] - mean[k]) * scale[k] + shift[k];
            }
            compared = other;
        }
        for (int k = 0; k < n; k++) {
            spikes[k] = FloatLifKernels.above(sign[k] * compared[k], limit[k]);
        }
    }

    /** Stores u_pre (and û when {@code normalized} is not null) at i, and writes the spikes to the output. */
    void publish(float[] uPre, float[] normalized, java.nio.FloatBuffer spikesOut, int i, int n) {
        System.arraycopy(membrane, 0, uPre, i, n);
        if (normalized != null) {
            System.arraycopy(other, 0, normalized, i, n);
        }
        spikesOut.put(i, spikes, 0, n);
    }

    /** Copies the first n membranes and spikes to position i of the buffers. */
    void store(float[] uPre, float[] s, int i, int n) {
        System.arraycopy(membrane, 0, uPre, i, n);
        System.arraycopy(spikes, 0, s, i, n);
    }
}
