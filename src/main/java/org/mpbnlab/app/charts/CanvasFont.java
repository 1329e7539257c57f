package org.mpbnlab.app.charts;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The font a canvas should draw its text in: the one the theme gives the window's labels (13 px on a desk, 20 px
 * in the classroom theme), so that drawn text is as readable as the controls around it and every size derived
 * from it (row heights, margins) grows with it.
 *
 * <p>How: an invisible, unmanaged {@link Text} is added to the canvas's region. CSS styles it like any text in
 * the window ({@code -fx-font-size} is inherited from {@code .main-window}), so its font is the font in use.
 * {@code scale} enlarges or shrinks it for secondary text (e.g. 0.9 for tick labels).
 */
public final class CanvasFont {

    private final Text probe = new Text("Mg");
    private final double scale;

    /**
     * Adds the probe to {@code children} (a region's children) and calls {@code onChange} whenever the font
     * changes (first styling, theme switch).
     */
    public CanvasFont(ObservableList<Node> children, double scale, Runnable onChange) {
        this.scale = scale;
        probe.setManaged(false);
        probe.setVisible(false);
        probe.setMouseTransparent(true);
        probe.fontProperty().addListener((obs, old, now) -> onChange.run());
        children.add(probe);
    }

    /** The font to draw with. */
    public Font font() {
        Font styled = probe.getFont();
        return scale == 1 ? styled : Font.font(styled.getFamily(), styled.getSize() * scale);
    }

    /** The font's size in pixels. */
    public double size() {
        return font().getSize();
    }

    /** The height of one line of text, ascent to descent. */
    public double lineHeight() {
        return Math.ceil(font().getSize() * 1.25);
    }

    /** The width of {@code text} drawn in {@link #font()}, in pixels. */
    public double width(String text) {
        return TextWidth.of(text, font());
    }

    /** {@code text} if it fits {@code width} px, else its start and "…" (see {@link FittedText}). */
    public String fit(String text, double width) {
        return FittedText.fit(text, width, this::width);
    }

    /**
     * {@code text} broken into lines at spaces so that each is at most {@code width} px wide (a single word wider
     * than that gets a line of its own).
     */
    public java.util.List<String> wrap(String text, double width) {
        return FittedText.wrap(text, width, this::width);
    }
}
