package org.mpbnlab.app.spikes;

/**
 * The ink of a square drawing pad, {@code size × size} cells with intensities in [0, 1], drawn with a soft round
 * brush. A stroke inks the whole segment between two mouse positions, not only the positions themselves: the
 * mouse reports a quick movement as a few far-apart points, and a line must stay a line.
 *
 * <p>The brush at centre {@code c} (in cells) gives cell {@code (x, y)} the ink
 * {@code clamp(1.6 − |(x + ½, y + ½) − c|, 0, 1)}; a cell keeps the most ink it ever received.
 */
final class InkPad {

    /** Brush centres along a segment are at most this far apart (in cells), so no cell between them stays dark. */
    private static final double STAMP_SPACING = 0.25;

    private final int size;
    private final float[] intensities;

    InkPad(int size) {
        this.size = size;
        this.intensities = new float[size * size];
    }

    /** The ink, row by row ({@code y * size + x}); the pad's own array, read by the caller to draw or record. */
    float[] intensities() {
        return intensities;
    }

    int size() {
        return size;
    }

    void clear() {
        java.util.Arrays.fill(intensities, 0f);
    }

    /** One dab of the brush centred at ({@code cx}, {@code cy}), in cells. */
    void dab(double cx, double cy) {
        for (int y = (int) Math.floor(cy) - 2; y <= (int) Math.floor(cy) + 2; y++) {
            for (int x = (int) Math.floor(cx) - 2; x <= (int) Math.floor(cx) + 2; x++) {
                if (x < 0 || y < 0 || x >= size || y >= size) {
                    continue;
                }
                double distance = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
                float ink = (float) Math.max(0, Math.min(1, 1.6 - distance));
                intensities[y * size + x] = Math.max(intensities[y * size + x], ink);
            }
        }
    }

    /** The brush dragged from ({@code fromX}, {@code fromY}) to ({@code toX}, {@code toY}), in cells. */
    void stroke(double fromX, double fromY, double toX, double toY) {
        double length = Math.hypot(toX - fromX, toY - fromY);
        int dabs = (int) Math.ceil(length / STAMP_SPACING);
        for (int i = 0; i <= dabs; i++) {
            double f = dabs == 0 ? 1 : (double) i / dabs;
            dab(fromX + f * (toX - fromX), fromY + f * (toY - fromY));
        }
    }
}
