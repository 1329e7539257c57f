package org.mpbnlab.probe;

import org.mpbnlab.data.DataSplit;
import org.mpbnlab.snn.Network;
import org.mpbnlab.train.InputFeeder;
import org.mpbnlab.train.Predictions;

/**
 * A network's decision regions over a 2-D input plane: the class it predicts (in evaluation mode) at the
 * centre of every cell of a {@code resolution × resolution} grid that covers the given points with a
 * margin. Cell (column, row) has its centre at
 * <pre>
 *   x = xMin + (column + ½)·(xMax − xMin)/resolution,   y = yMin + (row + ½)·(yMax − yMin)/resolution
 * </pre>
 * and its class at {@code classes[row·resolution + column]} (row 0 at the bottom, y = yMin).
 *
 * @param xMin       left edge of the grid, in the network's input units
 * @param xMax       right edge
 * @param yMin       bottom edge
 * @param yMax       top edge
 * @param resolution cells per side
 * @param classes    predicted class per cell, row-major from the bottom row
 */
public record DecisionMap(double xMin, double xMax, double yMin, double yMax, int resolution, int[] classes) {

    /** The grid reaches this share of the points' span beyond their outermost ones on every side. */
    public static final double MARGIN = 0.1;
    /** Samples per forward pass while the grid is evaluated. */
    private static final int BATCH = 256;

    public DecisionMap {
        if (resolution < 1 || classes.length != resolution * resolution) {
            throw new IllegalArgumentException("a " + resolution + "×" + resolution + " grid needs "
                    + resolution * resolution + " classes, got " + classes.length);
        }
        classes = classes.clone();
    }

    @Override
    public int[] classes() {
        return classes.clone();
    }

    /** The predicted class of cell ({@code column}, {@code row}), row 0 at the bottom. */
    public int classAt(int column, int row) {
        return classes[row * resolution + column];
    }

    /** x of the centre of column {@code column}. */
    public double centreX(int column) {
        return xMin + (column + 0.5) * (xMax - xMin) / resolution;
    }

    /** y of the centre of row {@code row}. */
    public double centreY(int row) {
        return yMin + (row + 0.5) * (yMax - yMin) / resolution;
    }

    /**
     * Evaluates {@code network} at the centre of every cell of a grid over {@code points} (2-D samples, as
     * the network takes them) with {@link #MARGIN} on every side.
     */
    public static DecisionMap of(Network network, DataSplit points, InputFeeder feeder, int resolution) {
        if (points.sampleSize() != 2 || points.count() == 0) {
            throw new IllegalArgumentException("decision regions need 2-D points, got samples of shape "
                    + java.util.Arrays.toString(points.sampleShape()));
        }
        float[] xy = points.features();
        double[] bounds = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
        for (int i = 0; i < points.count(); i++) {
            bounds[0] = Math.min(bounds[0], xy[2 * i]);
            bounds[1] = Math.max(bounds[1], xy[2 * i]);
            bounds[2] = Math.min(bounds[2], xy[2 * i + 1]);
            bounds[3] = Math.max(bounds[3], xy[2 * i + 1]);
        }
        double padX = Math.max(1e-3, MARGIN * (bounds[1] - bounds[0]));
        double padY = Math.max(1e-3, MARGIN * (bounds[3] - bounds[2]));
        DecisionMap empty = new DecisionMap(bounds[0] - padX, bounds[1] + padX, bounds[2] - padY, bounds[3] + padY,
                resolution, new int[resolution * resolution]);
        float[] centres = new float[2 * resolution * resolution];
        for (int row = 0; row < resolution; row++) {
            for (int column = 0; column < resolution; column++) {
                int cell = row * resolution + column;
                centres[2 * cell] = (float) empty.centreX(column);
                centres[2 * cell + 1] = (float) empty.centreY(row);
            }
        }
        DataSplit grid = new DataSplit(centres, new int[resolution * resolution], new int[] {2},
                points.normalisation());
        int[] predicted = Predictions.of(network, grid, feeder, BATCH).predictions();
        return new DecisionMap(empty.xMin, empty.xMax, empty.yMin, empty.yMax, resolution, predicted);
    }
}
