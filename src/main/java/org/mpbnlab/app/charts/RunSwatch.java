package org.mpbnlab.app.charts;

import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeLineCap;

/**
 * The small sample of a run's colour beside its name (legend, run list): a filled square while the palette's colours
 * are still new, then a short thick line in the run's dash pattern ({@link ChartTheme#runDashes}), as its curves are
 * drawn, so that run #9 is told from run #1 by the same dashes in the list as in the charts.
 */
public final class RunSwatch {

    /** Size of the swatch in pixels (the square's side, the line's length is twice it). */
    private static final double SIZE = 12;
    private static final double LINE_WIDTH = 3;

    private RunSwatch() {
    }

    /** The swatch of run number {@code number} (1-based) in {@code theme}'s colours. */
    public static Node of(int number, ChartTheme theme) {
        java.awt.Color c = theme.colour(number - 1);
        Color colour = Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
        float[] dashes = ChartTheme.runDashes(number - 1);
        if (dashes.length == 0) {
            Rectangle square = new Rectangle(SIZE, SIZE, colour);
            square.getStyleClass().add("run-swatch");
            return square;
        }
        Line line = new Line(0, 0, 2 * SIZE + 4, 0);
        line.setStroke(colour);
        line.setStrokeWidth(LINE_WIDTH);
        line.setStrokeLineCap(StrokeLineCap.BUTT);
        for (float dash : dashes) {
            line.getStrokeDashArray().add((double) dash * LINE_WIDTH / 1.5);
        }
        line.getStyleClass().addAll("run-swatch", "dashed-run-swatch");
        return line;
    }
}
