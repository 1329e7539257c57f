package org.mpbnlab.fold;

/**
 * A folded threshold and its comparison, as stored in a folded model file:
 * <pre>
 *   direction = +1:  fires ⇔ u_pre &gt; Ṽ
 *   direction = −1:  fires ⇔ u_pre &lt; Ṽ        (γ &lt; 0 flips the comparison)
 *   direction =  0:  constant, u_pre is not looked at: fires always when Ṽ = −1, never when Ṽ = +1   (γ = 0)
 * </pre>
 * A constant group is what γ = 0 leaves of MPBN, {@code û = β}: the comparison would need Ṽ = −∞ (always) or
 * +∞ (never), which a model file cannot hold; the finite ±1 keeps the sign of that infinity. The engine decides
 * every group as {@code direction·u_pre > direction·Ṽ}, and for direction 0 as {@code 0·u_pre > Ṽ}, which is the
 * same rule for every finite membrane.
 */
public record FoldedThreshold(double threshold, int direction) {

    /** Ṽ stored for a constant group that always fires. */
    public static final double ALWAYS = -1.0;
    /** Ṽ stored for a constant group that never fires. */
    public static final double NEVER = 1.0;

    public FoldedThreshold {
        if (direction < -1 || direction > 1) {
            throw new IllegalArgumentException("direction must be +1, −1 or 0 (constant), got " + direction);
        }
        if (direction == 0 && threshold != ALWAYS && threshold != NEVER) {
            throw new IllegalArgumentException("a constant group stores Ṽ = −1 (always fires) or +1 (never), got "
                    + threshold);
        }
    }

    /** A group whose decision does not depend on u_pre (γ = 0). */
    public static FoldedThreshold constant(boolean alwaysFires) {
        return new FoldedThreshold(alwaysFires ? ALWAYS : NEVER, 0);
    }

    public boolean isConstant() {
        return direction == 0;
    }

    /** Whether a neuron with membrane {@code uPre} fires under this threshold. */
    public boolean fires(double uPre) {
        if (direction == 0) {
            return threshold < 0;
        }
        return direction > 0 ? uPre > threshold : uPre < threshold;
    }
}
