package org.mpbnlab.snn;

/**
 * When a fast kernel may decide a spike differently from the double-precision reference step
 * ({@code snn.reference.LifStep}): only at a <em>float tie</em>.
 *
 * <p>The comparison runs in lockstep: at every step the reference starts from the engine's own state
 * (its stored u_pre and spikes of the step before), so one disagreement never carries into the next step.
 * The engine computes in its data type with unit roundoff {@code r} (2⁻²⁴ for float32, 2⁻⁵³ for float64);
 * the reference computes in double from the same stored inputs, parameters and statistics. Per neuron:
 * <pre>
 *   δu   = 4r·(τ·|u[t−1]| + |x| + |u_pre|)                        charge: τ, the product and the sum round
 *   δv   = |scale|·(δu + δμ + 4r·(|u_pre| + |μ|)) + |û − β|·ρ + 4r·(|û| + |β|)   MPBN (û = γ·invStd·(u_pre − μ) + β)
 * </pre>
 * with {@code scale = γ/sqrt(σ² + ε)}; δμ and ρ (the relative error of 1/sqrt(σ² + ε)) are 0 with given
 * statistics and, in training, the bounds of the batch statistics computed from the engine's rounded
 * u_pre ({@link #meanBound}, {@link #inverseStdBound}). Without MPBN, and for folded neurons, the compared
 * value is u_pre itself: {@code δv = δu}.
 *
 * <p>The rule: every engine value lies within its bound of the reference (u_pre within δu, the compared
 * value within δv); the engine's spike is exactly its own stored value compared with the threshold; and a
 * spike may differ from the reference's only where the reference's compared value v is within δv of the
 * threshold, {@code |v − V_th| ≤ δv} (for folded neurons: of Ṽ). Such ties are counted, and a test
 * requires them to be rare.
 */
final class FloatTieRule {

    private final double unit;

    private FloatTieRule(double unit) {
        this.unit = unit;
    }

    static FloatTieRule forFloat(boolean single) {
        return new FloatTieRule(single ? 0x1p-24 : 0x1p-53);
    }

    /** δu of one neuron's charge. */
    double chargeBound(double tau, double previousMembrane, double input, double uPre) {
        return 4 * unit * (tau * Math.abs(previousMembrane) + Math.abs(input) + Math.abs(uPre)) + Double.MIN_NORMAL;
    }

    /** δv of one neuron's MPBN value û. */
    double normalizedBound(double scale, double chargeBound, double meanBound, double inverseStdBound, double uPre,
                           double mean, double uHat, double beta) {
        return Math.abs(scale) * (chargeBound + meanBound + 4 * unit * (Math.abs(uPre) + Math.abs(mean)))
                + Math.abs(uHat - beta) * inverseStdBound + 4 * unit * (Math.abs(uHat) + Math.abs(beta))
                + Double.MIN_NORMAL;
    }

    /**
     * δμ of the mean of n values, each within the largest δu of the reference's: that δu, plus the rounding
     * of the engine's sum (in its own arithmetic for one neuron per group, in double otherwise).
     */
    double meanBound(double largestChargeBound, double largestMagnitude, double n) {
        return largestChargeBound + 4 * n * unit * largestMagnitude;
    }

    /**
     * ρ, the relative error of 1/sqrt(σ² + ε) when every value is within d of the reference's: the biased
     * variance moves by at most {@code 2·σ·d + d²} (σ the reference's deviation), plus the rounding of the
     * engine's sums of squares, {@code 8n·r·max|u|²}; 1/sqrt moves by at most half of that relative to σ² + ε.
     */
    double inverseStdBound(double variance, double epsilon, double d, double largestMagnitude, double n) {
        double shift = 2 * Math.sqrt(variance) * d + d * d + 8 * n * unit * largestMagnitude * largestMagnitude;
        return 0.5 * shift / (variance + epsilon) + 4 * unit;
    }
}
