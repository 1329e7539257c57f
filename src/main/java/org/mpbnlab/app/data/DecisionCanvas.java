package org.mpbnlab.app.data;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.mpbnlab.app.charts.ViewContext;
import org.mpbnlab.data.DataSplit;
import org.mpbnlab.probe.DecisionMap;

/**
 * 2-D points over decision regions: each grid cell of the {@link DecisionMap} shaded in the light colour of
 * the class the network predicts there, each training point a dot in its class's colour with a dark rim.
 * The plane keeps its aspect ratio and fills the region.
 */
final class DecisionCanvas extends Region {

    /** Points drawn at most (the first of the training split; enough to show the task). */
    private static final int MAX_POINTS = 2000;

    private final Canvas canvas = new Canvas();
    private final ViewContext context;
    private DataSplit points;
    private DecisionMap map;

    DecisionCanvas(ViewContext context) {
        this.context = context;
        getChildren().add(canvas);
        widthProperty().addListener((obs, old, now) -> draw());
        heightProperty().addListener((obs, old, now) -> draw());
    }

    void show(DataSplit trainingPoints, DecisionMap decisions) {
        this.points = trainingPoints;
        this.map = decisions;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    private void draw() {
        double width = getWidth();
        double height = getHeight();
        canvas.setWidth(width);
        canvas.setHeight(height);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        if (map == null || points == null || width < 10 || height < 10) {
            return;
        }
        double side = Math.min(width, height) - 16;
        double left = (width - side) / 2;
        double top = (height - side) / 2;
        g.drawImage(regionsImage(), left, top, side, side);
        g.setStroke(Color.gray(0.3));
        g.strokeRect(left, top, side, side);
        float[] xy = points.features();
        double radius = 2.5 * context.themeProperty().get().fontScale();
        g.setStroke(Color.gray(0.15));
        g.setLineWidth(0.7);
        for (int i = 0; i < Math.min(points.count(), MAX_POINTS); i++) {
            double x = left + side * (xy[2 * i] - map.xMin()) / (map.xMax() - map.xMin());
            double y = top + side * (1 - (xy[2 * i + 1] - map.yMin()) / (map.yMax() - map.yMin()));
            g.setFill(colour(points.label(i), 1.0));
            g.fillOval(x - radius, y - radius, 2 * radius, 2 * radius);
            g.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
        }
    }

    /** One pixel per cell, row 0 at the bottom, in the classes' colours lightened towards white. */
    private WritableImage regionsImage() {
        int n = map.resolution();
        WritableImage image = new WritableImage(n, n);
        PixelWriter writer = image.getPixelWriter();
        for (int row = 0; row < n; row++) {
            for (int column = 0; column < n; column++) {
                writer.setColor(column, n - 1 - row, colour(map.classAt(column, row), 0.3));
            }
        }
        return image;
    }

    /** The class's theme colour at {@code strength} (1: full, smaller: mixed with white). */
    private Color colour(int label, double strength) {
        java.awt.Color c = context.themeProperty().get().colour(label);
        Color full = Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
        return Color.WHITE.interpolate(full, strength);
    }

    /** The decision map drawn (for tests). */
    DecisionMap map() {
        return map;
    }
}
