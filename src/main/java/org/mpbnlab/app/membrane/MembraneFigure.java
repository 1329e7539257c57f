package org.mpbnlab.app.membrane;

import java.util.Locale;
import org.mpbnlab.app.train.RunSettingsText;
import org.mpbnlab.probe.ChannelNormalization;
import org.mpbnlab.probe.Histogram;
import org.mpbnlab.probe.LayerProbe;
import org.mpbnlab.probe.MembraneQuantity;
import org.mpbnlab.probe.ProbeFrame;

/**
 * What the Membrane view draws: one layer of one recording, one channel (or all), and the time step
 * under the cursor. Immutable.
 *
 * @param frame   the recording (live or from the history)
 * @param layer   the chosen layer of it
 * @param channel a channel, or {@link LayerProbe#ALL_CHANNELS}
 * @param cursor  the time step under the cursor, 0-based
 * @param live    true when showing the latest recording, false when scrubbing the history
 */
public record MembraneFigure(ProbeFrame frame, LayerProbe layer, int channel, int cursor, boolean live) {

    public int timeSteps() {
        return layer.timeSteps();
    }

    public Histogram histogram(MembraneQuantity quantity, int t) {
        return layer.histogram(quantity, t, channel);
    }

    /** The largest bin over all steps of u_pre (and û when MPBN is on), so all steps share one count axis. */
    public int sharedPeak() {
        int peak = 1;
        for (int t = 0; t < timeSteps(); t++) {
            peak = Math.max(peak, histogram(MembraneQuantity.BEFORE_NORM, t).peak());
            if (layer.mpbnEnabled()) {
                peak = Math.max(peak, histogram(MembraneQuantity.AFTER_NORM, t).peak());
            }
        }
        return peak;
    }

    /**
     * Ṽ at step t for the chosen channel, the threshold MPBN amounts to on u_pre (u_pre &gt; Ṽ ⇔ û &gt; V_th
     * when γ &gt; 0), or NaN when it is not one number: MPBN off or per element, all channels shown, or γ = 0.
     */
    public double thresholdOnMembrane(int t) {
        ChannelNormalization norm = layer.normalization();
        if (norm == null || channel == LayerProbe.ALL_CHANNELS) {
            return Double.NaN;
        }
        return norm.thresholdOnMembrane(t, channel);
    }

    /**
     * The fraction of the chosen channel's u_pre values past Ṽ at step t, as the probe counted them (equal to
     * û's fraction above V_th), or NaN when Ṽ is not one number.
     */
    public double fractionPastThreshold(int t) {
        if (Double.isNaN(thresholdOnMembrane(t))) {
            return Double.NaN;
        }
        return layer.normalization().fractionPastThreshold(t, channel);
    }

    /** True when the chosen channel's γ is negative, so it fires when u_pre is below Ṽ. */
    public boolean firesBelowThreshold() {
        ChannelNormalization norm = layer.normalization();
        return norm != null && channel != LayerProbe.ALL_CHANNELS && norm.gamma(channel) < 0;
    }

    /**
     * E.g. "LIF 1 · 32×28×28 conv · channel 3 · iteration 120 · batch statistics (training mode)"; the whole layer
     * names no channel ("LIF 1 · 64 dense · iteration 100 · …"), so that the header stays one line with its run.
     */
    public String caption() {
        String which = channel == LayerProbe.ALL_CHANNELS ? "" : " · channel " + (channel + 1);
        return layer.description() + which + " · iteration " + frame.iteration()
                + (live ? "" : " (history)") + " · " + (layer.mpbnEnabled() ? frame.source().label() : "MPBN off");
    }

    /**
     * One line about the step under the cursor, e.g. "t = 2: u_pre mean 0.31 std 0.20 · û … · 12.5% fire (û &gt; V_th
     * = 0.5)", and for one channel "· 12.5% of u_pre &gt; Ṽ = 0.436 (…)": the same share, counted on u_pre against the
     * folded threshold. It is written here as well as on the histograms, which drop their numbers when too small.
     */
    public String cursorSummary() {
        Histogram before = histogram(MembraneQuantity.BEFORE_NORM, cursor);
        Histogram after = histogram(MembraneQuantity.AFTER_NORM, cursor);
        String text = String.format(Locale.ROOT, "t = %d:  u_pre mean %.3f, std %.3f", cursor + 1, before.mean(),
                before.std());
        if (layer.mpbnEnabled()) {
            text += String.format(Locale.ROOT, "  ·  û mean %.3f, std %.3f", after.mean(), after.std());
        }
        text += String.format(Locale.ROOT, "  ·  %.1f%% fire (û > V_th = %s)", 100 * after.fractionAbove(),
                RunSettingsText.number(layer.threshold()));
        double folded = thresholdOnMembrane(cursor);
        if (!Double.isNaN(folded)) {
            text += String.format(Locale.ROOT, "  ·  %.1f%% of u_pre %s Ṽ = %.3f (u_pre %s Ṽ ⇔ û > V_th, γ = %.3f, β = %.3f)",
                    100 * fractionPastThreshold(cursor), firesBelowThreshold() ? "<" : ">", folded,
                    firesBelowThreshold() ? "<" : ">", layer.normalization().gamma(channel),
                    layer.normalization().beta(channel));
        }
        return text;
    }
}
