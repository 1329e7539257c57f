package org.mpbnlab.app.train;

import java.util.List;
import java.util.function.UnaryOperator;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.skin.ComboBoxBaseSkin;
import javafx.util.StringConverter;
import org.mpbnlab.app.charts.SteadyWidth;

/**
 * A settings choice (data set, preset, optimiser, …) whose width never depends on the value chosen: it is as
 * wide as the widest of the values it is sized for (its built-in choices), whichever is chosen, so that choosing
 * fashion-mnist or conv-small never rearranges the settings form nor moves the buttons under it. (A plain combo
 * box is as wide as its longest choice, and a list that grows, the user's own data sets, widened it.) A longer
 * value, an own data set's file name, is shortened in the middle ("two-ri…3.csv (own)") when the box is too
 * narrow for it; the form's tooltip gives it whole. Each value is shown by the name the form gives it (the user's
 * own data set by its file name, not its whole path).
 */
final class ChoiceField extends ComboBox<String> {

    private final List<String> sizedFor;
    private final UnaryOperator<String> shownName;

    /**
     * @param shownName how a value is shown
     * @param sizedFor  the values the box is always wide enough for (its built-in choices)
     */
    ChoiceField(UnaryOperator<String> shownName, List<String> sizedFor) {
        this.shownName = shownName;
        this.sizedFor = List.copyOf(sizedFor);
        setCellFactory(list -> new NamedCell(shownName));
        NamedCell shown = new NamedCell(shownName);
        shown.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        setButtonCell(shown);
        // a value not among the choices (a path typed by hand, read with a model file) is shown through the converter
        setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? null : shownName.apply(value);
            }

            @Override
            public String fromString(String text) {
                return text; // never asked: the box is not editable
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

    /**
     * The box's one width: its insets, the arrow, and the shown value's cell as wide as with the widest of
     * {@link #sizedFor} ({@link SteadyWidth}).
     */
    private double steadyWidth() {
        if (!(getSkin() instanceof ComboBoxBaseSkin<?> skin) || !(skin.getDisplayNode() instanceof ListCell<?> cell)) {
            return -1;
        }
        double cellWidth = SteadyWidth.of(cell, cell.prefWidth(-1), sizedFor.stream().map(shownName).toList());
        Node arrow = lookup(".arrow-button");
        return Math.ceil(snappedLeftInset() + cellWidth + (arrow == null ? 0 : arrow.prefWidth(-1))
                + snappedRightInset());
    }

    @Override
    protected double computeMinWidth(double height) {
        double steady = steadyWidth();
        return steady < 0 ? super.computeMinWidth(height) : steady;
    }

    @Override
    protected double computePrefWidth(double height) {
        double steady = steadyWidth();
        return steady < 0 ? super.computePrefWidth(height) : steady;
    }
}
