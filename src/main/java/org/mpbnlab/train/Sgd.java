package org.mpbnlab.train;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
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
    private final Map<Parameter, State> states = new IdentityHashMap<>();

    /** Velocity of one parameter, and its heap buffers. */
    private record State(ParameterBuffers buffers, float[] velocity) {
    }

    public Sgd(double momentum, double weightDecay) {
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(Collection<Parameter> parameters, double learningRate) {
        for (Parameter p : parameters) {
            State state = states.computeIfAbsent(p, k -> new State(new ParameterBuffers(k),
                    new float[(int) k.value().length()]));
            ParameterBuffers buffers = state.buffers();
            buffers.load();
            float decay = p.decayed() ? (float) weightDecay : 0f;
            float mu = (float) momentum;
            float rate = (float) learningRate;
            float[] theta = buffers.value;
            float[] grad = buffers.gradient;
            float[] v = state.velocity();
            for (int i = 0; i < theta.length; i++) {
                float g = grad[i] + decay * theta[i];
                v[i] = mu * v[i] + g;
                theta[i] -= rate * v[i];
            }
            buffers.store();
        }
    }

    @Override
    public String name() {
        return "sgd";
    }
}
