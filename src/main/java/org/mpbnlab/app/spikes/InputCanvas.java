package org.mpbnlab.app.spikes;

import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.Normalisation;
import org.mpbnlab.probe.Recording;

/**
 * The input the network got at step t, from the recording: an image (grey or colour; for temporal data the
 * frame of step t), or for 2-D points the point among the gallery's samples coloured by class.
 */
public final class InputCanvas extends Region {

    private final Canvas canvas = new Canvas();
    private Recording recording;
    private Dataset dataset;
    private List<GalleryItem> neighbours = List.of();
    private int sample;
    private int step;

    public InputCanvas() {
        getChildren().add(canvas);
        setMinSize(80, 80);
        setPrefSize(160, 160);
    }

    public void setContent(Recording recording, Dataset dataset, List<GalleryItem> neighbours, int sample, int step) {
        this.recording = recording;
        this.dataset = dataset;
        this.neighbours = List.copyOf(neighbours);
        this.sample = sample;
        this.step = step;
        redraw();
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != Math.floor(getWidth()) || canvas.getHeight() != Math.floor(getHeight())) {
            canvas.setWidth(Math.floor(getWidth()));
            canvas.setHeight(Math.floor(getHeight()));
            redraw();
        }
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.web("#f4f4f4"));
        g.fillRect(0, 0, w, h);
        if (recording == null || dataset == null) {
            return;
        }
        int[] shape = recording.inputShape();
        float[] frame = recording.inputAt(step, sample);
        Normalisation n = dataset.test().normalisation();
        if (shape.length == 3) {
            WritableImage image = Thumbnails.image(frame, shape, n);
            double scale = Math.min(w / shape[2], h / shape[1]);
            g.setImageSmoothing(false);
            g.drawImage(image, (w - shape[2] * scale) / 2, (h - shape[1] * scale) / 2, shape[2] * scale,
                    shape[1] * scale);
        } else if (shape.length == 1 && shape[0] == 2) {
            drawPoints(g, w, h, frame, n);
        } else {
            g.setFill(Color.GRAY);
            g.fillText(shape.length + "-D input of " + frame.length + " values", 6, 20);
        }
    }

    private void drawPoints(GraphicsContext g, double w, double h, float[] point, Normalisation n) {
        float[] all = dataset.test().features();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (GalleryItem item : neighbours) {
            lo = Math.min(lo, Math.min(all[2 * item.index()], all[2 * item.index() + 1]));
            hi = Math.max(hi, Math.max(all[2 * item.index()], all[2 * item.index() + 1]));
        }
        lo = Math.min(lo, Math.min(point[0], point[1]));
        hi = Math.max(hi, Math.max(point[0], point[1]));
        double span = Math.max(1e-6, hi - lo);
        double size = Math.min(w, h) - 12;
        for (GalleryItem item : neighbours) {
            double x = 6 + (all[2 * item.index()] - lo) / span * size;
            double y = 6 + (hi - all[2 * item.index() + 1]) / span * size;
            g.setFill(Thumbnails.classColour(item.label()).deriveColor(0, 1, 1, 0.6));
            g.fillOval(x - 2.5, y - 2.5, 5, 5);
        }
        double x = 6 + (point[0] - lo) / span * size;
        double y = 6 + (hi - point[1]) / span * size;
        g.setStroke(Color.BLACK);
        g.setLineWidth(2);
        g.strokeOval(x - 7, y - 7, 14, 14);
    }
}
