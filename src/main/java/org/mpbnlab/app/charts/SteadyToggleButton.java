package org.mpbnlab.app.charts;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ToggleButton;
import javafx.scene.text.Text;

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

    /** The width with the current text, widened by how much wider the widest text is: {@code w + max(t) − t}. */
    @Override
    protected double computePrefWidth(double height) {
        double widest = texts.stream().mapToDouble(this::textWidth).max().orElse(0);
        return Math.ceil(super.computePrefWidth(height) - textWidth(getText()) + widest);
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    private double textWidth(String text) {
        Text measured = new Text(text);
        measured.setFont(getFont());
        return measured.getLayoutBounds().getWidth();
    }
}
