package org.mpbnlab.snn;

import org.mpbnlab.snn.kernel.ArrayView;
import org.mpbnlab.snn.kernel.TanhWindow;

/**
 * Surrogate gradients of the spike function. The forward pass is always the exact step
 * {@code s = [û > V_th]}; a surrogate only supplies {@code ∂s/∂û} in the backward pass.
 * {@link #smoothSpike} is the smooth function whose derivative that is; it serves the
 * finite-difference checks of the BPTT plumbing (a network run with the smooth function in
 * its forward pass has exactly the gradient the surrogate defines).
 */
public enum Surrogate {

    /**
     * The official MPBN surrogate. With {@code z = û/(2·V_th)} (the window {@code [0, 2·V_th]}):
     * <pre>
     *   φ(z) = [tanh(k(clip(z,0,1) − ½)) + tanh(k/2)] / (2·tanh(k/2)),   k = 3
     *   ∂φ/∂û = k·(1 − tanh²(k(z − ½))) / (2·tanh(k/2)) · 1/(2·V_th)   for 0 ≤ z ≤ 1, else 0
     * </pre>
     * computed branch-free by {@link TanhWindow}.
     */
    TANH("tanh") {
        private static final double K = 3.0;
        private final double tanhHalfK = Math.tanh(K / 2);

        @Override
        public double smoothSpike(double uHat, double vth) {
            double z = Math.min(1.0, Math.max(0.0, uHat / (2 * vth)));
            return (Math.tanh(K * (z - 0.5)) + tanhHalfK) / (2 * tanhHalfK);
        }

        @Override
        public double derivative(double uHat, double vth) {
            return TanhWindow.derivative(uHat, vth);
        }

        @Override
        void derivatives(ArrayView uHat, int from, int to, double vth, ArrayView out) {
            if (uHat instanceof ArrayView.HeapFloats floats && out instanceof ArrayView.HeapFloats target) {
                TanhWindow.derivatives(floats.array(), from, to, vth, target.array());
            } else if (uHat instanceof ArrayView.HeapDoubles doubles && out instanceof ArrayView.HeapDoubles target) {
                TanhWindow.derivatives(doubles.array(), from, to, vth, target.array());
            } else {
                super.derivatives(uHat, from, to, vth, out);
            }
        }
    },

    /** {@code φ = σ(α(û − V_th))}, {@code ∂φ/∂û = α·σ·(1 − σ)}, α = 4. */
    SIGMOID("sigmoid") {
        private static final double ALPHA = 4.0;

        @Override
        public double smoothSpike(double uHat, double vth) {
            return 1.0 / (1.0 + Math.exp(-ALPHA * (uHat - vth)));
        }

        @Override
        public double derivative(double uHat, double vth) {
            double sig = smoothSpike(uHat, vth);
            return ALPHA * sig * (1 - sig);
        }
    },

    /** {@code φ = ½ + atan(π/2·α(û − V_th))/π}, {@code ∂φ/∂û = (α/2) / (1 + (π/2·α(û − V_th))²)}, α = 2. */
    ARCTAN("arctan") {
        private static final double ALPHA = 2.0;

        @Override
        public double smoothSpike(double uHat, double vth) {
            return 0.5 + Math.atan(Math.PI / 2 * ALPHA * (uHat - vth)) / Math.PI;
        }

        @Override
        public double derivative(double uHat, double vth) {
            double a = Math.PI / 2 * ALPHA * (uHat - vth);
            return ALPHA / 2 / (1 + a * a);
        }
    },

    /** {@code φ = clip((û − V_th)/a + ½, 0, 1)}, {@code ∂φ/∂û = 1/a} inside {@code |û − V_th| < a/2}, a = 1. */
    RECTANGULAR("rectangular") {
        private static final double WIDTH = 1.0;

        @Override
        public double smoothSpike(double uHat, double vth) {
            return Math.min(1.0, Math.max(0.0, (uHat - vth) / WIDTH + 0.5));
        }

        @Override
        public double derivative(double uHat, double vth) {
            return Math.abs(uHat - vth) < WIDTH / 2 ? 1.0 / WIDTH : 0.0;
        }
    };

    private final String id;

    Surrogate(String id) {
        this.id = id;
    }

    /** The name used in files and on the command line. */
    public String id() {
        return id;
    }

    /** The smooth stand-in for the step, φ(û). */
    public abstract double smoothSpike(double uHat, double vth);

    /** ∂φ/∂û, the gradient the backward pass uses in place of the step's. */
    public abstract double derivative(double uHat, double vth);

    /**
     * {@code out[i] = ∂φ/∂û(uHat[i])} for i in {@code [from, to)}: the factors one backward step needs,
     * computed in a loop of their own (the tanh surrogate's is vectorised; in a float engine its factors are
     * computed in float arithmetic).
     */
    void derivatives(ArrayView uHat, int from, int to, double vth, ArrayView out) {
        for (int i = from; i < to; i++) {
            out.set(i, derivative(uHat.get(i), vth));
        }
    }

    /** Looks a surrogate up by {@link #id()}. */
    public static Surrogate byId(String id) {
        return NamedChoices.byId(values(), Surrogate::id, id, "surrogate");
    }
}
