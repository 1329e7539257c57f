package org.mpbnlab.data;

/**
 * A tiny anti-aliased rasteriser for glyphs: strokes (line segments of a given width) and filled
 * dots, drawn in glyph coordinates (roughly [−1, 1]²) through an affine map onto a square grid of
 * pixels.
 *
 * <p>The ink of a pixel is its approximate coverage, from the distance {@code d} of its centre to
 * the shape:
 * <pre>
 *   stroke of half-width h:  ink = clip(h + ½ − d(centre, segment), 0, 1)
 *   dot of radius r:         ink = clip(r + ½ − |centre − c|, 0, 1)
 * </pre>
 * Overlapping shapes take the maximum ink, so crossings do not get brighter.
 */
final class GlyphCanvas {

    private final int size;
    private final float[] pixels;
    private int offset;
    private double a, b, c, d, tx, ty;
    private double halfWidth;

    GlyphCanvas(int size, float[] pixels) {
        this.size = size;
        this.pixels = pixels;
    }

    /** Draws into {@code pixels[offset, offset + size²)}. */
    void target(int offset) {
        this.offset = offset;
    }

    /** Glyph point (u, v) lands on pixel (a·u + b·v + tx, c·u + d·v + ty). */
    void transform(double a, double b, double c, double d, double tx, double ty) {
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
        this.tx = tx;
        this.ty = ty;
    }

    /** Stroke width in pixels for the following strokes. */
    void strokeWidth(double width) {
        this.halfWidth = width / 2;
    }

    /** A closed or open polyline through glyph points {@code u0, v0, u1, v1, ...}. */
    void polyline(boolean closed, double... uv) {
        int points = uv.length / 2;
        for (int i = 0; i + 1 < points; i++) {
            stroke(uv[2 * i], uv[2 * i + 1], uv[2 * i + 2], uv[2 * i + 3]);
        }
        if (closed && points > 2) {
            stroke(uv[2 * points - 2], uv[2 * points - 1], uv[0], uv[1]);
        }
    }

    /** A circle outline of radius {@code r} around (cu, cv), drawn as a 24-gon. */
    void ring(double cu, double cv, double r) {
        int sides = 24;
        double[] uv = new double[2 * sides];
        for (int i = 0; i < sides; i++) {
            double angle = 2 * Math.PI * i / sides;
            uv[2 * i] = cu + r * Math.cos(angle);
            uv[2 * i + 1] = cv + r * Math.sin(angle);
        }
        polyline(true, uv);
    }

    /** A straight stroke from (u0, v0) to (u1, v1). */
    void stroke(double u0, double v0, double u1, double v1) {
        double x0 = a * u0 + b * v0 + tx;
        double y0 = c * u0 + d * v0 + ty;
        double x1 = a * u1 + b * v1 + tx;
        double y1 = c * u1 + d * v1 + ty;
        double reach = halfWidth + 1;
        int left = clampIndex(Math.floor(Math.min(x0, x1) - reach));
        int right = clampIndex(Math.ceil(Math.max(x0, x1) + reach));
        int top = clampIndex(Math.floor(Math.min(y0, y1) - reach));
        int bottom = clampIndex(Math.ceil(Math.max(y0, y1) + reach));
        double dx = x1 - x0;
        double dy = y1 - y0;
        double lengthSquared = dx * dx + dy * dy;
        for (int y = top; y <= bottom; y++) {
            double py = y + 0.5;
            for (int x = left; x <= right; x++) {
                double px = x + 0.5;
                double t = lengthSquared == 0 ? 0 : ((px - x0) * dx + (py - y0) * dy) / lengthSquared;
                t = Math.max(0, Math.min(1, t));
                double ex = px - (x0 + t * dx);
                double ey = py - (y0 + t * dy);
                ink(x, y, halfWidth + 0.5 - Math.sqrt(ex * ex + ey * ey));
            }
        }
    }

    /** A filled dot of radius {@code r} (glyph units, scaled by the map's mean stretch). */
    void dot(double cu, double cv, double r) {
        double cx = a * cu + b * cv + tx;
        double cy = c * cu + d * cv + ty;
        double radius = r * Math.sqrt(Math.abs(a * d - b * c));
        int left = clampIndex(Math.floor(cx - radius - 1));
        int right = clampIndex(Math.ceil(cx + radius + 1));
        int top = clampIndex(Math.floor(cy - radius - 1));
        int bottom = clampIndex(Math.ceil(cy + radius + 1));
        for (int y = top; y <= bottom; y++) {
            for (int x = left; x <= right; x++) {
                double ex = x + 0.5 - cx;
                double ey = y + 0.5 - cy;
                ink(x, y, radius + 0.5 - Math.sqrt(ex * ex + ey * ey));
            }
        }
    }

    private void ink(int x, int y, double coverage) {
        if (coverage <= 0) {
            return;
        }
        int index = offset + y * size + x;
        float value = (float) Math.min(1, coverage);
        if (value > pixels[index]) {
            pixels[index] = value;
        }
    }

    private int clampIndex(double value) {
        return (int) Math.max(0, Math.min(size - 1, value));
    }
}
