package org.mpbnlab.fold;

import org.mpbnlab.snn.FiringThreshold;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The exact fold: the threshold is the float boundary of the evaluation-mode decision itself, found by
 * bisection over the ordered floating-point numbers of the engine's data type (float32 or float64).
 *
 * <p>Because the decision {@code d(u) = [store((u − μ)·scale + β) > V_th]} is monotone in u (see
 * {@link FiringThreshold}), there is a last value Ṽ with {@code d(Ṽ) = false} and every larger value
 * fires (scale &gt; 0); the folded comparison {@code u > Ṽ} then agrees with {@code d} on every finite
 * float, and {@link #verify} proves it by checking Ṽ and its neighbour. For scale &lt; 0 the boundary is
 * the first non-firing value and the comparison is {@code u < Ṽ}. For scale = 0 (γ = 0) the decision is
 * the constant {@code β > V_th}: a constant group ({@link FiringThreshold#constant}).
 * The naive formula {@code μ + (V_th − β)·sqrt(σ² + ε)/γ} is only correct up to rounding.
 */
public final class ExactThreshold {

    private ExactThreshold() {
    }

    /** The folded form of an MPBN decision (see {@link FiringThreshold#normalized}), in the decision's arithmetic. */
    public static FiringThreshold of(FiringThreshold decision) {
        if (!Double.isFinite(decision.mean()) || !Double.isFinite(decision.scale())
                || !Double.isFinite(decision.shift())) {
            throw new IllegalArgumentException("cannot fold MPBN with non-finite statistics or parameters");
        }
        FloatOrder order = FloatOrder.of(decision.arithmetic());
        if (decision.scale() == 0.0) {
            return FiringThreshold.constant(decision.fires(0.0), decision.arithmetic());
        }
        long lo = order.key(Double.NEGATIVE_INFINITY);
        long hi = order.key(Double.POSITIVE_INFINITY);
        boolean rising = decision.scale() > 0;
        // invariant: d(lo) = !rising, d(hi) = rising
        while (lo + 1 < hi) {
            long mid = (lo >> 1) + (hi >> 1) + (lo & hi & 1); // no overflow for float64 keys
            if (decision.fires(order.value(mid)) == rising) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        if (rising) {
            // largest non-firing value; +∞ must fire, so the threshold is at most the largest finite value
            return FiringThreshold.folded(order.value(lo), 1, decision.arithmetic());
        }
        return FiringThreshold.folded(order.value(hi), -1, decision.arithmetic());
    }

    /**
     * Checks the fold at its boundary: the threshold itself does not fire and its neighbour on the firing
     * side does (for a constant decision: the decision at 0 equals the folded one). With the
     * monotonicity of the decision this proves agreement on every finite value.
     */
    public static boolean verify(FiringThreshold decision, FiringThreshold folded) {
        if (decision.scale() == 0.0) {
            return decision.fires(0.0) == folded.fires(0.0);
        }
        FloatOrder order = FloatOrder.of(decision.arithmetic());
        double edge = folded.threshold();
        double neighbour = folded.direction() > 0 ? order.next(edge) : order.previous(edge);
        return !decision.fires(edge) && decision.fires(neighbour)
                && !folded.fires(edge) && folded.fires(neighbour);
    }

    /** The floating-point numbers of one type in their order, as consecutive integer keys. */
    record FloatOrder(boolean single) {

        static FloatOrder of(DataType type) {
            return new FloatOrder(type == DataType.FLOAT);
        }

        /** Consecutive keys for consecutive values; −0 and +0 share key 0. */
        long key(double value) {
            if (single) {
                int bits = Float.floatToIntBits((float) value);
                return bits >= 0 ? bits : (long) Integer.MIN_VALUE - bits;
            }
            long bits = Double.doubleToLongBits(value);
            return bits >= 0 ? bits : Long.MIN_VALUE - bits;
        }

        double value(long key) {
            if (single) {
                int k = (int) key;
                return Float.intBitsToFloat(k >= 0 ? k : Integer.MIN_VALUE - k);
            }
            return Double.longBitsToDouble(key >= 0 ? key : Long.MIN_VALUE - key);
        }

        double next(double value) {
            return single ? Math.nextUp((float) value) : Math.nextUp(value);
        }

        double previous(double value) {
            return single ? Math.nextDown((float) value) : Math.nextDown(value);
        }
    }
}
