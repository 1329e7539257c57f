package org.mpbnlab.app;

import java.awt.Font;
import java.awt.font.GlyphVector;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.Canvas;
import org.jfree.fx.FXGraphics2D;

/**
 * A Java2D graphics that draws onto a scratch canvas and remembers where every piece of text went: its
 * string (when drawn as a string) and the box its ink covers on the page, after rotation. JFreeChart draws
 * titles, legends and tick labels with {@code drawString}, rotated axis titles as glyph vectors.
 */
final class TextRecordingGraphics extends FXGraphics2D {

    /** One piece of text drawn: {@code text} is null for glyphs drawn without their string. */
    record DrawnText(String text, int glyphs, Rectangle2D box) {
    }

    private final List<DrawnText> drawn = new ArrayList<>();

    TextRecordingGraphics(double width, double height) {
        super(new Canvas(width, height).getGraphicsContext2D());
    }

    List<DrawnText> drawn() {
        return drawn;
    }

    @Override
    public void drawString(String text, int x, int y) {
        drawString(text, (float) x, (float) y);
    }

    @Override
    public void drawString(String text, float x, float y) {
        if (!text.isBlank()) {
            Font font = getFont();
            record(text, font.createGlyphVector(getFontRenderContext(), text), x, y);
        }
        super.drawString(text, x, y);
    }

    @Override
    public void drawGlyphVector(GlyphVector glyphs, float x, float y) {
        record(null, glyphs, x, y);
        super.drawGlyphVector(glyphs, x, y);
    }

    private void record(String text, GlyphVector glyphs, float x, float y) {
        Rectangle2D ink = glyphs.getVisualBounds();
        if (ink.isEmpty()) {
            return;
        }
        ink.setRect(ink.getX() + x, ink.getY() + y, ink.getWidth(), ink.getHeight());
        drawn.add(new DrawnText(text, glyphs.getNumGlyphs(), getTransform().createTransformedShape(ink).getBounds2D()));
    }
}
