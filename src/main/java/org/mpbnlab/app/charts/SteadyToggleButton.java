package org.mpbnlab.app.charts;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ToggleButton;

/**
 * A toggle button whose text changes with its state ("Play steps" / "Stop", "Play" / "Pause") but whose width
 * does not: it is always as wide as its widest text, so that the controls beside it stay where they are when it is
 * pressed (a slider beside it must not move under the user's mouse).
 */
public final class SteadyToggleButton extends ToggleButton {

    private final List<String> texts;

    public SteadyToggleButton(String off, String on) {
        texts = List.of(off, on);
        textProperty().bind(Bindings.when(selectedProperty()).then(on).otherwise(off));
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
