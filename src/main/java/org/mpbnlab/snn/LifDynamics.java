package org.mpbnlab.snn;

/**
 * The element-wise LIF equations as small functions over one time step's block of values
 * ({@code [start, start + length)} of row-stacked buffers). {@link LifNeurons} orchestrates them.
 */
public final class LifDynamics {

    private LifDynamics() {
    }

    /**
     * Charge: {@code u_pre[t] = τ·u[t−1] + x[t]} with the reset membrane of the previous step
     * {@code u[t−1] = u_pre[t−1]·(1 − s[t−1])}, which sits one block earlier in the buffers.
     */
    static void charge(ArrayView x, ArrayView uPre, ArrayView spikes, int start, int length, boolean firstStep,
                       double tau) {
        if (firstStep) {
            for (int i = start; i < start + length; i++) {
                uPre.set(i, x.get(i));
            }
            return;
        }
        for (int i = start; i < start + length; i++) {
            int previous = i - length;
            double u = uPre.get(previous) * (1 - spikes.get(previous));
            uPre.set(i, tau * u + x.get(i));
        }
    }

    /**
     * Charge and fire in one pass, for neurons that compare the raw membrane with a threshold that
     * depends only on the position j in the row: {@code s = [u_pre > Ṽ_j]} where {@code direction_j ≥ 0},
     * {@code s = [u_pre < Ṽ_j]} otherwise. Plain LIF is the case Ṽ_j = V_th, direction +1.
     */
    static void chargeAndFire(ArrayView x, ArrayView uPre, ArrayView spikes, int start, int length, boolean firstStep,
                              double tau, double[] thresholdRow, boolean[] belowRow) {
        int rowSize = thresholdRow.length;
        int j = 0;
        for (int i = start; i < start + length; i++) {
            double u = x.get(i);
            if (!firstStep) {
                int previous = i - length;
                u += tau * (uPre.get(previous) * (1 - spikes.get(previous)));
            }
            uPre.set(i, u);
            double stored = uPre.get(i);
            boolean fires = belowRow[j] ? stored < thresholdRow[j] : stored > thresholdRow[j];
            spikes.set(i, fires ? 1.0 : 0.0);
            if (++j == rowSize) {
                j = 0;
            }
        }
    }

    /** Fire: {@code s = [û > V_th]}, or {@code s = φ(û)} in the smooth test mode. */
    static void fire(ArrayView uHat, ArrayView spikes, int start, int length, LifParameters lif, boolean smooth) {
        double vth = lif.threshold();
        if (smooth) {
            for (int i = start; i < start + length; i++) {
                spikes.set(i, lif.surrogate().smoothSpike(uHat.get(i), vth));
            }
            return;
        }
        for (int i = start; i < start + length; i++) {
            spikes.set(i, uHat.get(i) > vth ? 1.0 : 0.0);
        }
    }

    /**
     * One step of BPTT (see {@link LifNeurons}). Writes the gradient that reaches u_pre[t] through the
     * reset path, {@code g_u[t]·(1 − s[t])}, into {@code gradIn}, and ∂L/∂û[t] into {@code gradHat}.
     * Without MPBN {@code gradHat} is {@code gradIn} and the two are summed in place.
     */
    static void backwardStep(ArrayView gradOut, ArrayView gradIn, ArrayView gradHat, ArrayView uPre,
                             ArrayView uHat, ArrayView spikes, int start, int length, boolean lastStep,
                             LifParameters lif, boolean separateHat) {
        double tau = lif.tau();
        double vth = lif.threshold();
        Surrogate surrogate = lif.surrogate();
        boolean detach = lif.detachReset();
        for (int i = start; i < start + length; i++) {
            double gradU = lastStep ? 0.0 : tau * gradIn.get(i + length);
            double u = uPre.get(i);
            double gradSpike = gradOut.get(i) - (detach ? 0.0 : gradU * u);
            double gradNorm = gradSpike * surrogate.derivative(uHat.get(i), vth);
            double throughReset = gradU * (1 - spikes.get(i));
            if (separateHat) {
                gradIn.set(i, throughReset);
                gradHat.set(i, gradNorm);
            } else {
                gradIn.set(i, throughReset + gradNorm);
            }
        }
    }
}
