package org.mpbnlab.fold;

/**
 * One spike that a candidate network (e.g. the naive fold) decides differently than the MPBN network in
 * evaluation mode, with the numbers that explain it.
 *
 * @param layer              index among the spiking layers (0-based)
 * @param step               time step (0-based)
 * @param sample             index of the input in the data split
 * @param neuron             index of the neuron within its layer (row-major over the layer's shape)
 * @param group              its threshold group (channel, or the neuron itself in element mode)
 * @param uPre               the MPBN network's membrane before normalisation
 * @param candidateUPre      the candidate's membrane: equal to {@code uPre} unless an earlier flip changed it
 * @param uHat               û, what the MPBN network compared with V_th
 * @param vth                V_th
 * @param exactThreshold     the exact folded threshold Ṽ of the neuron's group at this step
 * @param candidateThreshold the threshold the candidate compared u_pre with
 * @param direction          +1 fires above the threshold, −1 below, 0 constant
 * @param mpbnFires          whether the MPBN network fired (the candidate did the opposite)
 */
public record SpikeFlip(int layer, int step, int sample, int neuron, int group, float uPre, float candidateUPre,
                        float uHat, double vth, double exactThreshold, double candidateThreshold, int direction,
                        boolean mpbnFires) {

    /** Why a spike flipped. */
    public enum Cause {
        /** Same membrane, but it lies between the exact and the candidate's threshold: the fold's rounding. */
        ROUNDING,
        /** The membrane itself differs, because spikes flipped earlier (in this layer or a layer before). */
        CASCADE
    }

    public Cause cause() {
        return Float.compare(uPre, candidateUPre) == 0 ? Cause.ROUNDING : Cause.CASCADE;
    }

    /**
     * How many float32 steps lie between the exact and the candidate threshold: the size of the rounding
     * error in units of the float spacing (0 when they are the same float).
     */
    public long floatsApart() {
        return FloatSpacing.floatsBetween(candidateThreshold, exactThreshold);
    }

    /** The explanation in words, e.g. for a table row's tooltip. */
    public String explanation() {
        String compare = direction > 0 ? ">" : "<";
        String fired = mpbnFires ? "fires" : "stays silent";
        String candidate = mpbnFires ? "stays silent" : "fires";
        if (cause() == Cause.CASCADE) {
            return String.format(java.util.Locale.ROOT, "The membrane differs (MPBN u_pre = %s, folded u_pre = %s): "
                    + "a spike flipped earlier, and this one follows. MPBN %s; the folded network %s.",
                    exact(uPre), exact(candidateUPre), fired, candidate);
        }
        return String.format(java.util.Locale.ROOT, "u_pre = %s. MPBN computes û = %s, %s V_th = %s, so it %s. "
                + "The exact fold compares u_pre %s Ṽ = %s and agrees; the naive formula rounded Ṽ to %s, "
                + "%d float(s) away, and u_pre lies between the two, so the folded network %s.",
                exact(uPre), exact(uHat), uHat > vth ? ">" : "≤", exact(vth), fired, compare, exact(exactThreshold),
                exact(candidateThreshold), floatsApart(), candidate);
    }

    /** A float written with all the digits that tell it from its neighbours. */
    static String exact(double value) {
        return Float.toString((float) value);
    }
}
