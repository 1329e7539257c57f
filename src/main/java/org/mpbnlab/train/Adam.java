package org.mpbnlab.train;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
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
    private final Map<Parameter, State> states = new IdentityHashMap<>();
    private long steps;

    /** First and second moments of one parameter, and its heap buffers. */
    private record State(ParameterBuffers buffers, float[] m, float[] v) {
    }

    public Adam(double weightDecay) {
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(Collection<Parameter> parameters, double learningRate) {
        steps++;
        float correction1 = (float) (1 - Math.pow(BETA1, steps));
        float correction2 = (float) (1 - Math.pow(BETA2, steps));
        for (Parameter p : parameters) {
            State state = states.computeIfAbsent(p, k -> {
                int n = (int) k.value().length();
                return new State(new ParameterBuffers(k), new float[n], new float[n]);
            });
            state.buffers().load();
            update(state.buffers().value, state.buffers().gradient, state.m(), state.v(),
                    p.decayed() ? (float) weightDecay : 0f, (float) learningRate, correction1, correction2);
            state.buffers().store();
        }
    }

    /** The update of one parameter, in float32 as PyTorch keeps Adam's state. */
    private static void update(float[] theta, float[] grad, float[] m, float[] v, float decay, float rate,
                               float correction1, float correction2) {
        float beta1 = (float) BETA1;
        float beta2 = (float) BETA2;
        float epsilon = (float) EPSILON;
        for (int i = 0; i < theta.length; i++) {
            float g = grad[i] + decay * theta[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            float step = (m[i] / correction1) / ((float) Math.sqrt(v[i] / correction2) + epsilon);
            theta[i] -= rate * step;
        }
    }

    @Override
    public String name() {
        return "adam";
    }
}
