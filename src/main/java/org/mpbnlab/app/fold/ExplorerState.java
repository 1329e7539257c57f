package org.mpbnlab.app.fold;

import org.mpbnlab.fold.ChannelFold;
import org.mpbnlab.fold.FloatSpacing;
import org.mpbnlab.snn.FiringThreshold;

/**
 * What the explorer shows for one setting of the sliders: the channel, its exact and naive fold, and the
 * membranes binned twice — by u_pre and by û — each bin split into neurons that fire and neurons that do not
 * (the same neurons in both histograms). û and the spike of every membrane are the engine's
 * ({@link ChannelFold#normalized}, {@link ChannelFold#fires}).
 *
 * @param channel     the values on the sliders
 * @param exact       the exact fold
 * @param naive       the naive float32 fold
 * @param before      histogram of u_pre
 * @param after       histogram of û
 * @param firing      how many of the membranes fire
 * @param membranes   how many membranes there are
 */
public record ExplorerState(ChannelFold channel, FiringThreshold exact, FiringThreshold naive, Bins before,
                            Bins after, int firing, int membranes) {

    /** Where neurons fire on the u_pre axis. */
    public enum Region {
        /** u_pre &gt; Ṽ (γ &gt; 0). */
        ABOVE,
        /** u_pre &lt; Ṽ (γ &lt; 0). */
        BELOW,
        /** Everywhere (γ = 0, β &gt; V_th). */
        EVERYWHERE,
        /** Nowhere (γ = 0, β ≤ V_th). */
        NOWHERE
    }

    /**
     * Equal-width bins over [lower, lower + bins·width), each with the count of firing and of silent neurons.
     */
    public record Bins(double lower, double width, int[] firing, int[] silent) {

        public int bins() {
            return firing.length;
        }

        public double start(int k) {
            return lower + k * width;
        }

        public int peak() {
            int peak = 1;
            for (int k = 0; k < bins(); k++) {
                peak = Math.max(peak, firing[k] + silent[k]);
            }
            return peak;
        }
    }

    static ExplorerState of(ChannelFold channel, float[] membranes, int bins) {
        double[] uHat = new double[membranes.length];
        boolean[] fires = new boolean[membranes.length];
        int firing = 0;
        for (int i = 0; i < membranes.length; i++) {
            uHat[i] = channel.normalized(membranes[i]);
            fires[i] = channel.fires(membranes[i]);
            firing += fires[i] ? 1 : 0;
        }
        FiringThreshold exact = channel.exact();
        double[] before = new double[membranes.length];
        for (int i = 0; i < membranes.length; i++) {
            before[i] = membranes[i];
        }
        double foldedMark = exact.isConstant() ? Double.NaN : exact.threshold();
        return new ExplorerState(channel, exact, channel.naive(), bin(before, fires, bins, foldedMark, false),
                bin(uHat, fires, bins, channel.vth(), true), firing, membranes.length);
    }

    /**
     * Bins covering every value and the threshold mark: always ({@code keepMark}, V_th on û, which must stay in
     * sight when γ = 0 piles every û on β), or when it is not far outside the values (Ṽ on u_pre).
     */
    private static Bins bin(double[] values, boolean[] fires, int bins, double mark, boolean keepMark) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            lo = -1;
            hi = 1;
        }
        double span = Math.max(hi - lo, 1e-6);
        if (Double.isFinite(mark) && (keepMark || mark > lo - span && mark < hi + span)) {
            lo = Math.min(lo, mark);
            hi = Math.max(hi, mark);
        }
        double pad = 0.05 * Math.max(hi - lo, 1e-6);
        lo -= pad;
        hi += pad;
        double width = (hi - lo) / bins;
        int[] firing = new int[bins];
        int[] silent = new int[bins];
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                continue;
            }
            int k = (int) Math.min(bins - 1, Math.max(0, Math.floor((values[i] - lo) / width)));
            if (fires[i]) {
                firing[k]++;
            } else {
                silent[k]++;
            }
        }
        return new Bins(lo, width, firing, silent);
    }

    /** Where neurons fire on the u_pre axis: the side of Ṽ, or everywhere / nowhere for a constant channel. */
    public Region region() {
        if (exact.isConstant()) {
            return exact.fires(0) ? Region.EVERYWHERE : Region.NOWHERE;
        }
        return exact.direction() > 0 ? Region.ABOVE : Region.BELOW;
    }

    /** Float32 steps between the exact and the naive Ṽ (0 for a constant channel). */
    public long floatsApart() {
        return exact.isConstant() ? 0 : FloatSpacing.floatsBetween(exact.threshold(), naive.threshold());
    }

    /** The region in words, for the caption. */
    public String regionText() {
        return switch (region()) {
            case ABOVE -> "γ > 0: neurons fire where u_pre > Ṽ (right of the purple line), as û > V_th.";
            case BELOW -> "γ < 0: the comparison flips — neurons fire where u_pre < Ṽ (LEFT of the purple line),"
                    + " because a larger u_pre gives a smaller û.";
            case EVERYWHERE -> "γ = 0: û = β > V_th for every u_pre — every neuron fires (a constant channel).";
            case NOWHERE -> "γ = 0: û = β ≤ V_th for every u_pre — no neuron fires (a constant channel).";
        };
    }
}
