package org.mpbnlab.app.train;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The messages under the Train view's run buttons: what Play will do, why an action did not run, why a run failed.
 * The area is always {@value #LINES} lines of their font high ({@value #TABBED_LINES} when the panel shows everything
 * as tabs, to leave the Runs tab room for four runs), whatever it says, so that the buttons above it stay where they
 * are (under the user's mouse) when a message comes, grows or goes. That holds the usual messages (the note on
 * continuing a model from a file in classroom fonts, a refused action with its reason); more than that scrolls inside
 * the area, with its scroll bar showing; the first message (a failed run's, with its Remove button on top) is
 * scrolled to when it comes.
 */
final class MessageArea extends ScrollPane {

    /** Lines of text the area is high. */
    static final int LINES = 7;
    /** Lines of text the area is high when the panel shows everything as tabs (a projector in classroom fonts). */
    static final int TABBED_LINES = 6;

    private int lines = LINES;

    private final VBox column = new VBox(8);

    MessageArea(List<Node> messages) {
        column.getChildren().setAll(messages);
        column.setMinHeight(Region.USE_PREF_SIZE);
        setContent(column);
        setId("run-messages");
        getStyleClass().add("message-area");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
    }

    /** Scrolls back to the first message (a failed run's, with its Remove button on top). */
    void showFirst() {
        setVvalue(getVmin());
    }

    /** Makes the area {@code count} lines high. */
    void showLines(int count) {
        if (count != lines) {
            lines = count;
            requestLayout();
        }
    }

    @Override
    protected double computeMinHeight(double width) {
        return linesHeight(lines);
    }

    @Override
    protected double computePrefHeight(double width) {
        return linesHeight(lines);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return linesHeight(lines);
    }

    /** {@code count} lines of the messages' font, and the area's own insets. */
    double linesHeight(int count) {
        Font font = column.getChildren().stream().filter(Labeled.class::isInstance).map(Labeled.class::cast)
                .findFirst().map(Labeled::getFont).orElse(Font.getDefault());
        Text line = new Text("Xg");
        line.setFont(font);
        return snappedTopInset() + count * line.getLayoutBounds().getHeight() + snappedBottomInset();
    }
}
