package org.mpbnlab.probe;

/**
 * The per-neuron values a probe records at every time step, named exactly, so that every chart can say
 * which membrane value it shows (docs/mathematics.md §1–2).
 */
public enum MembraneQuantity {

    /** {@code x[t]}: the input current reaching the neuron (after Dense/Conv and BN_pre). */
    INPUT_CURRENT("x", "input current x[t] (after the layer's Dense/Conv and BN_pre)"),

    /** {@code u_pre[t] = τ·u[t−1] + x[t]}: the membrane after charging, before MPBN and before the reset. */
    BEFORE_NORM("u_pre", "u_pre: membrane after charging (τ·u[t−1] + x[t]), before MPBN and before the reset"),

    /** {@code û[t] = MPBN(u_pre[t])}: the value compared with V_th (equal to u_pre when MPBN is off). */
    AFTER_NORM("û", "û: membrane after MPBN, the value compared with V_th (spike when û > V_th)");

    private final String symbol;
    private final String explanation;

    MembraneQuantity(String symbol, String explanation) {
        this.symbol = symbol;
        this.explanation = explanation;
    }

    /** The short symbol used on axes and legends. */
    public String symbol() {
        return symbol;
    }

    /** One sentence saying exactly what the value is. */
    public String explanation() {
        return explanation;
    }
}
