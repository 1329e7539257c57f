package org.mpbnlab.fold;

import java.util.ArrayList;
import java.util.List;
import org.mpbnlab.snn.ArrayValues;
import org.mpbnlab.snn.FoldedLifNeurons;
import org.mpbnlab.snn.Layer;
import org.mpbnlab.snn.LayerSpec;
import org.mpbnlab.snn.LifNeurons;
import org.mpbnlab.snn.FiringThreshold;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.NetworkBuilder;
import org.mpbnlab.snn.NetworkSpec;

/**
 * Folds every MPBN of a trained network into its neurons' thresholds (docs/mathematics.md §4). The result is an
 * ordinary engine network, inference-only, whose other layers are copies of the original's.
 */
public final class ThresholdFolder {

    private ThresholdFolder() {
    }

    public static FoldResult fold(Network network, FoldMethod method) {
        if (network.isFolded()) {
            throw new IllegalArgumentException("the model is already folded; fold the original MPBN model instead");
        }
        List<LayerSpec> layers = new ArrayList<>();
        boolean any = false;
        for (LayerSpec spec : network.spec().layers()) {
            if (spec instanceof LayerSpec.LifSpec lif && lif.mpbn().enabled()) {
                layers.add(new LayerSpec.FoldedLifSpec(lif.lif(), lif.mpbn().mode(), lif.mpbn().statistics()));
                any = true;
            } else {
                layers.add(spec);
            }
        }
        if (!any) {
            return new FoldResult(network, false, 0, 0,
                    List.of("the model has no MPBN: nothing to fold (its neurons already compare with V_th)"));
        }
        NetworkSpec original = network.spec();
        NetworkSpec foldedSpec = new NetworkSpec(original.preset(), original.inputShape(), original.classes(),
                original.timeSteps(), layers);
        Network folded = NetworkBuilder.build(foldedSpec, network.dataType(), 0);
        folded.copyMatchingStateFrom(network);
        folded.setLoopThreads(network.loopThreads());
        List<String> notes = new ArrayList<>();
        int negative = 0;
        int zero = 0;
        for (int i = 0; i < network.layers().size(); i++) {
            Layer layer = network.layers().get(i);
            if (layer instanceof LifNeurons lif && lif.mpbnParameters().enabled()) {
                int[] counts = foldLayer(lif, (FoldedLifNeurons) folded.layers().get(i), method);
                negative += counts[0];
                zero += counts[1];
                if (counts[0] + counts[1] > 0) {
                    notes.add("layer " + i + ": " + FoldResult.groups(counts[0]) + " with γ < 0 (comparison flipped), "
                            + FoldResult.groups(counts[1]) + " with γ = 0 (constant output)");
                }
                if (neverTrained(lif)) {
                    notes.add("layer " + i + ": running statistics are still at their initial values (μ = 0, σ² = 1);"
                            + " the fold is exact but the model was never trained");
                }
            }
        }
        return new FoldResult(folded, true, negative, zero, notes);
    }

    /** Fills the thresholds of {@code target} from {@code source}; returns {γ &lt; 0 count, γ = 0 count}. */
    private static int[] foldLayer(LifNeurons source, FoldedLifNeurons target, FoldMethod method) {
        int groups = source.normalizationLayout().groups();
        int sets = source.statisticSets();
        double[] threshold = new double[sets * groups];
        double[] direction = new double[sets * groups];
        double[] gamma = ArrayValues.read(source.gamma().value());
        int negative = 0;
        int zero = 0;
        for (int g = 0; g < groups; g++) {
            if (gamma[g] < 0) {
                negative++;
            } else if (gamma[g] == 0) {
                zero++;
            }
        }
        for (int set = 0; set < sets; set++) {
            for (int g = 0; g < groups; g++) {
                FiringThreshold folded = method == FoldMethod.EXACT
                        ? ExactThreshold.of(FiringThreshold.of(source, set, g))
                        : NaiveThreshold.of(source, set, g);
                threshold[set * groups + g] = folded.threshold();
                direction[set * groups + g] = folded.direction();
            }
        }
        ArrayValues.write(target.threshold(), threshold);
        ArrayValues.write(target.direction(), direction);
        return new int[] {negative, zero};
    }

    private static boolean neverTrained(LifNeurons lif) {
        double[] mean = ArrayValues.read(lif.runningMean());
        double[] var = ArrayValues.read(lif.runningVar());
        for (int i = 0; i < mean.length; i++) {
            if (mean[i] != 0.0 || var[i] != 1.0) {
                return false;
            }
        }
        return true;
    }
}
