package org.mpbnlab.app.spikes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.mpbnlab.probe.LayerRecording;

/**
 * One LIF layer in the Spikes view: its name with the spike count and firing rate at the current step, the
 * raster (neurons × steps), for conv layers the spike maps per channel, and a strip with the spike count of
 * every step. Clicking a neuron asks for its trace.
 */
final class LayerPanel {

    private final SpikesViewModel model;
    private final int index;
    private final Label title = new Label();
    private final Label countsCaption = new Label();
    private final SpikeRasterCanvas raster = new SpikeRasterCanvas(SpikeRasterCanvas.Layout.NEURONS_BY_STEP);
    private final SpikeRasterCanvas maps = new SpikeRasterCanvas(SpikeRasterCanvas.Layout.CHANNEL_MAPS);
    private final Canvas counts = new Canvas(150, 34);
    private final VBox root;
    private final NeuronTooltip rasterTip;
    private final NeuronTooltip mapsTip;
    private LayerRecording layer;
    private int[] spikeCounts = new int[0];
    private int shownStep;

    LayerPanel(SpikesViewModel model, int index, LayerRecording layer) {
        this.model = model;
        this.index = index;
        title.getStyleClass().add("caption");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        countsCaption.setWrapText(true);
        countsCaption.setMinHeight(Region.USE_PREF_SIZE);
        countsCaption.getStyleClass().add("counts-caption");
        countsCaption.setId("counts-caption-" + index);
        raster.setId("raster-" + index);
        maps.setId("maps-" + index);
        raster.setOnPick((neuron, step) -> model.toggleTrace(index, neuron));
        maps.setOnPick((neuron, step) -> model.toggleTrace(index, neuron));
        rasterTip = new NeuronTooltip(raster, "Spikes of every neuron (down) at every step (across) up to the "
                + "cursor; a band of neurons when there are more than pixels, darker = more of them spiked. "
                + "Click a neuron to follow its membrane.", () -> this.layer);
        mapsTip = new NeuronTooltip(maps, "Spikes of the current step, one map per channel (channel 1 at the top "
                + "left, then row by row). Click a neuron to follow its membrane.", () -> this.layer);
        Tooltip.install(counts, new Tooltip("Spikes of this layer at each step; the current step is blue"));
        raster.setPrefSize(150, 170);
        raster.setMaxWidth(Double.MAX_VALUE);
        raster.setMinWidth(110);
        maps.setPrefSize(420, 170);
        HBox.setHgrow(maps, Priority.ALWAYS);
        // the bars' canvas sits in a pane that may shrink: a bare canvas keeps its width as the column's minimum, so
        // a column that once was wide could never be narrower again and its captions ran under the scroll bar
        Pane countsBox = new Pane(counts);
        countsBox.setMinWidth(0);
        countsBox.setPrefWidth(0);
        countsBox.setMinHeight(counts.getHeight());
        countsBox.setPrefHeight(counts.getHeight());
        VBox rasterColumn = new VBox(2, raster, countsBox);
        HBox cells = new HBox(8, rasterColumn, maps);
        HBox.setHgrow(rasterColumn, layer.convolutional() ? Priority.NEVER : Priority.ALWAYS);
        counts.widthProperty().bind(countsBox.widthProperty());
        counts.widthProperty().addListener((obs, old, now) -> drawCounts(shownStep));
        root = new VBox(3, title, cells, countsCaption);
        root.setPadding(new Insets(4, 6, 6, 6));
        root.getStyleClass().add("layer-panel");
        arrange(layer);
    }

    /**
     * The mouse rests at {@code scenePoint} (null: not over the panels) while the panels may have moved under it (a
     * scroll): the raster's and the maps' tooltips name the neuron now under it, or hide (see {@link NeuronTooltip}).
     */
    void mouseAt(javafx.geometry.Point2D scenePoint) {
        rasterTip.mouseAt(scenePoint);
        mapsTip.mouseAt(scenePoint);
    }

