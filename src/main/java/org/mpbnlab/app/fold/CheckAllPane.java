package org.mpbnlab.app.fold;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mpbnlab.app.charts.ChartPane;
import org.mpbnlab.app.charts.ViewContext;

/** "Check all": the equivalence report on the whole test set, the margin histogram and the speeds side by side. */
final class CheckAllPane {

    private final CheckAllViewModel model;
    private final ViewContext context;
    private final BorderPane root = new BorderPane();
    private final TableView<String[]> summary = table("fold-check-summary", "", "exact fold", "deployable");
    private final TableView<String[]> speeds = table("fold-check-speeds", "network", "samples/s", "vs MPBN");
    // two-line headers: the counts per layer and step fit beside the chart without scrolling sideways
    private final TableView<String[]> cells = table("fold-check-cells", "layer", "step", "spikes\ncompared",
            "different\n(exact)", "different\n(deployable)", "smallest\n|u_pre − Ṽ|");
    private final ChartPane margins;
    private final VBox left = new VBox(6);
    private final VBox right = new VBox(6);
    private final FlowPane totalsAndSpeeds = new FlowPane(6, 6);
    private final VBox column = new VBox(6);
    private final BorderPane report = new BorderPane();
    private final ScrollPane scroller;
    private final Label note;
    /** Whether the report is laid out in two columns (null before the first arrangement). */
    private Boolean twoColumns;

    CheckAllPane(CheckAllViewModel model, ViewContext context) {
        this.model = model;
        this.context = context;
        margins = new ChartPane(context, "fold-margins");
        margins.setId("fold-margin-chart");
        Button check = new Button("Check all test samples");
        check.setId("fold-check-all");
        check.setOnAction(e -> model.checkAll());
        check.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        note = new Label("Runs the MPBN network (evaluation mode), the exact fold and the deployable network on"
                + " every test sample, compares every spike of every layer at every step, then times all four"
                + " networks interleaved on one batch.");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        HBox top = new HBox(10, check, note);
        // Wide window: left the totals and the counts per layer and step, right the margins and the speeds.
        // Narrow window (a projector's large font at 1024 px): one column — the totals beside the speeds, the
        // margins across the whole width, then the counts per layer and step. Either way the report scrolls down,
        // never sideways, and every table is as wide and tall as its content (the per-step counts scroll after 5
        // rows)
        left.setMinWidth(Region.USE_PREF_SIZE);
        margins.setMinHeight(220);
        margins.setMinWidth(260);
        report.setTop(top);
        BorderPane.setMargin(top, new Insets(0, 0, 6, 0));
        report.setPadding(new Insets(6));
        ScrollPane scroller = new ScrollPane(report);
        scroller.setId("fold-check-report");
        scroller.setFitToWidth(true);
        scroller.setFitToHeight(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        this.scroller = scroller;
        scroller.widthProperty().addListener((obs, old, now) -> arrange());
        arrange();
        root.setCenter(scroller);
        note.fontProperty().addListener((obs, old, now) -> {
            fitTables();
            arrange();
        });
        model.reportProperty().addListener((obs, old, now) -> show(now));
        context.themeProperty().addListener((obs, old, now) -> show(model.reportProperty().get()));
        margins.setExplanation("Press \"Check all\": the distribution of |u_pre − Ṽ| appears here.");
    }

    private void show(FoldWorkbench.CheckAllReport report) {
        if (report == null) {
            summary.getItems().clear();
            speeds.getItems().clear();
            cells.getItems().clear();
            return;
        }
        summary.setItems(FXCollections.observableArrayList(CheckAllViewModel.summaryRows(report)));
        speeds.setItems(FXCollections.observableArrayList(CheckAllViewModel.speedRows(report.speeds())));
        cells.setItems(FXCollections.observableArrayList(CheckAllViewModel.cellRows(report)));
        fitTables();
        var theme = context.themeProperty().get();
        margins.show(() -> FoldCharts.marginHistogram(report.folded().margins(), report.deployable().margins(), theme));
        margins.setExplanation("Each bar: how many neurons (× steps) had their membrane that far from Ṽ. The exact"
                + " fold is right at every distance; a fold that is right only up to rounding can err only near the"
                + " float spacing (dashed).");
    }

    /**
     * Two columns when the window is wide enough for the left tables beside the margins chart and the speeds,
     * otherwise one column (see the constructor).
     */
    private void arrange() {
        double scrollBar = 2 * note.getFont().getSize();
        double available = scroller.getWidth() - scrollBar - report.getPadding().getLeft() - report.getPadding().getRight();
        double twoNeed = Math.max(summary.prefWidth(-1), cells.prefWidth(-1)) + 6 + right.getMinWidth();
        boolean wide = scroller.getWidth() <= 0 || available >= twoNeed;
        if (twoColumns != null && twoColumns == wide) {
            return;
        }
        twoColumns = wide;
        left.getChildren().clear();
        right.getChildren().clear();
        totalsAndSpeeds.getChildren().clear();
        column.getChildren().clear();
        report.setLeft(null);
        report.setCenter(null);
        if (wide) {
            left.getChildren().setAll(summary, cells);
            right.getChildren().setAll(margins, speeds);
            VBox.setVgrow(margins, Priority.ALWAYS);
            margins.setMinHeight(220);
            report.setLeft(left);
            report.setCenter(right);
            BorderPane.setMargin(left, new Insets(0, 6, 0, 0));
        } else {
            totalsAndSpeeds.getChildren().setAll(summary, speeds);
            VBox.setVgrow(margins, Priority.NEVER);
            // as high as a readable plot needs (the report then scrolls down rather than squeezing it)
            margins.setMinHeight(Math.max(220, 16 * note.getFont().getSize()));
            column.getChildren().setAll(totalsAndSpeeds, margins, cells);
            column.setFillWidth(true);
            report.setCenter(column);
        }
    }

    /** Every column as wide as its content in the font in use. */
    private void fitTables() {
        double size = note.getFont().getSize();
        TableFit.fit(summary, size, 12);
        TableFit.fit(speeds, size, 8);
        TableFit.fit(cells, size, 5);
        // the speeds are never narrower than their table (the chart above them takes the width left over)
        right.setMinWidth(Math.max(margins.getMinWidth(), speeds.getPrefWidth()));
        arrange();
        // the counts per layer and step are never squeezed to the totals' width: the column holding both tables is
        // as wide as the wider, so that no header or number of either is cut or scrolls sideways
    }

    static TableView<String[]> table(String id, String... headers) {
        TableView<String[]> table = new TableView<>();
        table.setId(id);
        for (int c = 0; c < headers.length; c++) {
            int column = c;
            TableColumn<String[], String> col = new TableColumn<>(headers[c]);
            col.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue()[column]));
            col.setSortable(false);
            col.setPrefWidth(c == 0 ? 190 : 110);
            table.getColumns().add(col);
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("—"));
        return table;
    }

    static List<String> column(TableView<String[]> table, int c) {
        return table.getItems().stream().map(row -> row[c]).toList();
    }

    BorderPane root() {
        return root;
    }
}
