package org.mpbnlab.fold;

import org.mpbnlab.snn.BatchNormMath;
import org.mpbnlab.snn.LifNeurons;
import org.mpbnlab.snn.FiringThreshold;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * One group's MPBN in evaluation mode and what folding makes of it, in the float engine's arithmetic:
 * <pre>
 *   û = (u_pre − μ)·γ/sqrt(σ² + ε) + β        fires ⇔ û &gt; V_th
 *   ⇔ u_pre &gt; Ṽ (γ &gt; 0),  u_pre &lt; Ṽ (γ &lt; 0),  constant β &gt; V_th (γ = 0)
 *   Ṽ = μ + (V_th − β)·sqrt(σ² + ε)/γ          (the formula; the exact fold is its float boundary)
 * </pre>
 * Every number comes from the fold's own code ({@link FiringThreshold}, {@link ExactThreshold},
 * {@link NaiveThreshold}), so that what a view shows is what the engine does.
 */
public record ChannelFold(double gamma, double beta, double mean, double variance, double epsilon, double vth) {

    public ChannelFold {
        if (!(variance >= 0) || !(epsilon > 0)) {
            throw new IllegalArgumentException("σ² must be ≥ 0 and ε > 0");
        }
    }

    /** Group {@code group} of statistics set {@code set} of an MPBN layer. */
    public static ChannelFold of(LifNeurons layer, int set, int group) {
        int groups = layer.normalizationLayout().groups();
        return new ChannelFold(layer.gamma().value().getDouble(group), layer.beta().value().getDouble(group),
                layer.runningMean().getDouble((long) set * groups + group),
                layer.runningVar().getDouble((long) set * groups + group), layer.mpbnParameters().epsilon(),
                layer.lifParameters().threshold());
    }

    /** The same group with one value changed. */
    public ChannelFold withGamma(double value) {
        return new ChannelFold(value, beta, mean, variance, epsilon, vth);
    }

    public ChannelFold withBeta(double value) {
        return new ChannelFold(gamma, value, mean, variance, epsilon, vth);
    }

    public ChannelFold withMean(double value) {
        return new ChannelFold(gamma, beta, value, variance, epsilon, vth);
    }

    public ChannelFold withVariance(double value) {
        return new ChannelFold(gamma, beta, mean, value, epsilon, vth);
    }

    public ChannelFold withThreshold(double value) {
        return new ChannelFold(gamma, beta, mean, variance, epsilon, value);
    }

    /** The decision as the float engine computes it. */
    public FiringThreshold decision() {
        return FiringThreshold.normalized(mean, gamma * BatchNormMath.inverseStd(variance, epsilon), beta, vth,
                DataType.FLOAT);
    }

    /** û of a membrane, as the engine computes it. */
    public double normalized(double uPre) {
        return decision().compared(uPre);
    }

    /** Whether MPBN fires for this membrane. */
    public boolean fires(double uPre) {
        return decision().fires(uPre);
    }

    /** The exact fold: the float boundary of the decision, its direction, or a constant. */
    public FiringThreshold exact() {
        return ExactThreshold.of(decision());
    }

    /** The naive fold, the formula in float32. */
    public FiringThreshold naive() {
        return NaiveThreshold.of((float) gamma, (float) beta, (float) mean, (float) variance, (float) epsilon,
                (float) vth);
    }

    /** sqrt(σ² + ε), the formula's standard deviation, in double. */
    public double standardDeviation() {
        return Math.sqrt(variance + epsilon);
    }

    /** The formula's Ṽ in double precision (NaN for γ = 0, where no threshold exists). */
    public double formula() {
        return gamma == 0 ? Double.NaN : mean + (vth - beta) * standardDeviation() / gamma;
    }
}
