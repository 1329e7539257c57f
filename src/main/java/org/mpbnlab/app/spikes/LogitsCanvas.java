package org.mpbnlab.app.spikes;

import java.util.List;
import java.util.Locale;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.mpbnlab.probe.Recording;

/**
 * The output as it forms: one bar per class with the running average of the readout after step t (the
 * recording's {@code logits[t]}), the label and the answer after t marked, and below a strip with the answer
 * after every step so far (green where it is the label).
 */
public final class LogitsCanvas extends Region {

    private final Canvas canvas = new Canvas();
    private Recording recording;
    private List<String> classNames = List.of();
    private int sample;
    private int step;

    public LogitsCanvas() {
        getChildren().add(canvas);
        setMinSize(200, 120);
        setPrefSize(340, 200);
    }

    public void setContent(Recording recording, List<String> classNames, int sample, int step) {
        this.recording = recording;
        this.classNames = classNames == null ? List.of() : List.copyOf(classNames);
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

    private String name(int k) {
        return k >= 0 && k < classNames.size() ? classNames.get(k) : Integer.toString(k);
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (recording == null) {
            return;
        }
        int classes = recording.classes();
        int steps = recording.timeSteps();
        int label = recording.labels()[sample];
        int answer = recording.predictionAfter(step, sample);
        double lo = 0;
        double hi = 0;
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < classes; k++) {
                lo = Math.min(lo, recording.logit(t, sample, k));
                hi = Math.max(hi, recording.logit(t, sample, k));
            }
        }
        double strip = 34;
        double rowH = Math.max(8, (h - strip - 6) / classes);
        double nameW = Math.min(110, w * 0.35);
        double barW = w - nameW - 60;
        double zero = nameW + barW * (0 - lo) / Math.max(1e-9, hi - lo);
        g.setStroke(Color.web("#999999"));
        g.strokeLine(zero, 2, zero, classes * rowH + 2);
        for (int k = 0; k < classes; k++) {
            double y = 2 + k * rowH;
            float v = recording.logit(step, sample, k);
            double end = nameW + barW * (v - lo) / Math.max(1e-9, hi - lo);
            g.setFill(k == answer ? (answer == label || label < 0 ? Color.web("#2ca02c") : Color.web("#d62728"))
                    : Color.web("#9ab8d6"));
            g.fillRect(Math.min(zero, end), y + 1, Math.abs(end - zero), rowH - 2);
            g.setFill(k == label ? Color.BLACK : Color.web("#444444"));
            String text = name(k) + (k == label ? " ✓" : "");
            g.fillText(text.length() > 16 ? text.substring(0, 16) : text, 2, y + rowH - 2);
            g.fillText(String.format(Locale.ROOT, "%.2f", v), nameW + barW + 6, y + rowH - 2);
        }
        double top = h - strip + 4;
        g.setFill(Color.web("#444444"));
        g.fillText("answer after each step:", 2, top + 2);
        double cell = (w - 4) / steps;
        for (int t = 0; t < steps; t++) {
            int a = recording.predictionAfter(t, sample);
            boolean shown = t <= step;
            g.setFill(!shown ? Color.web("#eeeeee") : a == label ? Color.web("#c7e9c0") : label < 0
                    ? Color.web("#dde6f0") : Color.web("#f7c4c4"));
            g.fillRect(2 + t * cell, top + 6, cell - 1, strip - 12);
            if (shown) {
                g.setFill(Color.BLACK);
                String text = name(a);
                g.fillText(CellText.fit(text, cell), 4 + t * cell, top + strip - 10);
            }
        }
    }
}
