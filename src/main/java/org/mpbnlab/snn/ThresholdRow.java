package org.mpbnlab.snn;

/**
 * The comparison of every position j of a row: fire when {@code sign_j·u_pre > signedThreshold_j}, with
 * {@code sign_j = +1, signedThreshold_j = Ṽ_j} for {@code u_pre > Ṽ_j} and {@code sign_j = −1,
 * signedThreshold_j = −Ṽ_j} for {@code u_pre < Ṽ_j} (negation is exact). Plain LIF is Ṽ_j = V_th, +1.
 */
record ThresholdRow(double[] sign, double[] signedThreshold) {

    ThresholdRow {
        if (sign.length != signedThreshold.length) {
            throw new IllegalArgumentException("sign and threshold rows differ in length");
        }
    }

    /** Every position compares {@code u_pre > threshold}. */
    static ThresholdRow constant(int rowSize, double threshold) {
        double[] sign = new double[rowSize];
        double[] signed = new double[rowSize];
        java.util.Arrays.fill(sign, 1.0);
        java.util.Arrays.fill(signed, threshold);
        return new ThresholdRow(sign, signed);
    }

    int size() {
        return sign.length;
    }
}
