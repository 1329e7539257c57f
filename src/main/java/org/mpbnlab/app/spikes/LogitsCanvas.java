package org.mpbnlab.app.spikes;

import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.mpbnlab.app.charts.CanvasFont;
import org.mpbnlab.probe.Recording;

/**
 * The output as it forms: one bar per class with the running average of the readout after step t (the
 * recording's {@code logits[t]}), the label and the answer after t marked, and below a strip with the answer
 * after every step so far (green where it is the label), one box per run of equal answers ({@link AnswerRuns}).
 *
 * <p>Every size comes from the font in use ({@link CanvasFont}): a row is one line of text high, so class names
 * never overlap, and the canvas asks for the height its rows need. When fewer rows fit than there are classes,
 * the classes with the largest values are shown (always with the label), see {@link LogitRows}.
 */
public final class LogitsCanvas extends Region {

    /** Classes assumed before a recording arrives (the glyph and digit sets). */
    private static final int DEFAULT_CLASSES = 10;

    private final Canvas canvas = new Canvas();
    private final Tooltip answers = new Tooltip();
    private final CanvasFont font;
    private Recording recording;
    private List<String> classNames = List.of();
    private final List<String> stripNames = new java.util.ArrayList<>();
    private int sample;
    private int step;

    public LogitsCanvas() {
        getChildren().add(canvas);
        Tooltip.install(canvas, answers);
        font = new CanvasFont(getChildren(), 1, () -> {
            requestLayout();
            redraw();
        });
    }

    public void setContent(Recording recording, List<String> classNames, int sample, int step) {
        boolean moreRows = this.recording == null || recording == null || recording.classes() != this.recording.classes();
        this.recording = recording;
        this.classNames = classNames == null ? List.of() : List.copyOf(classNames);
        this.sample = sample;
        this.step = step;
        if (moreRows) {
            requestLayout();
        }
        redraw();
    }

    /** One row of text, with a little air. */
    private double rowHeight() {
        return font.lineHeight() + 2;
    }

    /** The strip with the answer after each step: a row of cells. */
    private double stripHeight() {
        return rowHeight() + 8;
    }

    private int classes() {
        return recording == null ? DEFAULT_CLASSES : recording.classes();
    }

    @Override
    protected double computePrefHeight(double width) {
        return classes() * rowHeight() + stripHeight() + 6;
    }

