package org.mpbnlab.app.spikes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.util.Duration;
import javafx.geometry.VPos;
import javafx.scene.text.TextAlignment;
import org.mpbnlab.app.charts.CanvasFont;
import org.mpbnlab.probe.LayerRecording;
import org.mpbnlab.probe.Recording;

/**
 * Membrane traces of the chosen neurons over the steps, each neuron in its colour, every value read from the
 * {@link Recording}: u_pre (solid, dots), û (dashed, when MPBN is on), the input current x (dotted), the
 * folded threshold Ṽ of the neuron's channel (thin steps, from the fold), V_th (black dashes), a triangle
 * where the neuron spiked and a drop to 0 after it (the reset of the raw membrane, u = u_pre·(1 − s)). The
 * tooltip names the line under the mouse and its value.
 */
public final class TraceChart extends Region {

    /** A spike marker as drawn: neuron {@code neuron} of layer {@code layer} spiked at step {@code step}. */
    public record SpikeMarker(int layer, int neuron, int step) {
    }

    /** A point of a line, remembered for the tooltip. */
    private record Point(double x, double y, String text) {
    }

    private static final double RIGHT = 10;
    private static final String EMPTY_HINT =
            "Click a neuron on a raster (or type its number in \"neuron #\") to follow its membrane.";

    private final Canvas canvas = new Canvas();
    /** The font of the tick labels and the hint; the margins are derived from it. */
    private final CanvasFont font;
    private double left;
    private double top;
    private double bottom;
    private final Tooltip tooltip = new Tooltip();
    private final List<SpikeMarker> markers = new ArrayList<>();
    private final List<Point> points = new ArrayList<>();
    private List<AxisLabels.Label> yLabels = List.of();
    private Recording recording;
    private List<TracedNeuron> traces = List.of();
    private int sample;
    private int step;

    public TraceChart() {
        getChildren().add(canvas);
        font = new CanvasFont(getChildren(), 0.9, this::redraw);
        setMinSize(200, 120);
        setPrefSize(340, 220);
        getStyleClass().add("trace-chart");
        tooltip.setShowDelay(Duration.millis(150));
        tooltip.setText("Click a neuron on a raster to add its trace");
        Tooltip.install(canvas, tooltip);
        canvas.setOnMouseMoved(e -> tooltip.setText(describeNear(e.getX(), e.getY())));
    }

    public void setContent(Recording recording, List<TracedNeuron> traces, int sample, int step) {
        this.recording = recording;
        this.traces = List.copyOf(traces);
        this.sample = sample;
        this.step = step;
        redraw();
    }

    /** The values written on the y axis last time, top to bottom as placed (thresholds first). */
    public List<String> yLabels() {
        return yLabels.stream().map(AxisLabels.Label::text).toList();
    }

