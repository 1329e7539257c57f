package org.mpbnlab.fold;

import org.mpbnlab.snn.ArrayValues;
import org.mpbnlab.snn.FiringThreshold;
import org.mpbnlab.snn.LifNeurons;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The textbook fold, computed in float32 as the published code does:
 * <pre>
 *   Ṽ = μ + (V_th − β)·sqrt(σ² + ε)/γ      fires when u_pre &gt; Ṽ (γ &gt; 0) or u_pre &lt; Ṽ (γ &lt; 0)
 * </pre>
 * Mathematically exact, but every float operation rounds, so a membrane within a rounding error of the
 * threshold can be decided differently than by the MPBN network. Kept as a lesson beside the exact fold.
 */
public final class NaiveThreshold {

    private NaiveThreshold() {
    }

    /** The naive fold of one group, as the float32 decision it stands for. */
    public static FiringThreshold of(float gamma, float beta, float mean, float variance, float epsilon, float vth) {
        if (gamma == 0f) {
            return FiringThreshold.constant(beta > vth, DataType.FLOAT);
        }
        float std = (float) Math.sqrt(variance + epsilon);
        float threshold = (vth - beta) * std / gamma + mean;
        return FiringThreshold.folded(threshold, gamma > 0 ? 1 : -1, DataType.FLOAT);
    }

    /** The naive threshold of group {@code group}, statistics set {@code set}, of an MPBN layer. */
    public static FiringThreshold of(LifNeurons layer, int set, int group) {
        int groups = layer.normalizationLayout().groups();
        FiringThreshold naive = of((float) ArrayValues.get(layer.gamma().value(), group),
                (float) ArrayValues.get(layer.beta().value(), group),
                (float) ArrayValues.get(layer.runningMean(), set * groups + group),
                (float) ArrayValues.get(layer.runningVar(), set * groups + group),
                (float) layer.mpbnParameters().epsilon(), (float) layer.lifParameters().threshold());
        return FiringThreshold.folded(naive.threshold(), naive.direction(), layer.dataType());
    }
}
