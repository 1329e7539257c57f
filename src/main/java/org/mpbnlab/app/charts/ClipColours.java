package org.mpbnlab.app.charts;

/**
 * A clip {@code [T, C, H, W]} (e.g. the event frames of moving-bars) as one still picture that keeps its time: each
 * pixel is coloured by <em>when</em> it was lit, blue for the first steps through green to red for the last, and is
 * as bright as it was lit in all (black: never). A bar sweeping to the right becomes a band that turns from blue on
 * the left to red on the right, so the direction of motion, which a sum over the frames hides, can be seen at once.
 *
 * <p>For pixel p, with the clip's values stretched to weights w_t(p) ∈ [0, 1] from its own smallest to its
 * largest value (the mean over C for several channels):
 * <pre>
 *   W(p)    = Σ_t w_t(p)                          how much it was lit
 *   τ(p)    = Σ_t t·w_t(p) / (W(p)·(T − 1))        when, from 0 (first step) to 1 (last step)
 *   colour  = hue 240° − 240°·τ(p), full saturation, brightness min(1, W(p))
 * </pre>
 */
public final class ClipColours {

    /** The hue of the first step (blue); the last step's is 0° (red). */
    public static final double FIRST_HUE = 240;

    private ClipColours() {
    }

    /** The picture of {@code clip} of shape {@code [T, C, H, W]} as ARGB pixels, row by row, {@code H·W} of them. */
    public static int[] argb(float[] clip, int[] shape) {
        if (shape.length != 4) {
            throw new IllegalArgumentException("a clip has shape [T, C, H, W], got " + shape.length + " dimensions");
        }
        int steps = shape[0];
        int channels = shape[1];
        int plane = shape[2] * shape[3];
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : clip) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        float span = hi > lo ? hi - lo : 1;
        int[] pixels = new int[plane];
        for (int p = 0; p < plane; p++) {
            double lit = 0;
            double when = 0;
            for (int t = 0; t < steps; t++) {
                double w = 0;
                for (int c = 0; c < channels; c++) {
                    w += (clip[(t * channels + c) * plane + p] - lo) / span;
                }
                w /= channels;
                lit += w;
                when += t * w;
            }
            double time = lit > 0 && steps > 1 ? when / (lit * (steps - 1)) : 0;
            pixels[p] = hsbToArgb(FIRST_HUE * (1 - time), Math.min(1, lit));
        }
        return pixels;
    }

    /** The colour of a pixel lit only at step {@code t} of {@code steps}, fully: the legend's colours. */
    public static int colourOfStep(int t, int steps) {
        return hsbToArgb(FIRST_HUE * (1 - (steps > 1 ? (double) t / (steps - 1) : 0)), 1);
    }

    /** Hue in degrees, full saturation, brightness in [0, 1], as opaque ARGB. */
    private static int hsbToArgb(double hue, double brightness) {
        double h = (hue % 360 + 360) % 360 / 60;
        int sector = (int) Math.floor(h);
        double f = h - sector;
        double v = brightness;
        double q = v * (1 - f);
        double u = v * f;
        double[] rgb = switch (sector) {
            case 0 -> new double[] {v, u, 0};
            case 1 -> new double[] {q, v, 0};
            case 2 -> new double[] {0, v, u};
            case 3 -> new double[] {0, q, v};
            case 4 -> new double[] {u, 0, v};
            default -> new double[] {v, 0, q};
        };
        return 0xff000000 | channel(rgb[0]) << 16 | channel(rgb[1]) << 8 | channel(rgb[2]);
    }

    private static int channel(double level) {
        return (int) Math.round(255 * Math.max(0, Math.min(1, level)));
    }
}
