package org.mpbnlab.app.train;

import javafx.scene.Node;
import java.util.function.UnaryOperator;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.skin.ComboBoxBaseSkin;
import javafx.util.StringConverter;

/**
 * A settings choice (data set, preset, optimiser, …) that never becomes narrower than its chosen value:
 * its least width is what the value and the arrow need, so a layout that is short of room moves it to a
 * row of its own instead of cutting the value to "c…" or to nothing. (A plain combo box is either cut
 * freely or, at its preferred width, as wide as its longest choice.) Each value is shown by the name the
 * form gives it (the user's own data set by its file name, not its whole path).
 */
final class ChoiceField extends ComboBox<String> {

    ChoiceField(UnaryOperator<String> shownName) {
        setCellFactory(list -> new NamedCell(shownName));
        setButtonCell(new NamedCell(shownName));
        // a value not among the choices (a path typed by hand, read with a model file) is shown through the converter
        setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? null : shownName.apply(value);
            }

            @Override
            public String fromString(String shown) {
                return shown; // never asked: the box is not editable
            }
        });
    }

    /** A value in the list or in the box, shown by its name. */
    private static final class NamedCell extends ListCell<String> {

        private final UnaryOperator<String> shownName;

        NamedCell(UnaryOperator<String> shownName) {
            this.shownName = shownName;
        }

        @Override
        protected void updateItem(String value, boolean empty) {
            super.updateItem(value, empty);
            setText(empty || value == null ? null : shownName.apply(value));
        }
    }

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
