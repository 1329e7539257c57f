package org.mpbnlab.app.data;

import org.mpbnlab.data.DataSplit;

/**
 * The one brightness scale that a set of pictures shown together is drawn with: black at the smallest value of all
 * of them, white at the largest. Each picture stretched to its own range would draw a faint picture (pixels 0–0.2)
 * as bright as a strong one (0.8–1.0), and a class would compare brightnesses that are not there.
 *
 * <p>A grey picture's value at a pixel is the sum over its channels; a colour picture's, each channel's own. With
 * the scale {@code [lo, hi]}, a value v is drawn at level {@code round(255·(v − lo)/(hi − lo))}, clamped to
 * {@code [0, 255]}.
 *
 * @param lo the value drawn black
 * @param hi the value drawn white (equal to {@code lo} when every value is the same: then all are black)
 */
record ImageScale(float lo, float hi) {

    /** The scale of samples {@code indices} of {@code split}, images {@code [C, H, W]}. */
    static ImageScale over(DataSplit split, int[] indices) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int index : indices) {
            for (float[] plane : planes(split, index)) {
                for (float v : plane) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return indices.length == 0 ? new ImageScale(0, 1) : new ImageScale(lo, hi);
    }

    /** The drawing level of {@code value}, 0 (black) to 255 (white). */
    int level(float value) {
        float span = hi > lo ? hi - lo : 1;
        return Math.max(0, Math.min(255, Math.round(255 * (value - lo) / span)));
    }

    /**
     * The planes a sample is drawn from: for three channels, one per colour (red, green, blue); otherwise one, the
     * sum of the channels.
     */
    static float[][] planes(DataSplit split, int index) {
        int[] shape = split.sampleShape();
        int plane = shape[shape.length - 2] * shape[shape.length - 1];
        int channels = shape[shape.length - 3];
        boolean colour = channels == 3;
        float[] values = split.sample(index);
        float[][] pixels = new float[colour ? 3 : 1][plane];
        for (int c = 0; c < channels; c++) {
            float[] target = pixels[colour ? c : 0];
            for (int i = 0; i < plane; i++) {
                target[i] += values[c * plane + i];
            }
        }
        return pixels;
    }
}
