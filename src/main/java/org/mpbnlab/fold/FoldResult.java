package org.mpbnlab.fold;

import java.util.List;
import org.mpbnlab.snn.Network;

/**
 * The outcome of folding. A group is the set of neurons that share one γ: a channel (channel-wise MPBN) or a
 * single neuron (element-wise MPBN).
 *
 * @param network       the folded network (or the input network itself when there was nothing to fold)
 * @param folded        whether any layer was folded
 * @param gammaNegative groups whose γ &lt; 0 (their comparison is flipped)
 * @param gammaZero     groups whose γ = 0 (constant output)
 * @param notes         messages for the user, e.g. why nothing was folded, which layers have γ ≤ 0
 */
public record FoldResult(Network network, boolean folded, int gammaNegative, int gammaZero, List<String> notes) {

    public FoldResult {
        notes = List.copyOf(notes);
    }

    /** The counts in words, e.g. {@code "γ < 0 in 2 groups, γ = 0 in 1 group"}. */
    public String gammaSummary() {
        return "γ < 0 in " + groups(gammaNegative) + ", γ = 0 in " + groups(gammaZero);
    }

    /** {@code "0 groups"}, {@code "1 group"}, {@code "2 groups"}. */
    static String groups(int count) {
        return count + (count == 1 ? " group" : " groups");
    }
}
