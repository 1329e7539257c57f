package org.mpbnlab.app.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * A view of the notes and the runs' legend above the Train charts that shows whole rows only and scrolls row by row
 * (issue 11, tester: with six runs in classroom fonts the sixth legend row was cut through its middle, and with seven
 * the current run's colour was found only by scrolling). A row is a child of the content, except that a
 * {@link FlowPane}'s lines (the legend's) are rows each. The view shows rows {@code first, first + 1, …} as many as
 * fit whole; what is below them is left blank. It follows a chosen row (the current run's) until the user scrolls.
 */
final class RowViewport extends Region {

    private final Pane content;
    private final ScrollBar bar = new ScrollBar();
    private final Rectangle clip = new Rectangle();
    /** The first row shown. */
    private int first;
    /** The node to keep in view, or null when the user has scrolled since it was chosen. */
    private Supplier<Node> followed;
    /** True while the view itself moves the scroll bar (not the user). */
    private boolean placingBar;

    /** A row of the content: its top and bottom in the content's coordinates. */
    record Row(double top, double bottom) {
        double height() {
            return bottom - top;
        }
    }

    RowViewport(Pane content) {
        this.content = content;
        bar.setOrientation(Orientation.VERTICAL);
        bar.setMin(0);
        bar.setUnitIncrement(1);
        bar.setFocusTraversable(false);
        bar.valueProperty().addListener((obs, old, now) -> {
            if (!placingBar) {
                scrollTo((int) Math.round(now.doubleValue()));
            }
        });
        setOnScroll(event -> {
            if (bar.isVisible() && event.getDeltaY() != 0) {
                scrollTo(first + (event.getDeltaY() < 0 ? 1 : -1));
                event.consume();
            }
        });
        content.setClip(clip);
        getChildren().setAll(content, bar);
    }

    /** Keeps the node {@code target} gives (asked at each layout: the content may be rebuilt) in view. */
    void follow(Supplier<Node> target) {
        followed = target;
        requestLayout();
    }

    /** Shows rows from {@code row} on (the user scrolled: the followed row may leave the view). */
    private void scrollTo(int row) {
        followed = null;
        first = row;
        requestLayout();
    }

    /** The content's rows when it is {@code width} wide, top to bottom. */
    List<Row> rows(double width) {
        double height = content.prefHeight(width);
        content.resize(width, height);
        content.layout();
        List<Row> rows = new ArrayList<>();
        for (Node child : content.getChildrenUnmodifiable()) {
            if (!child.isManaged() || child.getLayoutBounds().getHeight() <= 0) {
                continue;
            }
            if (child instanceof FlowPane lines && !lines.getChildren().isEmpty()) {
                rows.addAll(lines(lines));
            } else {
                Bounds box = child.getBoundsInParent();
                rows.add(new Row(box.getMinY(), box.getMaxY()));
            }
        }
        return rows;
    }

    /** The lines of {@code flow} in the content's coordinates: entries that overlap vertically share a line. */
    private static List<Row> lines(FlowPane flow) {
        List<Row> lines = new ArrayList<>();
        double offset = flow.getBoundsInParent().getMinY();
        for (Node entry : flow.getChildren()) {
            Bounds box = entry.getBoundsInParent();
            Row row = new Row(offset + box.getMinY(), offset + box.getMaxY());
            Row last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
            if (last != null && row.top() < last.bottom()) {
                lines.set(lines.size() - 1, new Row(last.top(), Math.max(last.bottom(), row.bottom())));
            } else {
                lines.add(row);
            }
        }
        return lines;
    }

    /**
     * The height of the whole rows from the top that fit in {@code height} at {@code width} (at least the first row,
     * all of them when they fit): the height the view needs to cut no row.
     */
    double wholeRowsHeight(double width, double height) {
        double inner = width - snappedLeftInset() - snappedRightInset();
        double insets = snappedTopInset() + snappedBottomInset();
        if (prefHeight(width) <= height) {
            return prefHeight(width);
        }
        List<Row> rows = rows(inner - bar.prefWidth(-1));
        double fitting = rows.isEmpty() ? 0 : rows.get(0).bottom();
        for (Row row : rows) {
            if (row.bottom() + insets <= height) {
                fitting = row.bottom();
            }
        }
        return Math.min(height, fitting + insets);
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = width < 0 ? width : width - snappedLeftInset() - snappedRightInset();
        return snappedTopInset() + snappedBottomInset() + content.prefHeight(inner);
    }

    @Override
    protected double computeMinHeight(double width) {
        return snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + content.prefWidth(-1);
    }

    /** As narrow as the charts under it may be: its texts wrap. */
    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double width = getWidth() - x - snappedRightInset();
        double height = getHeight() - y - snappedBottomInset();
        boolean scrolls = content.prefHeight(width) > height + 0.5;
        double contentWidth = scrolls ? width - bar.prefWidth(-1) : width;
        List<Row> rows = rows(contentWidth);
        first = scrolls ? Math.max(0, Math.min(first, lastFirst(rows, height))) : 0;
        if (followed != null && followed.get() != null) {
            first = revealing(rows, height, followed.get());
        }
        double top = rows.isEmpty() ? 0 : rows.get(first).top();
        int last = lastShown(rows, first, height);
        double shown = rows.isEmpty() ? 0 : rows.get(last).bottom() - top;
        content.relocate(x, y - top);
        // the content shows its rows from the first one down to the last whole one (the scroll bar is not cut)
        clip.setX(0);
        clip.setY(top);
        clip.setWidth(contentWidth);
        clip.setHeight(Math.min(height, shown));
        bar.setVisible(scrolls);
        bar.setManaged(scrolls);
        if (scrolls) {
            bar.resizeRelocate(x + contentWidth, y, bar.prefWidth(-1), height);
            placingBar = true;
            bar.setMax(lastFirst(rows, height));
            bar.setVisibleAmount(last - first + 1);
            bar.setBlockIncrement(Math.max(1, last - first));
            bar.setValue(first);
            placingBar = false;
        }
    }

    /** The last row shown whole when rows start at {@code from} in {@code height} (at least {@code from} itself). */
    private static int lastShown(List<Row> rows, int from, double height) {
        int last = from;
        while (last + 1 < rows.size() && rows.get(last + 1).bottom() - rows.get(from).top() <= height + 0.5) {
            last++;
        }
        return last;
    }

    /** The first row from which the last row is in view: scrolling further would show blank below the content. */
    private static int lastFirst(List<Row> rows, double height) {
        int from = rows.size() - 1;
        while (from > 0 && rows.get(rows.size() - 1).bottom() - rows.get(from - 1).top() <= height + 0.5) {
            from--;
        }
        return Math.max(0, from);
    }

    /** The first row that shows {@code target}'s row, moving the view as little as possible from {@link #first}. */
    private int revealing(List<Row> rows, double height, Node target) {
        double middle = content.sceneToLocal(target.localToScene(target.getLayoutBounds())).getCenterY();
        int row = 0;
        while (row + 1 < rows.size() && rows.get(row).bottom() < middle) {
            row++;
        }
        int from = Math.min(first, row);
        while (from < row && lastShown(rows, from, height) < row) {
            from++;
        }
        return from;
    }
}
