package org.mpbnlab.snn;

/** Where MPBN pools its statistics (docs/mathematics.md §2). */
public enum MpbnMode {
    /** Plain LIF: the membrane is compared with V_th as it is. */
    OFF("off"),
    /** Per channel c: statistics over (B, H, W) of the current step. */
    CHANNEL("channel"),
    /** Per neuron (c, h, w): statistics over B of the current step. Same as CHANNEL for dense layers. */
    ELEMENT("element");

    private final String id;

    MpbnMode(String id) {
        this.id = id;
    }
    public String id() {
        return id;
    }
    public static MpbnMode byId(String id) {
        return NamedChoices.byId(values(), MpbnMode::id, id, "MPBN mode");
    }
}
