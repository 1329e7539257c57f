package org.mpbnlab.fold;

import java.util.List;
import org.mpbnlab.snn.Network;

/**
 * The outcome of folding.
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
}
