package org.mpbnlab.probe;

import org.mpbnlab.fold.Deployment;
import org.mpbnlab.fold.FoldMethod;
import org.mpbnlab.fold.ThresholdFolder;
import org.mpbnlab.snn.Network;

/**
 * Which network a recording runs: the model as it was saved (MPBN, plain, or already folded), its exact
 * threshold fold, or its deployable form (thresholds folded and BN_pre folded into the weights).
 */
public enum NetworkForm {
    AS_SAVED("as saved"),
    FOLDED("folded"),
    DEPLOYABLE("deployable");

    private final String label;

    NetworkForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The network to run for this form. Folding needs the unfolded model: a model saved folded can only
     * be recorded as saved.
     */
    public Network of(Network saved) {
        if (this != AS_SAVED && saved.isFolded()) {
            throw new IllegalArgumentException("the model is already folded; record it as it is (without --folded "
                    + "or --deploy)");
        }
        return switch (this) {
            case AS_SAVED -> saved;
            case FOLDED -> ThresholdFolder.fold(saved, FoldMethod.EXACT).network();
            case DEPLOYABLE -> Deployment.deploy(ThresholdFolder.fold(saved, FoldMethod.EXACT).network());
        };
    }
}
