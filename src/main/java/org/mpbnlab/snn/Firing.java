package org.mpbnlab.snn;

/**
 * How LIF neurons turn the compared membrane v (û with MPBN, u_pre without) into their output.
 * <pre>
 *   STEP:    s = [v &gt; V_th]          the spiking neuron: what training and inference run
 *   SMOOTH:  s = φ(v)                the surrogate's smooth stand-in (see {@link Surrogate#smoothSpike})
 * </pre>
 * Backward always uses φ'(v). With SMOOTH firing the network computes exactly the function whose gradient
 * that is, so finite differences of it check the whole BPTT computation (reset path, MPBN backward,
 * surrogate slopes) number for number; with STEP the surrogate gradient is, by design, not the step's.
 */
public enum Firing {
    STEP,
    SMOOTH
}
