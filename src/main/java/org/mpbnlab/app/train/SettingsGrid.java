package org.mpbnlab.app.train;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The settings form's fields under their group titles: two label–field pairs per row when they fit the
 * width, else one (large classroom fonts), so that no field is ever cut off.
 */
final class SettingsGrid extends VBox {

    /** Narrowest a field may become. */
    private static final double FIELD_MIN_WIDTH = 90;
    private static final double GAP = 6;

    private final List<GridPane> grids = new ArrayList<>();
    private final List<List<Node[]>> pairs = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private int pairsPerRow;

    SettingsGrid() {
        super(4);
        widthProperty().addListener((obs, old, now) -> {
            int fitting = fittingPairs(now.doubleValue());
            if (fitting != pairsPerRow) {
                arrange(fitting);
            }
        });
    }

    /** Starts a group: its title, then the pairs {@link #add}ed until the next group. */
    void group(String title) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        GridPane grid = new GridPane();
        grid.setHgap(GAP);
        grid.setVgap(4);
        grids.add(grid);
        pairs.add(new ArrayList<>());
        getChildren().addAll(heading, grid);
    }

    /** A label and its field in the current group. */
    void add(Label label, Node field) {
        labels.add(label);
        pairs.get(pairs.size() - 1).add(new Node[] {label, field});
        arrange(pairsPerRow == 0 ? 2 : pairsPerRow);
    }

    private int fittingPairs(double width) {
        double label = labels.stream().mapToDouble(l -> l.prefWidth(-1)).max().orElse(0);
        double two = 2 * (label + FIELD_MIN_WIDTH) + 3 * GAP + snappedLeftInset() + snappedRightInset();
        return width <= 0 || width >= two ? 2 : 1;
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
                    constraints.setMinWidth(FIELD_MIN_WIDTH);
                }
                grid.getColumnConstraints().add(constraints);
            }
            List<Node[]> cells = pairs.get(g);
            for (int i = 0; i < cells.size(); i++) {
                grid.add(cells.get(i)[0], 2 * (i % perRow), i / perRow);
                grid.add(cells.get(i)[1], 2 * (i % perRow) + 1, i / perRow);
            }
        }
    }
}
