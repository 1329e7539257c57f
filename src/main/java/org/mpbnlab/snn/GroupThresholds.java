package org.mpbnlab.snn;

/**
 * The comparison of every group of a row ({@link GroupLayout}: group g holds positions
 * {@code [g·spatial, (g+1)·spatial)}): fire when {@code sign_g·u_pre > signedThreshold_g}, with
 * {@code sign_g = +1, signedThreshold_g = Ṽ_g} for {@code u_pre > Ṽ_g} and {@code sign_g = −1,
 * signedThreshold_g = −Ṽ_g} for {@code u_pre < Ṽ_g} (negation is exact), and {@code sign_g = 0} for a constant
 * group, whose {@code 0·u_pre} (±0 for every finite membrane) is compared with −1 (always fires) or +1 (never).
 * Plain LIF is one group of the whole row with Ṽ = V_th, +1.
 */
record GroupThresholds(int spatial, double[] sign, double[] signedThreshold) {

    GroupThresholds {
        if (sign.length != signedThreshold.length || spatial <= 0) {
            throw new IllegalArgumentException("one sign and one threshold per group, and a positive group size");
        }
    }

    /** Every position of a row of {@code rowSize} compares {@code u_pre > threshold}. */
    static GroupThresholds constant(int rowSize, double threshold) {
        return new GroupThresholds(rowSize, new double[] {1.0}, new double[] {threshold});
    }

    int groups() {
        return sign.length;
    }

    int rowSize() {
        return sign.length * spatial;
    }
}
