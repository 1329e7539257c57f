package org.mpbnlab.app.spikes;

import java.nio.IntBuffer;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.mpbnlab.probe.LayerRecording;

/**
 * The spikes of one LIF layer for one sample, drawn on a {@link Canvas} through one {@link WritableImage}
 * (one pixel per cell, scaled up without smoothing), never one node per spike, so that even a conv layer of
 * 25 088 neurons redraws in well under a millisecond. Two layouts:
 * <ul>
 *   <li>{@link Layout#NEURONS_BY_STEP}: neurons down, steps across; when the layer has more neurons than the
 *   canvas has pixel rows, a row stands for a band of neurons and its darkness is the fraction that spiked;</li>
 *   <li>{@link Layout#CHANNEL_MAPS} (conv layers): one H×W map per channel, the spikes of the current step.</li>
 * </ul>
 * Steps after the current one are left empty, so playing fills the raster step by step. Reusable: set the
 * layer ({@link #setLayer}), the step ({@link #setTimeStep}), highlighted neurons ({@link #setHighlights}),
 * marked cells such as spikes that differ between two networks ({@link #setMarks}), and what a click picks
 * ({@link #setOnPick}).
 */
public final class SpikeRasterCanvas extends Region {

    /** How the cells are laid out. */
    public enum Layout { NEURONS_BY_STEP, CHANNEL_MAPS }

    /** What a click on the canvas picked. */
    @FunctionalInterface
    public interface PickHandler {
        void picked(int neuron, int step);
    }

    private static final int SPIKE = 0xff202020;
    private static final int SILENT = 0xffffffff;
    private static final int FUTURE = 0xffeeeeee;
    private static final int GAP = 0xffb0b0b0;
    private static final int MARK = 0xffe8590c;
    private static final int CURRENT_SILENT = 0xfffff4c2;

    private final Layout layout;
    private final Canvas canvas = new Canvas();
    private LayerRecording layer;
    /** The layer's spikes counted off the UI thread, or null (then the raster counts them itself). */
    private SpikeTally tally;
    private int sample;
    private int step;
    private BitSet[] marks;
    private Map<Integer, Color> highlights = Map.of();
    private PickHandler onPick;
    private WritableImage image;
    private int[] pixels = new int[0];
    // NEURONS_BY_STEP: bands of neurons and how many of each band spiked per step
    private int rows;
    private int[][] bandCounts;
    private boolean[][] bandMarked;
    // CHANNEL_MAPS: the grid of channel maps
    private int columns;
    private long redraws;
    private long redrawNanos;

    public SpikeRasterCanvas(Layout layout) {
        this.layout = layout;
        getChildren().add(canvas);
        getStyleClass().add("spike-raster");
        setMinSize(60, 40);
        setPrefSize(layout == Layout.CHANNEL_MAPS ? 360 : 160, 200);
        canvas.setOnMouseClicked(e -> {
            int[] cell = cellAt(e.getX(), e.getY());
            if (cell != null && onPick != null) {
                onPick.picked(cell[0], cell[1]);
            }
        });
    }

    /** Shows layer {@code recording}'s spikes of sample {@code sample}; null clears the canvas. */
    public void setLayer(LayerRecording recording, int sample) {
        setLayer(recording, sample, null);
    }

    /**
     * Like {@link #setLayer(LayerRecording, int)}, with the spikes of that layer and sample already counted
     * ({@code tally}, or null), so that drawing the raster reads the tally instead of every neuron's spike.
     */
    public void setLayer(LayerRecording recording, int sample, SpikeTally tally) {
        this.layer = recording;
        this.tally = tally;
        this.sample = sample;
        this.marks = null;
        this.bandCounts = null;
        this.step = Math.min(step, recording == null ? 0 : recording.timeSteps() - 1);
        redraw();
    }

    /** The last step drawn (0-based); later steps stay empty. */
    public void setTimeStep(int t) {
        if (t != step) {
            step = t;
            redraw();
        }
    }

    /** Neurons to outline, each in its colour (e.g. the neurons whose traces are shown). */
    public void setHighlights(Map<Integer, Color> neurons) {
        if (neurons.equals(highlights)) {
            return;
        }
        highlights = new LinkedHashMap<>(neurons);
        redraw();
    }

    /** Cells to mark in orange: {@code perStep[t].get(n)} for neuron n at step t (e.g. mismatching spikes), or null. */
    public void setMarks(BitSet[] perStep) {
        marks = perStep == null ? null : perStep.clone();
        bandCounts = null;
        redraw();
    }

