package org.mpbnlab.fold;

/**
 * A folded threshold and its comparison: the neuron fires when {@code u_pre > threshold}
 * ({@code direction = +1}) or when {@code u_pre < threshold} ({@code direction = −1}).
 */
public record FoldedThreshold(double threshold, int direction) {

    public boolean fires(double uPre) {
        return direction >= 0 ? uPre > threshold : uPre < threshold;
    }
}
