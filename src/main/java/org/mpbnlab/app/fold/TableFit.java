package org.mpbnlab.app.fold;

import java.util.List;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.mpbnlab.app.charts.TextWidth;

/**
 * Sizes a table of text to what it holds, in the font in use: every column as wide as its widest cell or its
 * (bold) header (its widest line, for a header of two lines), the table as tall as its rows up to {@code maxRows} (never less: it is not squeezed). A table wider than its place scrolls
 * sideways instead of cutting numbers with "…" (on a projector every digit counts).
 */
final class TableFit {

    /** Room a cell keeps around its text (padding and grid lines). */
    private static final double CELL_PADDING = 18;

    private TableFit() {
    }

    /** Fits {@code table}'s columns and height to its items, measuring text at {@code fontSize} px. */
    static void fit(TableView<String[]> table, double fontSize, int maxRows) {
        double total = fitColumns(table, table.getItems(), fontSize);
        double row = Math.ceil(fontSize * 1.25 + 8);
        int rows = Math.max(1, Math.min(maxRows, table.getItems().size()));
        double scrollbar = table.getItems().size() > maxRows ? fontSize : 0;
        table.setPrefWidth(total + scrollbar + 4);
        table.setPrefHeight(row * rows + headerHeight(table, fontSize) + 8);
        table.setMinHeight(table.getPrefHeight());
        table.setMinWidth(Math.min(table.getPrefWidth(), 12 * fontSize));
    }

    /**
     * Makes every column of {@code table} as wide as its (bold) header or its widest cell among {@code rows}
     * (which may hold more than the table shows, e.g. the rows of every step, so that the columns keep their
     * width while the values change); returns the columns' total width.
     */
    static double fitColumns(TableView<String[]> table, List<String[]> rows, double fontSize) {
        // cells measured in bold as well: the high-contrast theme writes every cell in bold
        Font bold = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, fontSize);
        double total = 0;
        for (int c = 0; c < table.getColumns().size(); c++) {
            TableColumn<String[], ?> column = table.getColumns().get(c);
            double widest = TextWidth.of(column.getText(), bold);
            for (String[] row : rows) {
                widest = Math.max(widest, TextWidth.of(row[c], bold));
            }
            // exactly this wide: a table stretched by its container (or by a resize policy) keeps its columns
            column.setMinWidth(Math.ceil(widest + CELL_PADDING));
            column.setPrefWidth(Math.ceil(widest + CELL_PADDING));
            column.setMaxWidth(Math.ceil(widest + CELL_PADDING));
            total += column.getPrefWidth();
        }
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        return total;
    }

    /**
     * The header row's height: one line of text per line of the tallest header (a header may hold a line break), and
     * never less than the 2 em the default style gives every column header.
     */
    static double headerHeight(TableView<String[]> table, double fontSize) {
        int lines = 1;
        for (TableColumn<String[], ?> column : table.getColumns()) {
            lines = Math.max(lines, column.getText().split("\n", -1).length);
        }
        return Math.ceil(Math.max(2 * fontSize + 2, fontSize * 1.25 * lines + 8));
    }
}
