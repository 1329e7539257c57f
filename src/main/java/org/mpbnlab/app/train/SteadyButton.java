package org.mpbnlab.app.train;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.text.Text;

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
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text measured = new Text(text);
        measured.setFont(getFont());
        return measured.getLayoutBounds().getWidth();
    }
}
