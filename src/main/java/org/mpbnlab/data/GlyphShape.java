package org.mpbnlab.data;

/**
 * The ten classes of the {@code glyphs} set, each drawn in glyph coordinates [−1, 1]² (y down).
 * Some pairs are deliberately alike — ring and ring-with-dot, plus and cross, square and ring at
 * small scale — so that the set is not solved in one epoch.
 */
enum GlyphShape {

    RING("ring") {
        @Override
        void draw(GlyphCanvas canvas) {
            canvas.ring(0, 0, 0.75);
        }
    },
    RING_WITH_DOT("ring with dot") {
        @Override
        void draw(GlyphCanvas canvas) {
            canvas.ring(0, 0, 0.75);
            canvas.dot(0, 0, 0.14);
        }
    },
    SQUARE("square") {
        @Override
        void draw(GlyphCanvas canvas) {
            canvas.polyline(true, -0.65, -0.65, 0.65, -0.65, 0.65, 0.65, -0.65, 0.65);
        }
    },
    TRIANGLE("triangle") {
        @Override
        void draw(GlyphCanvas canvas) {
            canvas.polyline(true, 0, -0.8, 0.75, 0.6, -0.75, 0.6);
        }
    },
    CROSS("cross") {
        @Override
        void draw(GlyphCanvas canvas) {
            canvas.stroke(-0.65, -0.65, 0.65, 0.65);
            canvas.stroke(-0.65, 0.65, 0.65, -0.65);
        }
    },
    PLUS("plus") {
        @Override
        void draw(GlyphCanvas canvas) {
            canvas.stroke(-0.85, 0, 0.85, 0);
            canvas.stroke(0, -0.85, 0, 0.85);
        }
    },
    HORIZONTAL_BAR("horizontal bar") {
        @Override
        void draw(GlyphCanvas canvas) {
            canvas.stroke(-0.85, 0, 0.85, 0);
        }
    },
    VERTICAL_BAR("vertical bar") {
        @Override
        void draw(GlyphCanvas canvas) {
            canvas.stroke(0, -0.85, 0, 0.85);
        }
    },
    TWO_DOTS("two dots") {
        @Override
        void draw(GlyphCanvas canvas) {
            canvas.dot(-0.45, 0, 0.2);
            canvas.dot(0.45, 0, 0.2);
        }
    },
    CORNER("corner") {
        @Override
        void draw(GlyphCanvas canvas) {
            canvas.polyline(false, -0.6, -0.75, -0.6, 0.7, 0.65, 0.7);
        }
    };

    private final String label;

    GlyphShape(String label) {
        this.label = label;
    }

    /** Draws the glyph with the canvas's current transform and stroke width. */
    abstract void draw(GlyphCanvas canvas);

    String label() {
        return label;
    }
}
