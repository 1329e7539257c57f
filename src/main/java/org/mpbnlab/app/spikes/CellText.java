package org.mpbnlab.app.spikes;

/**
 * A label shortened to fit a cell of a canvas, ending in "…" when cut, so that it never runs into the next
 * cell. Widths are estimated at {@value #CHAR_WIDTH} px per character (the canvases' 12 px font), with
 * {@value #PADDING} px kept free.
 */
final class CellText {

    static final double CHAR_WIDTH = 7;
    static final double PADDING = 6;

    private CellText() {
    }

    /** {@code text} if it fits {@code width} px, else its start and "…" (at least one character). */
    static String fit(String text, double width) {
        int room = (int) Math.floor((width - PADDING) / CHAR_WIDTH);
        if (text.length() <= Math.max(1, room)) {
            return text;
        }
        return room <= 1 ? text.substring(0, 1) : text.substring(0, room - 1) + "…";
    }
}
