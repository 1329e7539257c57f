package org.mpbnlab.app.train;

import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * A wrapped note whose height does not follow what it says: it keeps the room that a reference text (the longest
 * it usually says, e.g. "Trains on 50 000 of 60 000 fashion-mnist samples; …") needs at its width in its font, so
 * that the layout around it depends on the window's size and the theme, never on the values the note describes.
 *
 * <p>A note that is {@linkplain #fixed fixed} is exactly that high (it sits above the run buttons, which must not
 * move): a rare longer text ends in "…" and is said whole in its tooltip. A note that {@linkplain #growing grows}
 * (under the buttons, where a run list gives up room) is at least that high and shows a longer text whole; either
 * way {@link #reservedHeight} is what a panel plans with.
 */
final class ReservedNote extends Label {

    private final Supplier<String> reference;
    private final boolean grows;

    private ReservedNote(Supplier<String> reference, boolean grows) {
        this.reference = reference;
        this.grows = grows;
        setWrapText(true);
        setAlignment(Pos.TOP_LEFT); // a shorter text at the top of its room, not in its middle
        // as wide as its column: a label is at most as wide as its text, and its room would be measured at that width
        setMaxWidth(Double.MAX_VALUE);
        setTextOverrun(OverrunStyle.ELLIPSIS);
    }

    /** Exactly as high as {@code reference} needs. */
    static ReservedNote fixed(Supplier<String> reference) {
        ReservedNote note = new ReservedNote(reference, false);
        Tooltip whole = FormTips.wrapped("");
        whole.textProperty().bind(note.textProperty());
        note.setTooltip(whole);
        return note;
    }

    /** At least as high as {@code reference} needs, higher for a longer text. */
    static ReservedNote growing(Supplier<String> reference) {
        return new ReservedNote(reference, true);
    }

    /** The height the reference text needs at {@code width} (the note's own width when negative). */
    double reservedHeight(double width) {
        double inner = (width < 0 ? getWidth() : width) - snappedLeftInset() - snappedRightInset();
        Text measured = new Text(reference.get());
        measured.setFont(getFont());
        measured.setLineSpacing(getLineSpacing());
        if (inner > 0) {
            measured.setWrappingWidth(inner);
        }
        return Math.ceil(snappedTopInset() + measured.getLayoutBounds().getHeight() + snappedBottomInset());
    }

    @Override
    protected double computePrefHeight(double width) {
        double reserved = reservedHeight(width);
        return grows ? Math.max(reserved, super.computePrefHeight(width)) : reserved;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return computePrefHeight(width);
    }
}