    /** The tooltip text of the channel maps now (for tests). */
    String mapsTooltip() {
        return mapsTip.text();
    }

    VBox root() {
        return root;
    }

    /**
     * True when {@code recording} is of a layer like the one shown (the same kind and size), so that this panel
     * can show it; a model of another shape needs panels made for it (a conv layer's maps beside its raster).
     */
    boolean fits(LayerRecording recording) {
        return recording.convolutional() == layer.convolutional() && recording.neurons() == layer.neurons();
    }

    SpikeRasterCanvas raster() {
        return raster;
    }

    SpikeRasterCanvas maps() {
        return maps;
    }

    /**
     * Draws layer {@code recording}: its raster, its maps (conv layers), the spike count of each step. A panel is
     * made without drawing (the Spikes view makes it at one pulse and shows its layer at the next).
     */
    void show(LayerRecording recording) {
        arrange(recording);
        SpikeTally tally = model.spikeTally(index);
        raster.setLayer(layer, model.sampleInRecordingProperty().get(), tally);
        maps.setLayer(layer.convolutional() ? layer : null, model.sampleInRecordingProperty().get());
        spikeCounts = tally.perStep();
        int most = 0;
        for (int c : spikeCounts) {
            most = Math.max(most, c);
        }
        countsCaption.setText(String.format(Locale.ROOT, "Bars under the raster: spikes of this layer at each step "
                + "(full height = %,d spikes of %,d neurons; blue: this step)", Math.max(1, most), layer.neurons()));
    }

    /**
     * Draws the layer shown up to step {@code shownStep} (at most its last step: while a new recording with more
     * steps is being shown, this panel may still hold the previous one) and outlines the traced neurons.
     */
    /** Takes {@code recording} as the panel's layer and sizes the raster and maps for it, without drawing. */
    private void arrange(LayerRecording recording) {
        layer = recording;
        maps.setVisible(layer.convolutional());
        maps.setManaged(layer.convolutional());
        raster.setPrefHeight(layer.convolutional() ? 170 : Math.min(256, Math.max(120, layer.neurons() / 2)));
        raster.setPrefWidth(layer.convolutional() ? 150 : 600);
    }

    void update(int shownStep, List<TracedNeuron> traces) {
        if (spikeCounts.length == 0) {
            return; // made, not drawn yet: show(layer) comes at the next pulse
        }
        int step = Math.min(shownStep, layer.timeSteps() - 1);
        Map<Integer, Color> highlights = new LinkedHashMap<>();
        for (TracedNeuron t : traces) {
            if (t.layer() == index) {
                highlights.put(t.neuron(), TracePalette.colour(t.colour()));
            }
        }
        raster.setHighlights(highlights);
        raster.setTimeStep(step);
        if (layer.convolutional()) {
            maps.setHighlights(highlights);
            maps.setTimeStep(step);
        }
        int count = spikeCounts[step];
        title.setText(String.format(Locale.ROOT, "%s — step %d: %d spikes, firing rate %.1f%%", layer.description(),
                step + 1, count, 100.0 * count / layer.neurons()));
        drawCounts(step);
    }

    private void drawCounts(int step) {
        shownStep = step;
        if (spikeCounts.length == 0) {
            return;
        }
        GraphicsContext g = counts.getGraphicsContext2D();
        double w = counts.getWidth();
        double h = counts.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        int max = 1;
        for (int c : spikeCounts) {
            max = Math.max(max, c);
        }
        double cell = w / spikeCounts.length;
        for (int t = 0; t < spikeCounts.length; t++) {
            double bar = (h - 2) * spikeCounts[t] / max;
            g.setFill(t == step ? Color.web("#1f77b4") : t < step ? Color.web("#7a7a7a") : Color.web("#dddddd"));
            g.fillRect(t * cell + 0.5, h - bar, Math.max(1, cell - 1), bar);
        }
    }
}
