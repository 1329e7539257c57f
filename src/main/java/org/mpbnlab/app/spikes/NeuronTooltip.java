package org.mpbnlab.app.spikes;

import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.control.Tooltip;
import org.mpbnlab.probe.LayerRecording;

/**
 * The tooltip of a raster or of a layer's channel maps: what the canvas shows and, under it, the neuron under the
 * mouse, the one a click traces, named as the trace legend names it ("Here: LIF 1 · channel 11, y 9, x 14 = …,
 * step 3"). It follows the mouse, and the canvas too: when the panels scroll under a mouse at rest (the wheel), it
 * names the neuron now under the mouse, or hides once its canvas is no longer there.
 */
final class NeuronTooltip {

    private final SpikeRasterCanvas canvas;
    private final String what;
    private final Supplier<LayerRecording> layer;
    private final Tooltip tip;

    /** Installs on {@code canvas} a tooltip saying {@code what}, naming the neurons of the layer {@code layer} gives. */
    NeuronTooltip(SpikeRasterCanvas canvas, String what, Supplier<LayerRecording> layer) {
        this.canvas = canvas;
        this.what = what;
        this.layer = layer;
        tip = new Tooltip(what);
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        Tooltip.install(canvas, tip);
        canvas.setOnMouseMoved(e -> tell(e.getX(), e.getY()));
    }

    /**
     * The mouse rests at {@code scenePoint} (null: not over the panels) while the canvas may have moved under it:
     * names the neuron there, or, when the point is off the canvas, says only what the canvas shows and hides the
     * tooltip if it is showing (it named a neuron that is no longer under the mouse).
     */
    void mouseAt(Point2D scenePoint) {
        Point2D local = scenePoint == null ? null : canvas.sceneToLocal(scenePoint);
        if (local != null && canvas.isVisible() && canvas.getLayoutBounds().contains(local)) {
            tell(local.getX(), local.getY());
            return;
        }
        tip.setText(what);
        if (tip.isShowing()) {
            tip.hide();
        }
    }

    /** The tooltip's text now. */
    String text() {
        return tip.getText();
    }

    private void tell(double x, double y) {
        int[] cell = canvas.cellAt(x, y);
        tip.setText(cell == null ? what : what + "\nHere: " + NeuronNames.withArrayElement(layer.get(), cell[0])
                + ", step " + (cell[1] + 1));
    }
}
