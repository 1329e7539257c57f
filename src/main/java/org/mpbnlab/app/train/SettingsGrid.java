package org.mpbnlab.app.train;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The settings form's fields in their groups (Data, Network, Training). Two label–field pairs per row when
 * they fit the width, else one (large classroom fonts), so that no field is ever cut off; a wide pair (the data set,
 * whose own files have long names) has a row of its own either way. Whether they fit is decided from the fields'
 * least widths, which never depend on the values chosen ({@link ChoiceField}), so that choosing a value never
 * rearranges the form nor moves the buttons under it. The groups are
 * either stacked under their titles, or, when the panel is too low for all of them (a projector's
 * 1280 × 720 in classroom fonts), shown one at a time as tabs: {@link #showAsTabs}.
 */
final class SettingsGrid extends VBox {

    private static final double GAP = 6;
    private static final double ROW_GAP = 4;
    /** The tab pane's border, each side, at most. */
    private static final double TAB_BORDER = 3;
    /** Room around a group's fields inside its tab. */
    private static final Insets TAB_PADDING = new Insets(6, 4, 4, 4);

    private final List<Label> titles = new ArrayList<>();
    private final List<GridPane> grids = new ArrayList<>();
    /** Per group: its grid and the notes under it, shown under the title or as the tab's content. */
    private final List<VBox> bodies = new ArrayList<>();
    private final List<List<Pair>> pairs = new ArrayList<>();
    private final TabPane tabs = new TabPane();
    private int pairsPerRow;
    private boolean asTabs;

    SettingsGrid() {
        super(ROW_GAP);
        tabs.setId("settings-groups");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("settings-groups");
        // the Runs tab comes and goes with the panel's height: shown at once, not grown from nothing by an animation
        tabs.setStyle("-fx-open-tab-animation: NONE; -fx-close-tab-animation: NONE;");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        // hidden while the groups are stacked, but styled, so that its tabs' height is known before it is shown
        tabs.setManaged(false);
        tabs.setVisible(false);
        getChildren().add(tabs);
    }

    /** Two pairs per row or one, decided again at each layout: the width or the fonts (theme) may have changed. */
    @Override
    protected void layoutChildren() {
        fitWidth(getWidth());
        super.layoutChildren();
    }

    /**
     * Two pairs per row or one for {@code width}. The panel calls it before it lays the groups out, so that the
     * height it gives them is that of the rows they will have (rows changed while being laid out would overlap).
     */
    void fitWidth(double width) {
        int fitting = fittingPairs(width);
        if (fitting != pairsPerRow) {
            arrange(fitting);
        }
    }

    /** Starts a group: its title, then the pairs {@link #add}ed until the next group. */
    void group(String title) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        GridPane grid = new GridPane();
        grid.setHgap(GAP);
        grid.setVgap(ROW_GAP);
        titles.add(heading);
        grids.add(grid);
        VBox body = new VBox(ROW_GAP, grid);
        bodies.add(body);
        pairs.add(new ArrayList<>());
        Tab tab = new Tab(title);
        tab.setId("settings-group-" + title.toLowerCase(java.util.Locale.ROOT));
        tabs.getTabs().add(tab);
        getChildren().addAll(getChildren().size() - 1, List.of(heading, body));
    }

    /** A note under the current group's fields (e.g. what the data settings amount to). */
    void note(Node note) {
        bodies.get(bodies.size() - 1).getChildren().add(note);
    }

    /** The tabs the groups become, for a view to add tabs of its own after them. */
    TabPane tabs() {
        return tabs;
    }

    /** A label and its field in the current group; a {@code wide} one has a row of its own. */
    void add(Label label, Region field, boolean wide) {
        label.setMinWidth(Region.USE_PREF_SIZE);
        pairs.get(pairs.size() - 1).add(new Pair(label, field, wide));
        arrange(pairsPerRow == 0 ? 2 : pairsPerRow);
    }

    /** A setting's label and field, and whether it takes a whole row. */
    private record Pair(Label label, Region field, boolean wide) {
    }

    /** Shows the group that holds {@code field} when the groups are tabs (a field marked in red must be in view). */
    void reveal(Node field) {
        for (int g = 0; asTabs && g < pairs.size(); g++) {
            for (Pair pair : pairs.get(g)) {
                if (pair.field() == field) {
                    tabs.getSelectionModel().select(g);
                }
            }
        }
    }

    /** True while the groups are shown as tabs. */
    boolean showsTabs() {
        return asTabs;
    }

    /** Shows the groups as tabs (one at a time) or stacked under their titles. */
    void showAsTabs(boolean tabbed) {
        if (tabbed == asTabs) {
            return;
        }
        asTabs = tabbed;
        for (int g = 0; g < bodies.size(); g++) {
            tabs.getTabs().get(g).setContent(null);
        }
        getChildren().clear();
        for (VBox body : bodies) {
            body.setPadding(tabbed ? TAB_PADDING : Insets.EMPTY);
        }
        if (tabbed) {
            for (int g = 0; g < bodies.size(); g++) {
                tabs.getTabs().get(g).setContent(bodies.get(g));
            }
        } else {
            for (int g = 0; g < bodies.size(); g++) {
                getChildren().addAll(titles.get(g), bodies.get(g));
            }
        }
        tabs.setManaged(tabbed);
        tabs.setVisible(tabbed);
        getChildren().add(tabs);
    }

    /**
     * As tabs, the groups need no more than the tallest group with the tab headers: a tab added after them (the
     * Runs tab) gives up height instead of pushing the run controls under the panel.
     */
    @Override
    protected double computeMinHeight(double width) {
        return asTabs ? computePrefHeight(width) : super.computePrefHeight(width);
    }

    /** As tabs: the headers and the tallest group at {@code width} (a tab pane measures wrapped notes as one line). */
    @Override
    protected double computePrefHeight(double width) {
        if (!asTabs) {
            return super.computePrefHeight(width);
        }
        double inner = (width < 0 ? getWidth() : width) - snappedLeftInset() - snappedRightInset();
        return tabbedHeight(inner) + snappedTopInset() + snappedBottomInset();
    }

    /** Its height depends on its width (wrapped notes under the fields). */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    /**
     * How high the groups are when stacked at {@code width}, each under its title, whichever way they are shown
     * now (the titles keep the style they had on screen).
     */
    double stackedHeight(double width) {
        double height = 0;
        for (int g = 0; g < bodies.size(); g++) {
            height += titles.get(g).prefHeight(width) + bodyHeight(bodies.get(g), width) + 2 * ROW_GAP;
        }
        return height - ROW_GAP;
    }

    /**
     * How high the groups are as tabs at {@code width}: the tab headers and the tallest group (not a tab added
     * after the groups), whichever way they are shown now.
     */
    double tabbedHeight(double width) {
        double contentWidth = width - 2 * TAB_BORDER;
        double tallestGroup = 0;
        for (VBox body : bodies) {
            tallestGroup = Math.max(tallestGroup, bodyHeight(body, contentWidth - TAB_PADDING.getLeft()
                    - TAB_PADDING.getRight()) + TAB_PADDING.getTop() + TAB_PADDING.getBottom());
        }
        // the tab pane's own height is its headers and its tallest content measured without a width
        double tallestContent = 0;
        for (Tab tab : tabs.getTabs()) {
            if (tab.getContent() instanceof Region content) {
                tallestContent = Math.max(tallestContent, content.prefHeight(-1));
            }
        }
        double headers = tabs.prefHeight(width) - tallestContent;
        return headers + tallestGroup;
    }

    /** A group's fields and notes at {@code width}, without the padding it has inside a tab. */
    private double bodyHeight(VBox body, double width) {
        double padding = asTabs ? TAB_PADDING.getTop() + TAB_PADDING.getBottom() : 0;
        double sides = asTabs ? TAB_PADDING.getLeft() + TAB_PADDING.getRight() : 0;
        return body.prefHeight(width + sides) - padding;
    }

    /**
     * Two pairs per row when, in every group, each column's widest label and narrowest possible field fit beside the
     * other column's, and each wide pair fits the row; else one.
     */
    private int fittingPairs(double width) {
        if (width <= 0) {
            return 2;
        }
        double room = width - 3 * GAP - snappedLeftInset() - snappedRightInset()
                - (asTabs ? TAB_PADDING.getLeft() + TAB_PADDING.getRight() + 2 * TAB_BORDER : 0);
        for (List<Pair> group : pairs) {
            double[] labels = new double[2];
            double[] fields = new double[2];
            double wideField = 0;
            List<int[]> cells = cells(group, 2);
            for (int i = 0; i < group.size(); i++) {
                int column = cells.get(i)[1];
                labels[column] = Math.max(labels[column], group.get(i).label().prefWidth(-1));
                if (group.get(i).wide()) {
                    wideField = Math.max(wideField, group.get(i).field().minWidth(-1));
                } else {
                    fields[column] = Math.max(fields[column], group.get(i).field().minWidth(-1));
                }
            }
            if (labels[0] + fields[0] + labels[1] + fields[1] > room || labels[0] + wideField > room + 2 * GAP) {
                return 1;
            }
        }
        return 2;
    }

    /**
     * Where each pair of {@code group} goes with {@code perRow} pairs per row: its row and column (0 or 1), a wide
     * pair at the start of a row of its own.
     */
    private static List<int[]> cells(List<Pair> group, int perRow) {
        List<int[]> cells = new ArrayList<>();
        int row = 0;
        int column = 0;
        for (Pair pair : group) {
            if (pair.wide() && column != 0) {
                row++;
                column = 0;
            }
            cells.add(new int[] {row, column});
            column = pair.wide() ? perRow : column + 1;
            if (column >= perRow) {
                row++;
                column = 0;
            }
        }
        return cells;
    }

    private void arrange(int perRow) {
        pairsPerRow = perRow;
        for (int g = 0; g < grids.size(); g++) {
            GridPane grid = grids.get(g);
            grid.getChildren().clear();
            grid.getColumnConstraints().clear();
            for (int column = 0; column < 2 * perRow; column++) {
                ColumnConstraints constraints = new ColumnConstraints();
                if (column % 2 == 0) {
                    constraints.setMinWidth(Region.USE_PREF_SIZE);
                } else {
                    constraints.setHgrow(Priority.ALWAYS);
                    constraints.setFillWidth(true);
                }
                grid.getColumnConstraints().add(constraints);
            }
            List<Pair> group = pairs.get(g);
            List<int[]> cells = cells(group, perRow);
            for (int i = 0; i < group.size(); i++) {
                int row = cells.get(i)[0];
                int column = 2 * cells.get(i)[1];
                grid.add(group.get(i).label(), column, row);
                grid.add(group.get(i).field(), column + 1, row, group.get(i).wide() ? 2 * perRow - 1 : 1, 1);
            }
        }
    }
}
