package org.mpbnlab.app.fold;

import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.Region;

/**
 * Sizes a number spinner by its largest value in the font in use: the field holds as many characters as that value
 * has digits (and the arrows beside them), so that a projector's large font never leaves a spinner showing a sliver of its number.
 */
final class SpinnerFit {

    private SpinnerFit() {
    }

    /** Makes {@code spinner} as wide as its largest value needs (its field counts characters, not pixels). */
    static void toLargestValue(Spinner<Integer> spinner) {
        int largest = spinner.getValueFactory() instanceof SpinnerValueFactory.IntegerSpinnerValueFactory numbers
                ? numbers.getMax() : Integer.MAX_VALUE;
        // two characters more for the arrow buttons, which the skin lays over the field's preferred width
        spinner.getEditor().setPrefColumnCount(String.valueOf(largest).length() + 2);
        spinner.setPrefWidth(Region.USE_COMPUTED_SIZE);
        spinner.setMinWidth(Region.USE_PREF_SIZE);
    }
}
