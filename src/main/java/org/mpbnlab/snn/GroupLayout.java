package org.mpbnlab.snn;

/**
 * How the features of one row are grouped for batch normalisation: a row of
 * {@code groups · spatial} values where feature {@code g·spatial + s} belongs to group {@code g}.
 * A channel of a conv layer is a group with {@code spatial = H·W}; a dense feature, or a single
 * neuron in ELEMENT mode, is a group with {@code spatial = 1}.
 */
public record GroupLayout(int groups, int spatial) {

    public GroupLayout {
        if (groups <= 0 || spatial <= 0) {
            throw new IllegalArgumentException("groups and spatial size must be positive");
        }
    }

    /** Values per row. */
    public int rowSize() {
        return groups * spatial;
    }

    /** Channel grouping of a per-sample shape: [F] → F groups of 1, [C, H, W] → C groups of H·W. */
    public static GroupLayout channels(int[] sampleShape) {
        int spatial = 1;
        for (int i = 1; i < sampleShape.length; i++) {
            spatial *= sampleShape[i];
        }
        return new GroupLayout(sampleShape[0], spatial);
    }

    /** One group per element: [C, H, W] → C·H·W groups of 1. */
    public static GroupLayout elements(int[] sampleShape) {
        int size = 1;
        for (int d : sampleShape) {
            size *= d;
        }
        return new GroupLayout(size, 1);
    }
}
