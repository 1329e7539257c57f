package org.mpbnlab.app.fold;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mpbnlab.snn.FoldedLifNeurons;
import org.mpbnlab.snn.LifNeurons;
import org.mpbnlab.snn.MpbnMode;

/**
 * The folded thresholds of one LIF layer as the Fold view shows them, read from the folded network's own
 * arrays (nothing recomputed): per statistics set and group, Ṽ and its comparison, with the γ and β it came from.
 *
 * @param index       the layer's index among the spiking layers
 * @param description e.g. "LIF 1 · 32×28×28 conv"
 * @param shape       per-sample neuron shape
 * @param mode        channel (one Ṽ per channel: bars) or element (one Ṽ per neuron: a heat map)
 * @param spatial     neurons per group
 * @param threshold   Ṽ per [set][group] (±1 for constant groups, see {@code docs/model-format.md})
 * @param direction   +1, −1 or 0 (constant) per [set][group]
 * @param gamma       γ per group
 * @param beta        β per group
 * @param vth         V_th
 */
public record ThresholdLayer(int index, String description, int[] shape, MpbnMode mode, int spatial,
                             double[][] threshold, int[][] direction, double[] gamma, double[] beta, double vth) {

    /** Reads layer {@code index}'s fold: {@code folded} made from {@code source}. */
    static ThresholdLayer of(int index, LifNeurons source, FoldedLifNeurons folded) {
        int sets = (int) folded.threshold().size(0);
        int groups = folded.groupLayout().groups();
        double[][] threshold = new double[sets][groups];
        int[][] direction = new int[sets][groups];
        for (int s = 0; s < sets; s++) {
            for (int g = 0; g < groups; g++) {
                threshold[s][g] = folded.threshold().getDouble(s, g);
                direction[s][g] = (int) folded.direction().getDouble(s, g);
            }
        }
        double[] gamma = new double[groups];
        double[] beta = new double[groups];
        for (int g = 0; g < groups; g++) {
            gamma[g] = source.gamma().value().getDouble(g);
            beta[g] = source.beta().value().getDouble(g);
        }
        int[] shape = folded.outputShape();
        return new ThresholdLayer(index, "LIF " + (index + 1) + " · " + shapeText(shape), shape,
                source.mpbnParameters().mode(), folded.groupLayout().spatial(), threshold, direction, gamma, beta,
                source.lifParameters().threshold());
    }

    static String shapeText(int[] shape) {
        StringBuilder text = new StringBuilder();
        for (int d = 0; d < shape.length; d++) {
            text.append(d == 0 ? "" : "×").append(shape[d]);
        }
        return text.append(shape.length == 3 ? " conv" : " dense").toString();
    }

    public int sets() {
        return threshold.length;
    }

    public int groups() {
        return gamma.length;
    }

    /** What one group is called in this layer: "channel" or "neuron". */
    public String groupNoun() {
        return mode == MpbnMode.CHANNEL && shape.length == 3 ? "channel" : "neuron";
    }

    /** Groups with γ &lt; 0: they fire when u_pre &lt; Ṽ. */
    public List<Integer> reversed() {
        List<Integer> out = new ArrayList<>();
        for (int g = 0; g < groups(); g++) {
            if (direction[0][g] < 0) {
                out.add(g);
            }
        }
        return out;
    }

    /** Groups with γ = 0 that fire (always = true) or stay silent (always = false) at every step. */
    public List<Integer> constant(boolean always) {
        List<Integer> out = new ArrayList<>();
        for (int g = 0; g < groups(); g++) {
            if (direction[0][g] == 0 && (threshold[0][g] < 0) == always) {
                out.add(g);
            }
        }
        return out;
    }

    /** The words under the chart: what the marked groups do and why. */
    public String explanation() {
        String noun = groupNoun();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%d %ss. Each fires when u_pre > Ṽ (blue bars): MPBN's û = γ·(u_pre − μ)/σ + β crosses V_th = %s"
                        + " exactly when u_pre crosses Ṽ, so the folded network needs no normalisation at all.",
                groups(), noun, trim(vth)));
        List<Integer> reversed = reversed();
        if (!reversed.isEmpty()) {
            text.append(String.format(Locale.ROOT, "%n%d %s(s) with γ < 0 (orange): MPBN multiplies u_pre by a"
                    + " negative factor, so û rises when u_pre falls; these fire when u_pre < Ṽ (the comparison is"
                    + " reversed), e.g. %s %d.", reversed.size(), noun, noun, reversed.get(0) + 1));
        }
        List<Integer> always = constant(true);
        List<Integer> never = constant(false);
        if (!always.isEmpty() || !never.isEmpty()) {
            text.append(String.format(Locale.ROOT, "%n%d %s(s) with γ = 0 (grey): û = β whatever u_pre is, so the"
                    + " neuron does not depend on its input: %d fire at every step (β > V_th), %d never (β ≤ V_th)."
                    + " The folded file stores them as constant (direction 0).", always.size() + never.size(), noun,
                    always.size(), never.size()));
        }
        if (reversed.isEmpty() && always.isEmpty() && never.isEmpty()) {
            text.append(String.format(Locale.ROOT, "%nNo %s here has γ ≤ 0, so none is reversed or constant.", noun));
        }
        return text.toString();
    }

    /** One group's line for a tooltip, e.g. "channel 3: Ṽ = 0.412 (fires when u_pre > Ṽ), γ = 0.81, β = 0.02". */
    public String describe(int set, int group) {
        String rule = switch (direction[set][group]) {
            case 1 -> "Ṽ = " + trim(threshold[set][group]) + ", fires when u_pre > Ṽ";
            case -1 -> "Ṽ = " + trim(threshold[set][group]) + ", fires when u_pre < Ṽ (γ < 0)";
            default -> threshold[set][group] < 0 ? "constant: fires at every step (γ = 0, β > V_th)"
                    : "constant: never fires (γ = 0, β ≤ V_th)";
        };
        return String.format(Locale.ROOT, "%s %d: %s; γ = %s, β = %s", groupNoun(), group + 1, rule, trim(gamma[group]),
                trim(beta[group]));
    }

    static String trim(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
