package org.mpbnlab.train;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import org.mpbnlab.snn.ArrayView;
import org.mpbnlab.snn.Parameter;

/**
 * Stochastic gradient descent with momentum, as PyTorch computes it:
 * <pre>
 *   g ← ∇θ + λ·θ        (λ only for decayed parameters: weights, not biases or BN's γ, β)
 *   v ← μ·v + g
 *   θ ← θ − η·v
 * </pre>
 */
public final class Sgd implements Optimizer {

    private final double momentum;
    private final double weightDecay;
    private final Map<Parameter, double[]> velocity = new IdentityHashMap<>();

    public Sgd(double momentum, double weightDecay) {
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(Collection<Parameter> parameters, double learningRate) {
        for (Parameter p : parameters) {
            ArrayView value = ArrayView.of(p.value());
            ArrayView grad = ArrayView.of(p.gradient());
            double[] v = velocity.computeIfAbsent(p, k -> new double[value.length()]);
            double decay = p.decayed() ? weightDecay : 0.0;
            for (int i = 0; i < v.length; i++) {
                double theta = value.get(i);
                double g = grad.get(i) + decay * theta;
                v[i] = momentum * v[i] + g;
                value.set(i, theta - learningRate * v[i]);
            }
        }
    }

    @Override
    public String name() {
        return "sgd";
    }
}