    /** The spike markers drawn last time, in order. */
    public List<SpikeMarker> markers() {
        return List.copyOf(markers);
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
        g.clearRect(0, 0, w, h);
        markers.clear();
        points.clear();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFont(font.font());
        g.setTextBaseline(VPos.TOP);
        if (recording == null || traces.isEmpty()) {
            yLabels = List.of();
            g.setFill(Color.GRAY);
            double y = 8;
            for (String line : font.wrap(EMPTY_HINT, w - 16)) {
                g.fillText(line, 8, y);
                y += font.lineHeight();
            }
            return;
        }
        int steps = recording.timeSteps();
        double lo = Math.min(0, recording.threshold());
        double hi = Math.max(0, recording.threshold());
        for (TracedNeuron trace : traces) {
            LayerRecording layer = recording.layers().get(trace.layer());
            for (int t = 0; t < steps; t++) {
                lo = Math.min(lo, Math.min(layer.x(t, sample, trace.neuron()), layer.uPre(t, sample, trace.neuron())));
                hi = Math.max(hi, Math.max(layer.x(t, sample, trace.neuron()), layer.uPre(t, sample, trace.neuron())));
                lo = Math.min(lo, layer.compared(t, sample, trace.neuron()));
                hi = Math.max(hi, layer.compared(t, sample, trace.neuron()));
                double vTilde = shownThreshold(layer, t, trace.neuron());
                if (Double.isFinite(vTilde)) {
                    lo = Math.min(lo, vTilde);
                    hi = Math.max(hi, vTilde);
                }
            }
        }
        double pad = Math.max(0.05, 0.08 * (hi - lo));
        final double min = lo - pad;
        final double max = hi + pad;
        top = Math.max(10, 0.8 * font.size());
        bottom = font.lineHeight() + 4;
        double plotH = h - top - bottom;
        java.util.function.DoubleUnaryOperator yOf = v -> top + (max - v) / (max - min) * plotH;
        // the y axis: the thresholds' values first, where a student reads how far u_pre (or û) was past them
        List<AxisLabels.Label> wanted = new ArrayList<>();
        wanted.add(new AxisLabels.Label(yOf.applyAsDouble(recording.threshold()), String.format(Locale.ROOT,
                "V_th %.2f", recording.threshold()), -2));
        for (TracedNeuron trace : traces) {
            LayerRecording layer = recording.layers().get(trace.layer());
            double vTilde = shownThreshold(layer, step, trace.neuron());
            if (showsFoldedThreshold(layer, trace.neuron()) && Double.isFinite(vTilde)) {
                wanted.add(new AxisLabels.Label(yOf.applyAsDouble(vTilde), String.format(Locale.ROOT, "Ṽ %.2f",
                        vTilde), trace.colour()));
            }
        }
        double half = font.lineHeight() / 2;
        wanted.add(new AxisLabels.Label(yOf.applyAsDouble(0), "0", -1));
        wanted.add(new AxisLabels.Label(top + half, String.format(Locale.ROOT, "%.2f", max), -1));
        wanted.add(new AxisLabels.Label(top + plotH - half, String.format(Locale.ROOT, "%.2f", min), -1));
        yLabels = AxisLabels.place(wanted, font.lineHeight());
        left = 0;
        for (AxisLabels.Label label : yLabels) {
            left = Math.max(left, font.width(label.text()) + 8);
        }
        double plotW = w - left - RIGHT;
        java.util.function.IntToDoubleFunction xOf = t -> left + (t + 0.5) * plotW / steps;
        // axes, zero line, ticks
        g.setStroke(Color.web("#999999"));
        g.setLineWidth(1);
        g.setLineDashes();
        g.strokeRect(left, top, plotW, plotH);
        for (AxisLabels.Label label : yLabels) {
            g.setFill(label.colour() == -1 ? Color.web("#444444") : label.colour() == -2 ? Color.BLACK
                    : TracePalette.colour(label.colour()));
            double y = Math.max(top - half + 1, Math.min(top + plotH - half, label.y() - half));
            g.fillText(label.text(), 4, y);
            g.setStroke(Color.web("#999999"));
            g.strokeLine(left - 3, label.y(), left, label.y());
        }
        g.setFill(Color.web("#444444"));
        g.setStroke(Color.web("#dddddd"));
        g.strokeLine(left, yOf.applyAsDouble(0), left + plotW, yOf.applyAsDouble(0));
        // step numbers, every k-th so that they never touch
        int every = 1;
        while (every < steps && font.width(Integer.toString(steps)) + 6 > every * plotW / steps) {
            every++;
        }
        g.setTextAlign(TextAlignment.CENTER);
        for (int t = 0; t < steps; t += every) {
            g.fillText(Integer.toString(t + 1), xOf.applyAsDouble(t), top + plotH + 3);
        }
        g.setTextAlign(TextAlignment.LEFT);
        // the time cursor
        g.setStroke(Color.web("#1f77b4", 0.12));
        g.setLineWidth(plotW / steps);
        g.strokeLine(xOf.applyAsDouble(step), top, xOf.applyAsDouble(step), top + plotH);
        // V_th
        g.setLineWidth(1.2);
        g.setStroke(Color.BLACK);
        g.setLineDashes(6, 4);
        double vth = yOf.applyAsDouble(recording.threshold());
        g.strokeLine(left, vth, left + plotW, vth);
        points.add(new Point(left + plotW - 20, vth, String.format(Locale.ROOT, "V_th = %.3f: a neuron fires when "
                + "the compared value (û with MPBN, else u_pre) is above it", recording.threshold())));
        g.setLineCap(StrokeLineCap.ROUND);
        for (TracedNeuron trace : traces) {
            drawTrace(g, trace, xOf, yOf);
        }
        g.setLineDashes();
    }

    /** True when neuron n has a threshold on u_pre of its own: Ṽ from the fold, or a folded layer's threshold. */
    private boolean showsFoldedThreshold(LayerRecording layer, int n) {
        return layer.foldedThreshold() != null
                || !layer.normalizes() && layer.membraneThreshold(0, n) != recording.threshold();
    }

    /** The threshold on u_pre: Ṽ of the neuron's group (folded), or V_th for a plain layer; NaN for a constant group. */
    private static double shownThreshold(LayerRecording layer, int t, int n) {
        return layer.membraneDirection(t, n) == 0 ? Double.NaN : layer.membraneThreshold(t, n);
    }

