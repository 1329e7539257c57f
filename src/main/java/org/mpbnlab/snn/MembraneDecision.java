package org.mpbnlab.snn;

import org.mpbnlab.snn.kernel.ArrayView;
import org.mpbnlab.snn.kernel.FloatLifKernels;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The evaluation-mode firing decision of one MPBN group, as the engine computes it:
 * <pre>
 *   û = (u_pre − μ)·scale + β,   scale = γ·1/sqrt(σ² + ε),   fires ⇔ û &gt; V_th
 * </pre>
 * in the engine's arithmetic: double precision for float64, single precision (μ, scale and β rounded to
 * float first) for float32. With μ, scale and β fixed this is a monotone function of u_pre
 * (non-decreasing for scale &gt; 0, non-increasing for scale &lt; 0, constant for scale = 0), which is
 * what lets the threshold fold be exact.
 */
public record MembraneDecision(double mean, double scale, double shift, double threshold, DataType type) {

    /** The decision of group {@code group} of running-statistics set {@code set} of an MPBN layer. */
    public static MembraneDecision of(LifNeurons layer, int set, int group) {
        MpbnParameters mpbn = layer.mpbnParameters();
        if (!mpbn.enabled()) {
            throw new IllegalArgumentException("the layer has no MPBN");
        }
        int groups = layer.normalizationLayout().groups();
        double mu = ArrayView.of(layer.runningMean()).get(set * groups + group);
        double var = ArrayView.of(layer.runningVar()).get(set * groups + group);
        double gamma = ArrayView.of(layer.gamma().value()).get(group);
        double beta = ArrayView.of(layer.beta().value()).get(group);
        double scale = gamma * BatchNormMath.inverseStd(var, mpbn.epsilon());
        return new MembraneDecision(mu, scale, beta, layer.lifParameters().threshold(), layer.dataType());
    }

    /**
     * û for a membrane value as the engine computes it: in double precision by the double engine, in single
     * precision by the float engine, whose kernels ({@link FloatLifKernels#normalizeAndFire}) round μ, scale
     * and β to float and compute {@code (u_pre − μ)·scale + β} in float arithmetic.
     */
    public double normalized(double uPre) {
        if (type == DataType.FLOAT) {
            return ((float) uPre - (float) mean) * (float) scale + (float) shift;
        }
        return BatchNormMath.affine(uPre, mean, scale, shift);
    }

    public boolean fires(double uPre) {
        return normalized(uPre) > threshold;
    }
}
