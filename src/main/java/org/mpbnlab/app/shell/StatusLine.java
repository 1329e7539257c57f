package org.mpbnlab.app.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableNumberValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The window's bottom line: the run's state and the latest message, a progress bar while something is in progress,
 * and room for more items on the right.
 *
 * <p>The line is one line of text high whatever it says, so that nothing above it moves when a message comes or
 * goes (the Train view's buttons moved under the teacher's mouse when a reset's note wrapped onto a second line). A
 * message too long for the line ends in "…" and is whole in the tooltip; the messages that can be that long (a refused
 * action's reason, a failed run's, where a reset started from) are said whole beside the Train view's buttons, where
 * the user acted (docs/decisions.md).
 */
final class StatusLine extends HBox {

    private final HBox rightItems = new HBox(8);

    StatusLine(ObservableValue<String> text, ObservableNumberValue progress) {
        super(8);
        setId("status-bar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setMinHeight(Region.USE_PREF_SIZE);
        Label message = new Label();
        message.setId("status-text");
        message.getStyleClass().add("status-label");
        message.textProperty().bind(text);
        message.setMinWidth(0);
        message.setMaxWidth(Double.MAX_VALUE);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(text);
        whole.setWrapText(true);
        whole.setMaxWidth(600);
        message.setTooltip(whole);
        HBox.setHgrow(message, Priority.ALWAYS);
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(progress);
        bar.visibleProperty().bind(Bindings.notEqual(0, progress));
        // hidden, the bar gives its place to the message (the line's height stays: the bar is no higher than the text)
        bar.managedProperty().bind(bar.visibleProperty());
        bar.setMinWidth(Region.USE_PREF_SIZE);
        rightItems.setAlignment(Pos.CENTER_RIGHT);
        rightItems.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(message, bar, rightItems);
    }

    /** Items shown at the right end of the line, after the progress bar. */
    ObservableList<Node> getRightItems() {
        return rightItems.getChildren();
    }
}
