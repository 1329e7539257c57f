package org.mpbnlab.app.charts;

import java.util.List;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

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
        double widest = texts.stream().mapToDouble(text -> textWidth(button, text)).max().orElse(0);
        return Math.ceil(widthWithCurrentText - textWidth(button, button.getText()) + widest);
    }

    private static double textWidth(Labeled button, String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text measured = new Text(text);
        measured.setFont(button.getFont());
        return measured.getLayoutBounds().getWidth();
    }
}
