package org.mpbnlab.train;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import org.mpbnlab.snn.ArrayView;
import org.mpbnlab.snn.Parameter;

/**
 * Adam (Kingma and Ba), with L2 weight decay added to the gradient as PyTorch's {@code Adam} does:
 * <pre>
 *   g ← ∇θ + λ·θ                  (λ only for decayed parameters)
 *   m ← β₁·m + (1 − β₁)·g          v ← β₂·v + (1 − β₂)·g²
 *   θ ← θ − η · (m / (1 − β₁ᵗ)) / (sqrt(v / (1 − β₂ᵗ)) + ε)
 * </pre>
 */
public final class Adam implements Optimizer {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double weightDecay;
    private final Map<Parameter, double[][]> moments = new IdentityHashMap<>();
    private long steps;

    public Adam(double weightDecay) {
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(Collection<Parameter> parameters, double learningRate) {
        steps++;
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2 = 1 - Math.pow(BETA2, steps);
        for (Parameter p : parameters) {
            ArrayView value = ArrayView.of(p.value());
            ArrayView grad = ArrayView.of(p.gradient());
            double[][] mv = moments.computeIfAbsent(p, k -> new double[2][value.length()]);
            double[] m = mv[0];
            double[] v = mv[1];
            double decay = p.decayed() ? weightDecay : 0.0;
            for (int i = 0; i < m.length; i++) {
                double theta = value.get(i);
                double g = grad.get(i) + decay * theta;
                m[i] = BETA1 * m[i] + (1 - BETA1) * g;
                v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
                double step = (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + EPSILON);
                value.set(i, theta - learningRate * step);
            }
        }
    }

    @Override
    public String name() {
        return "adam";
    }
}
