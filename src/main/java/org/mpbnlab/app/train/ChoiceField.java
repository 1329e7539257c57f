package org.mpbnlab.app.train;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.skin.ComboBoxBaseSkin;

/**
 * A settings choice (data set, preset, optimiser, …) that never becomes narrower than its chosen value:
 * its least width is what the value and the arrow need, so a layout that is short of room moves it to a
 * row of its own instead of cutting the value to "c…" or to nothing. (A plain combo box is either cut
 * freely or, at its preferred width, as wide as its longest choice.)
 */
final class ChoiceField extends ComboBox<String> {

    @Override
    protected double computeMinWidth(double height) {
        if (!(getSkin() instanceof ComboBoxBaseSkin<?> skin) || skin.getDisplayNode() == null) {
            return super.computeMinWidth(height);
        }
        Node arrow = lookup(".arrow-button");
        return snappedLeftInset() + skin.getDisplayNode().prefWidth(-1)
                + (arrow == null ? 0 : arrow.prefWidth(-1)) + snappedRightInset();
    }
}
