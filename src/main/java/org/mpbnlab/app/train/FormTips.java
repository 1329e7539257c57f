package org.mpbnlab.app.train;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Tooltip;

/**
 * The tooltips of the Train view's form: a setting's help, or the reason it is marked in red. Wrapped at about
 * {@value #LINE_EMS} characters' width, so that a long reason (a preset refused for the data set) is read in a few
 * lines beside the field instead of one line running off the screen.
 */
final class FormTips {

    /** The widest a tooltip's line is, in ems of its font (about 60 characters). */
    static final double LINE_EMS = 32;

    private FormTips() {
    }

    /** A wrapped tooltip saying {@code text}. */
    static Tooltip wrapped(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.maxWidthProperty().bind(Bindings.createDoubleBinding(() -> LINE_EMS * tip.getFont().getSize(),
                tip.fontProperty()));
        return tip;
    }
}
