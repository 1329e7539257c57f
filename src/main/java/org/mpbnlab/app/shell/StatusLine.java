package org.mpbnlab.app.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableNumberValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The window's bottom line: the run's state and the latest message, wrapped onto more lines when long (a class at a
 * projector reads a message whole; a tooltip is no help to them; the theme's {@code .status-label} allows three, a
 * failed run's longer reason is shown whole in the Train view), a progress bar while something is in progress, and
 * room for more items on the right.
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
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(progress);
        bar.visibleProperty().bind(Bindings.notEqual(0, progress));
        // hidden, the bar keeps its place: the line's height does not change when something starts or stops
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