    private void drawTrace(GraphicsContext g, TracedNeuron trace, java.util.function.IntToDoubleFunction xOf,
                           java.util.function.DoubleUnaryOperator yOf) {
        LayerRecording layer = recording.layers().get(trace.layer());
        int n = trace.neuron();
        int steps = recording.timeSteps();
        Color colour = TracePalette.colour(trace.colour());
        String who = NeuronNames.of(layer, n);
        // Ṽ: the folded threshold on u_pre, per step
        if (showsFoldedThreshold(layer, n)) {
            g.setStroke(colour.deriveColor(0, 1, 1, 0.7));
            g.setLineWidth(1);
            g.setLineDashes(2, 3);
            for (int t = 0; t < steps; t++) {
                double v = shownThreshold(layer, t, n);
                if (Double.isFinite(v)) {
                    double y = yOf.applyAsDouble(v);
                    g.strokeLine(xOf.applyAsDouble(t) - 0.5 * (xOf.applyAsDouble(1) - xOf.applyAsDouble(0)), y,
                            xOf.applyAsDouble(t) + 0.5 * (xOf.applyAsDouble(1) - xOf.applyAsDouble(0)), y);
                    points.add(new Point(xOf.applyAsDouble(t), y, String.format(Locale.ROOT,
                            "%s, t = %d: Ṽ = %.4f, the folded threshold of its channel: u_pre above Ṽ ⇔ û above V_th",
                            who, t + 1, v)));
                }
            }
        }
        // x, the input current
        g.setLineDashes(1.5, 3);
        g.setLineWidth(1.2);
        g.setStroke(colour.deriveColor(0, 0.6, 1, 0.8));
        line(g, steps, xOf, t -> yOf.applyAsDouble(layer.x(t, sample, n)));
        for (int t = 0; t < steps; t++) {
            points.add(new Point(xOf.applyAsDouble(t), yOf.applyAsDouble(layer.x(t, sample, n)), String.format(
                    Locale.ROOT, "%s, t = %d: x = %.4f, the input current that charges the membrane", who, t + 1,
                    layer.x(t, sample, n))));
        }
        // û
        if (layer.normalizes()) {
            g.setLineDashes(7, 4);
            g.setLineWidth(1.5);
            g.setStroke(colour);
            line(g, steps, xOf, t -> yOf.applyAsDouble(layer.compared(t, sample, n)));
            for (int t = 0; t < steps; t++) {
                points.add(new Point(xOf.applyAsDouble(t), yOf.applyAsDouble(layer.compared(t, sample, n)),
                        String.format(Locale.ROOT, "%s, t = %d: û = %.4f after MPBN, %.4f %s V_th", who, t + 1,
                                layer.compared(t, sample, n), Math.abs(layer.compared(t, sample, n) - recording.threshold()),
                                layer.compared(t, sample, n) > recording.threshold() ? "above" : "below")));
            }
        }
        // u_pre with dots, spike markers, resets
        g.setLineDashes();
        g.setLineWidth(2);
        g.setStroke(colour);
        line(g, steps, xOf, t -> yOf.applyAsDouble(layer.uPre(t, sample, n)));
        g.setFill(colour);
        for (int t = 0; t < steps; t++) {
            double x = xOf.applyAsDouble(t);
            double y = yOf.applyAsDouble(layer.uPre(t, sample, n));
            g.fillOval(x - 2.5, y - 2.5, 5, 5);
            double vTilde = shownThreshold(layer, t, n);
            String past = showsFoldedThreshold(layer, n) && Double.isFinite(vTilde) ? String.format(Locale.ROOT,
                    ", %.4f %s Ṽ = %.4f", Math.abs(layer.uPre(t, sample, n) - vTilde),
                    layer.uPre(t, sample, n) > vTilde ? "above" : "below", vTilde) : "";
            points.add(new Point(x, y, String.format(Locale.ROOT, "%s, t = %d: u_pre = %.4f = τ·u[t−1] + x[t]%s%s", who,
                    t + 1, layer.uPre(t, sample, n), past,
                    layer.spiked(t, sample, n) ? "; it spiked, then u = 0 (reset)" : "")));
            if (layer.spiked(t, sample, n)) {
                markers.add(new SpikeMarker(trace.layer(), n, t));
                g.fillPolygon(new double[] {x - 5, x + 5, x}, new double[] {top + 1, top + 1, top + 9}, 3);
                points.add(new Point(x, top + 5, String.format(Locale.ROOT, "%s spiked at t = %d", who, t + 1)));
                double zero = yOf.applyAsDouble(0);
                double half = 0.35 * (xOf.applyAsDouble(1) - xOf.applyAsDouble(0));
                g.setLineWidth(1.2);
                g.setLineDashes(3, 2);
                g.strokeLine(x, y, x + half, zero);
                g.setLineDashes();
                g.setLineWidth(2);
                points.add(new Point(x + half, zero, String.format(Locale.ROOT,
                        "%s, t = %d: reset after the spike, u = u_pre·(1 − s) = 0", who, t + 1)));
            }
        }
    }

    private static void line(GraphicsContext g, int steps, java.util.function.IntToDoubleFunction xOf,
                             java.util.function.IntToDoubleFunction yOf) {
        g.beginPath();
        for (int t = 0; t < steps; t++) {
            if (t == 0) {
                g.moveTo(xOf.applyAsDouble(t), yOf.applyAsDouble(t));
            } else {
                g.lineTo(xOf.applyAsDouble(t), yOf.applyAsDouble(t));
            }
        }
        g.stroke();
    }

    private String describeNear(double x, double y) {
        Point best = null;
        double bestDistance = 14;
        for (Point p : points) {
            double d = Math.hypot(p.x() - x, p.y() - y);
            if (d <= bestDistance) { // on a tie the line drawn later wins: u_pre over the x it equals
                bestDistance = d;
                best = p;
            }
        }
        return best != null ? best.text()
                : "Solid: u_pre (membrane after charging). Dashed: û (after MPBN). Dotted: x (input current). "
                + "Thin steps: Ṽ (folded threshold). Black dashes: V_th. ▼ a spike, then the reset to 0.";
    }
}
