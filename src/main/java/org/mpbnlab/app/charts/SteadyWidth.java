package org.mpbnlab.app.charts;

import java.util.List;
import javafx.scene.control.Labeled;

/**
 * The width of a button whose text changes with its state ("Play" / "Pause" / "Start new run") but whose width must
 * not, so that the controls beside it stay under the user's mouse when it is pressed: always as wide as with its
 * widest text.
 */
public final class SteadyWidth {

    private SteadyWidth() {
    }

    /**
     * The width {@code w} the button asks for with its current text {@code t}, widened by how much wider its widest
     * text is: {@code w + max(texts) − t}, each text measured in the button's font.
     */
    public static double of(Labeled button, double widthWithCurrentText, List<String> texts) {
        double widest = texts.stream().mapToDouble(text -> TextWidth.of(text, button.getFont())).max().orElse(0);
        return Math.ceil(widthWithCurrentText - TextWidth.of(button.getText(), button.getFont()) + widest);
    }
}
