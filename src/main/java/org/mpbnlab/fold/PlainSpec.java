package org.mpbnlab.fold;

import java.util.ArrayList;
import java.util.List;
import org.mpbnlab.snn.LayerSpec;
import org.mpbnlab.snn.MpbnParameters;
import org.mpbnlab.snn.NetworkSpec;

/** The same architecture with MPBN switched off: the speed reference for folded inference. */
public final class PlainSpec {

    private PlainSpec() {
    }

    public static NetworkSpec withoutMpbn(NetworkSpec spec) {
        List<LayerSpec> layers = new ArrayList<>();
        for (LayerSpec layer : spec.layers()) {
            if (layer instanceof LayerSpec.LifSpec lif) {
                layers.add(new LayerSpec.LifSpec(lif.lif(), MpbnParameters.off()));
            } else if (layer instanceof LayerSpec.FoldedLifSpec folded) {
                layers.add(new LayerSpec.LifSpec(folded.lif(), MpbnParameters.off()));
            } else {
                layers.add(layer);
            }
        }
        return new NetworkSpec(spec.preset(), spec.inputShape(), spec.classes(), spec.timeSteps(), layers);
    }
}
