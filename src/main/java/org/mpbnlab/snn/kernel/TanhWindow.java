package org.mpbnlab.snn.kernel;

/**
 * The derivative of the official tanh surrogate, computed without a branch or a call to {@code exp}
 * so that a whole block of membranes can be done in one loop the JIT vectorises:
 * <pre>
 *   ∂φ/∂û = [0 ≤ û ≤ 2·V_th] · k / (2·tanh(k/2)) · 1/cosh²(k·(z − ½)) · 1/(2·V_th),   z = clip(û/(2·V_th), 0, 1)
 * </pre>
 * (1 − tanh² = 1/cosh²). For |a| ≤ k/2 = 3/2 the Taylor series of cosh in s = a²,
 * <pre>
 *   cosh(a) = 1 + s/2·(1 + s/(3·4)·(1 + s/(5·6)·(1 + … ·(1 + s/(19·20)))))
 * </pre>
 * has only positive terms and its first omitted one, s¹¹/22!, is below 7·10⁻¹⁸: it is cosh to the last bit
 * of a double, and evaluated in float it is within a few float ulps.
 *
 * <p>The window test is a clamp too: with {@code e = min(û, 2·V_th − û)} (≥ 0 exactly inside the window;
 * the sign of a difference of two floats is always exact), {@code clip(2^n·(2^n·e) + 1, 0, 1)} is 1 for every
 * e ≥ 0 (also −0) and 0 for every e &lt; 0 down to the smallest subnormal, because the scale 2^{2n} lifts it
 * past −1. A NaN membrane gives a NaN gradient.
 */
public final class TanhWindow {

    static final double K = 3.0;
    /** {@code k / (2·tanh(k/2))}, the peak factor of the surrogate. */
    private static final double PEAK = K / (2 * Math.tanh(K / 2));
    /** 2^600: two factors take the smallest double subnormal (2^−1074) beyond 1 in magnitude. */
    private static final double DOUBLE_LIFT = 0x1p600;
    /** 2^127: two factors take the smallest float subnormal (2^−149) beyond 1 in magnitude. */
    private static final float FLOAT_LIFT = 0x1p127f;

    private TanhWindow() {
    }

    /** ∂φ/∂û at one membrane value, in double. */
    public static double derivative(double uHat, double vth) {
        double width = 2 * vth;
        double z = Math.min(1.0, Math.max(0.0, uHat / width));
        double c = cosh(K * (z - 0.5));
        double edge = Math.min(uHat, width - uHat);
        double inside = Math.min(1.0, Math.max(0.0, DOUBLE_LIFT * (DOUBLE_LIFT * edge) + 1.0));
        return inside * (PEAK / width) / (c * c);
    }

    /** cosh(a) for |a| ≤ 3/2 by its Taylor series (see the class comment), in double. */
    public static double cosh(double a) {
        double s = a * a;
        return 1 + s / 2 * (1 + s / 12 * (1 + s / 30 * (1 + s / 56 * (1 + s / 90 * (1 + s / 132 * (1 + s / 182
                * (1 + s / 240 * (1 + s / 306 * (1 + s / 380)))))))));
    }

    /** {@code out[i] = ∂φ/∂û(uHat[i])} for i in {@code [from, to)}, in double. */
    public static void derivatives(double[] uHat, int from, int to, double vth, double[] out) {
        for (int i = from; i < to; i++) {
            out[i] = derivative(uHat[i], vth);
        }
    }

    /**
     * {@code out[i] = ∂φ/∂û(uHat[i])} for i in {@code [from, to)}, in float arithmetic (within 6·10⁻⁷ of the
     * double value, relative). The series stops after s⁸/16!: the rest is below float resolution.
     */
    public static void derivatives(float[] uHat, int from, int to, double vth, float[] out) {
        float width = (float) (2 * vth);
        float toZ = 1f / width;
        float peak = (float) (PEAK / (2 * vth));
        float k = (float) K;
        for (int i = from; i < to; i++) {
            float u = uHat[i];
            float z = Math.min(1f, Math.max(0f, u * toZ));
            float a = k * (z - 0.5f);
            float s = a * a;
            float c = 1 + s * (1 / 2f) * (1 + s * (1 / 12f) * (1 + s * (1 / 30f) * (1 + s * (1 / 56f)
                    * (1 + s * (1 / 90f) * (1 + s * (1 / 132f) * (1 + s * (1 / 182f) * (1 + s * (1 / 240f))))))));
            float edge = Math.min(u, width - u);
            float inside = Math.min(1f, Math.max(0f, FLOAT_LIFT * (FLOAT_LIFT * edge) + 1f));
            out[i] = inside * peak / (c * c);
        }
    }
}