    @Override
    protected double computeMinHeight(double width) {
        return Math.min(classes(), LogitRows.MIN_ROWS) * rowHeight() + stripHeight() + 6;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 340;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 14 * font.size();
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != Math.floor(getWidth()) || canvas.getHeight() != Math.floor(getHeight())) {
            canvas.setWidth(Math.floor(getWidth()));
            canvas.setHeight(Math.floor(getHeight()));
            redraw();
        }
    }

    /**
     * The strip: a cell per step, the steps so far coloured (green: the label, red: another class, blue-grey: a
     * drawing), merged into one box per run of equal answers ({@link AnswerRuns}) that carries the class name
     * when the run is wide enough for all of it; a name is never cut (the sentence under the panel names every
     * run in full).
     */
    private void drawStrip(GraphicsContext g, double cellTop, double w, int label) {
        int steps = recording.timeSteps();
        double cell = (w - 4) / steps;
        double cellH = rowHeight() + 2;
        g.setFill(Color.web("#eeeeee"));
        g.fillRect(2, cellTop, w - 4, cellH);
        int[] past = new int[step + 1];
        for (int t = 0; t <= step; t++) {
            past[t] = recording.predictionAfter(t, sample);
        }
        stripNames.clear();
        for (AnswerRuns.Run run : AnswerRuns.of(past)) {
            double x = 2 + run.first() * cell;
            double width = run.steps() * cell - 1;
            g.setFill(run.answer() == label ? Color.web("#c7e9c0") : label < 0 ? Color.web("#dde6f0")
                    : Color.web("#f7c4c4"));
            g.fillRect(x, cellTop, width, cellH);
            String name = name(run.answer());
            if (font.width(name) <= width - 6) {
                g.setFill(Color.BLACK);
                g.fillText(name, x + 3, cellTop + 2);
                stripNames.add(name);
            }
        }
        // a tick at every step boundary, so that the steps stay countable inside a run
        g.setStroke(Color.WHITE);
        g.setLineWidth(1);
        for (int t = 1; t < steps; t++) {
            double x = Math.floor(2 + t * cell) - 0.5;
            g.strokeLine(x, cellTop + cellH - 4, x, cellTop + cellH);
        }
    }

    /** The class names written in the strip's runs at the last drawing (for tests: never a cut name). */
    public List<String> stripNames() {
        return List.copyOf(stripNames);
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
        if (recording == null || w < 2 || h < 2) {
            return;
        }
        g.setFont(font.font());
        g.setTextBaseline(VPos.TOP);
        int classes = recording.classes();
        int steps = recording.timeSteps();
        int label = recording.labels()[sample];
        int answer = recording.predictionAfter(step, sample);
        double lo = 0;
        double hi = 0;
        float[] now = new float[classes];
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < classes; k++) {
                lo = Math.min(lo, recording.logit(t, sample, k));
                hi = Math.max(hi, recording.logit(t, sample, k));
            }
        }
        for (int k = 0; k < classes; k++) {
            now[k] = recording.logit(step, sample, k);
        }
        double rowH = rowHeight();
        double strip = stripHeight();
        int capacity = (int) Math.max(1, Math.floor((h - strip - 6) / rowH));
        List<Integer> shown = LogitRows.shown(now, label, capacity);
        boolean cut = shown.size() < classes;
        double valueW = 0;
        for (int k : shown) {
            valueW = Math.max(valueW, font.width(String.format(Locale.ROOT, "%.2f", now[k])) + 6);
        }
        double nameW = 0;
        for (int k : shown) {
            nameW = Math.max(nameW, font.width(name(k) + " ✓") + 6);
        }
        nameW = Math.min(nameW, 0.5 * w);
        double barW = Math.max(10, w - nameW - valueW - 4);
        double zero = nameW + barW * (0 - lo) / Math.max(1e-9, hi - lo);
        g.setStroke(Color.web("#999999"));
        g.strokeLine(zero, 2, zero, shown.size() * rowH + 2);
        for (int row = 0; row < shown.size(); row++) {
            int k = shown.get(row);
            double y = 2 + row * rowH;
            float v = now[k];
            double end = nameW + barW * (v - lo) / Math.max(1e-9, hi - lo);
            g.setFill(k == answer ? (answer == label || label < 0 ? Color.web("#2ca02c") : Color.web("#d62728"))
                    : Color.web("#9ab8d6"));
            g.fillRect(Math.min(zero, end), y + 2, Math.abs(end - zero), rowH - 4);
            g.setFill(k == label ? Color.BLACK : Color.web("#444444"));
            g.fillText(font.fit(name(k) + (k == label ? " ✓" : ""), nameW - 4), 2, y + 1);
            g.fillText(String.format(Locale.ROOT, "%.2f", v), nameW + barW + 4, y + 1);
        }
        double top = h - strip;
        drawStrip(g, top + 2, w, label);
        StringBuilder every = new StringBuilder("Bars: the running average of the output after step " + (step + 1)
                + " (the prediction is the largest).\nStrip: the answer after each step, a cell per step, one name per"
                + " run of equal answers (green: the label).");
        if (cut) {
            every.append("\n").append(classes - shown.size()).append(" classes with smaller values are not listed.");
        }
        for (int t = 0; t <= step; t++) {
            int a = recording.predictionAfter(t, sample);
            every.append(String.format(Locale.ROOT, "%n  step %d: %s%s", t + 1, name(a),
                    label < 0 ? "" : a == label ? " ✓" : " ✗"));
        }
        answers.setText(every.toString());
    }
}
