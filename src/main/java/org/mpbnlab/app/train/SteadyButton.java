package org.mpbnlab.app.train;

import java.util.List;
import javafx.scene.control.Button;
import org.mpbnlab.app.charts.SteadyWidth;

/**
 * A button whose text changes with the state ("Play", "Pause", "Start new run") but whose width does not: it is
 * always as wide as its widest text, so that the buttons beside it (One batch, Reset) stay where they are, under
 * the user's mouse, when it is pressed.
 */
final class SteadyButton extends Button {

    private final List<String> texts;

    /** @param texts every text the button can show */
    SteadyButton(List<String> texts) {
        this.texts = List.copyOf(texts);
    }

    /** As wide as with its widest text ({@link SteadyWidth}). */
    @Override
    protected double computePrefWidth(double height) {
        return SteadyWidth.of(this, super.computePrefWidth(height), texts);
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }
}
