package org.mpbnlab.app.charts;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** How wide a text is drawn on one line: what buttons, boxes, tables and canvases measure their room with. */
public final class TextWidth {

    private TextWidth() {
    }

    /** The width of {@code text} in {@code font}, in pixels; 0 for no text. */
    public static double of(String text, Font font) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text measured = new Text(text);
        measured.setFont(font);
        return measured.getLayoutBounds().getWidth();
    }
}
