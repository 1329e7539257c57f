package org.mpbnlab.snn;

/**
 * The comparison of every position j of a row: fire when {@code sign_j·u_pre > signedThreshold_j}, with
 * {@code sign_j = +1, signedThreshold_j = Ṽ_j} for {@code u_pre > Ṽ_j} and {@code sign_j = −1,
 * signedThreshold_j = −Ṽ_j} for {@code u_pre < Ṽ_j} (negation is exact). Plain LIF is Ṽ_j = V_th, +1.
 */
final class ThresholdRow {

    private final double[] sign;
    private final double[] signedThreshold;
    private final boolean allAbove;

    ThresholdRow(double[] sign, double[] signedThreshold) {
        if (sign.length != signedThreshold.length) {
            throw new IllegalArgumentException("sign and threshold rows differ in length");
        }
        this.sign = sign;
        this.signedThreshold = signedThreshold;
        boolean above = true;
        for (double s : sign) {
            above &= s > 0;
        }
        this.allAbove = above;
    }

    /** Every position compares {@code u_pre > threshold}. */
    static ThresholdRow constant(int rowSize, double threshold) {
        double[] sign = new double[rowSize];
        double[] signed = new double[rowSize];
        java.util.Arrays.fill(sign, 1.0);
        java.util.Arrays.fill(signed, threshold);
        return new ThresholdRow(sign, signed);
    }

    double[] sign() {
        return sign;
    }

    double[] signedThreshold() {
        return signedThreshold;
    }

    /** True when every position compares {@code u_pre > Ṽ_j} (no γ &lt; 0), so the sign can be skipped. */
    boolean allAbove() {
        return allAbove;
    }

    int size() {
        return sign.length;
    }
}