    public void setOnPick(PickHandler handler) {
        this.onPick = handler;
    }

    public Layout cellLayout() {
        return layout;
    }

    public int timeStep() {
        return step;
    }

    /** Redraws done and the time they took, for the frame-rate measurement. */
    public long redraws() {
        return redraws;
    }

    public long redrawNanos() {
        return redrawNanos;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            bandCounts = null;
            redraw();
        }
    }

    /** Draws everything again: the image of the cells, then highlights and the current step's frame. */
    public void redraw() {
        long start = System.nanoTime();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (layer == null || w < 2 || h < 2) {
            return;
        }
        if (layout == Layout.CHANNEL_MAPS && layer.convolutional()) {
            drawMaps(g, w, h);
        } else {
            drawRaster(g, w, h);
        }
        redraws++;
        redrawNanos += System.nanoTime() - start;
    }

    private int[] ensureImage(int width, int height) {
        if (image == null || (int) image.getWidth() != width || (int) image.getHeight() != height) {
            image = new WritableImage(width, height);
            pixels = new int[width * height];
        }
        return pixels;
    }

    private void publish(int width, int height) {
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbPreInstance(),
                IntBuffer.wrap(pixels), width);
    }

    // ---- neurons × steps

    /**
     * Counts the spikes of each band and step: from the tally when there is one (and no marks to find), else by
     * reading every neuron's spike; then the bands holding a marked cell.
     */
    private void countBands(int height) {
        int neurons = layer.neurons();
        rows = RasterBands.rows(neurons, height);
        bandCounts = tally != null && marks == null ? RasterBands.count(tally, rows)
                : RasterBands.count(layer, sample, rows);
        bandMarked = new boolean[layer.timeSteps()][rows];
        for (int t = 0; marks != null && t < Math.min(marks.length, bandMarked.length); t++) {
            for (int n = marks[t] == null ? -1 : marks[t].nextSetBit(0); n >= 0 && n < neurons;
                 n = marks[t].nextSetBit(n + 1)) {
                bandMarked[t][band(n)] = true;
            }
        }
    }

    private int band(int neuron) {
        return RasterBands.band(neuron, rows, layer.neurons());
    }

    private int bandSize(int r) {
        return RasterBands.size(r, rows, layer.neurons());
    }

    private void drawRaster(GraphicsContext g, double w, double h) {
        if (bandCounts == null) {
            countBands((int) h);
        }
        int steps = layer.timeSteps();
        int[] px = ensureImage(steps, rows);
        for (int r = 0; r < rows; r++) {
            int size = bandSize(r);
            for (int t = 0; t < steps; t++) {
                int colour;
                if (t > step) {
                    colour = FUTURE;
                } else if (bandMarked[t][r]) {
                    colour = MARK;
                } else if (bandCounts[t][r] == 0) {
                    colour = t == step ? CURRENT_SILENT : SILENT;
                } else {
                    int level = 0xd0 - 0xb0 * bandCounts[t][r] / size;
                    colour = 0xff000000 | level << 16 | level << 8 | level;
                }
                px[r * steps + t] = colour;
            }
        }
        publish(steps, rows);
        g.setImageSmoothing(false);
        g.drawImage(image, 0, 0, w, h);
        double cell = w / steps;
        double rowHeight = h / rows;
        for (Map.Entry<Integer, Color> e : highlights.entrySet()) {
            if (e.getKey() < layer.neurons()) {
                double y = band(e.getKey()) * rowHeight;
                g.setStroke(e.getValue());
                g.setLineWidth(2);
                g.strokeRect(1, y - 1, w - 2, Math.max(rowHeight, 1) + 2);
            }
        }
        g.setStroke(Color.web("#1f77b4"));
        g.setLineWidth(1.5);
        g.strokeRect(step * cell + 0.75, 0.75, cell - 1.5, h - 1.5);
    }

    // ---- channel maps

    private void drawMaps(GraphicsContext g, double w, double h) {
        int[] shape = layer.shape();
        int channels = shape[0];
        int height = shape[1];
        int width = shape[2];
        columns = bestColumns(channels, width + 1, height + 1, w, h);
        int gridRows = (channels + columns - 1) / columns;
        int imageWidth = columns * (width + 1) + 1;
        int imageHeight = gridRows * (height + 1) + 1;
        int[] px = ensureImage(imageWidth, imageHeight);
        java.util.Arrays.fill(px, GAP);
        byte[] spikes = layer.spikes();
        int offset = layer.offset(step, sample);
        BitSet marked = marks != null && step < marks.length ? marks[step] : null;
        for (int c = 0; c < channels; c++) {
            int left = 1 + (c % columns) * (width + 1);
            int top = 1 + (c / columns) * (height + 1);
            for (int y = 0; y < height; y++) {
                int n = (c * height + y) * width;
                int row = (top + y) * imageWidth + left;
                for (int x = 0; x < width; x++) {
                    int colour = spikes[offset + n + x] != 0 ? SPIKE : SILENT;
                    if (marked != null && marked.get(n + x)) {
                        colour = MARK;
                    }
                    px[row + x] = colour;
                }
            }
        }
        publish(imageWidth, imageHeight);
        double scale = Math.min(w / imageWidth, h / imageHeight);
        g.setImageSmoothing(false);
        g.drawImage(image, 0, 0, imageWidth * scale, imageHeight * scale);
        for (Map.Entry<Integer, Color> e : highlights.entrySet()) {
            int n = e.getKey();
            if (n >= layer.neurons()) {
                continue;
            }
            int c = n / (height * width);
            int y = n / width % height;
            int x = n % width;
            double px0 = (1 + (c % columns) * (width + 1) + x) * scale;
            double py0 = (1 + (c / columns) * (height + 1) + y) * scale;
            g.setStroke(e.getValue());
            g.setLineWidth(2);
            g.strokeRect(px0 - 2, py0 - 2, scale + 4, scale + 4);
        }
    }

    /** The number of map columns that makes the maps largest on a w × h canvas. */
    private static int bestColumns(int maps, int cellWidth, int cellHeight, double w, double h) {
        int best = 1;
        double bestScale = 0;
        for (int cols = 1; cols <= maps; cols++) {
            int rowsNeeded = (maps + cols - 1) / cols;
            double scale = Math.min(w / (cols * cellWidth + 1.0), h / (rowsNeeded * cellHeight + 1.0));
            if (scale > bestScale) {
                bestScale = scale;
                best = cols;
            }
        }
        return best;
    }

    /** {neuron, step} under canvas point (x, y), or null. */
    int[] cellAt(double x, double y) {
        if (layer == null) {
            return null;
        }
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (layout == Layout.CHANNEL_MAPS && layer.convolutional()) {
            int[] shape = layer.shape();
            int height = shape[1];
            int width = shape[2];
            int gridRows = (shape[0] + columns - 1) / columns;
            double scale = Math.min(w / (columns * (width + 1) + 1), h / (gridRows * (height + 1) + 1));
            int ix = (int) Math.floor(x / scale) - 1;
            int iy = (int) Math.floor(y / scale) - 1;
            if (ix < 0 || iy < 0 || ix % (width + 1) == width || iy % (height + 1) == height) {
                return null;
            }
            int c = (iy / (height + 1)) * columns + ix / (width + 1);
            if (c >= shape[0] || ix / (width + 1) >= columns) {
                return null;
            }
            return new int[] {(c * height + iy % (height + 1)) * width + ix % (width + 1), step};
        }
        int t = (int) Math.floor(x / (w / layer.timeSteps()));
        int r = (int) Math.floor(y / (h / rows));
        if (t < 0 || t >= layer.timeSteps() || r < 0 || r >= rows) {
            return null;
        }
        // the first neuron of the band that spiked at t, else the band's first neuron
        int first = RasterBands.first(r, rows, layer.neurons());
        int size = bandSize(r);
        for (int n = first; n < first + size; n++) {
            if (layer.spiked(t, sample, n)) {
                return new int[] {n, t};
            }
        }
        return new int[] {first, t};
    }

    /** The canvas point at the centre of neuron n's cell at the current step (for tests and tooltips). */
    public double[] centreOf(int neuron) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (layout == Layout.CHANNEL_MAPS && layer.convolutional()) {
            int[] shape = layer.shape();
            int height = shape[1];
            int width = shape[2];
            int gridRows = (shape[0] + columns - 1) / columns;
            double scale = Math.min(w / (columns * (width + 1) + 1), h / (gridRows * (height + 1) + 1));
            int c = neuron / (height * width);
            int y = neuron / width % height;
            int x = neuron % width;
            return new double[] {(1 + (c % columns) * (width + 1) + x + 0.5) * scale,
                (1 + (c / columns) * (height + 1) + y + 0.5) * scale};
        }
        double cell = w / layer.timeSteps();
        return new double[] {(step + 0.5) * cell, (band(neuron) + 0.5) * (h / rows)};
    }
}
