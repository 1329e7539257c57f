package org.mpbnlab.app.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The Help menu's dialogs, in the window's theme (classroom fonts are read from the back of the room, high
 * contrast stays high contrast). The keyboard help is a grid: the keys in one column, what they do in the
 * next, each row on its own line however long the text, so nothing wraps out of alignment.
 */
final class HelpDialogs {

    private HelpDialogs() {
    }

    /** The keyboard shortcuts as a two-column grid, in {@code theme}. */
    static Alert keyboard(Window owner, AppTheme theme) {
        GridPane grid = new GridPane();
        grid.setId("shortcut-grid");
        grid.setHgap(24);
        grid.setVgap(6);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(keys, new ColumnConstraints());
        int row = 0;
        for (HelpTexts.Shortcut shortcut : HelpTexts.KEYBOARD) {
            Label key = new Label(shortcut.keys());
            key.getStyleClass().add("shortcut-keys");
            key.setStyle("-fx-font-weight: bold;");
            Label action = new Label(shortcut.action());
            action.getStyleClass().add("shortcut-action");
            action.setWrapText(true);
            action.setStyle("-fx-max-width: 30em;"); // wraps inside its own cell before the dialog outgrows 1024 px
            grid.addRow(row++, key, action);
        }
        Label note = new Label(HelpTexts.KEYBOARD_NOTE);
        note.setWrapText(true);
        Alert alert = themed(new Alert(Alert.AlertType.INFORMATION), owner, theme);
        alert.setTitle(HelpTexts.KEYBOARD_TITLE);
        alert.setHeaderText(HelpTexts.KEYBOARD_TITLE);
        alert.getDialogPane().setContent(new VBox(14, grid, note));
        return alert;
    }

    /** A dialog of plain text (with formulas, so in a monospaced font), in {@code theme}. */
    static Alert text(Window owner, AppTheme theme, String title, String text) {
        Alert alert = themed(new Alert(Alert.AlertType.INFORMATION, text), owner, theme);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setStyle("-fx-font-family: monospace;");
        return alert;
    }

    /**
     * {@code dialog} owned by {@code owner}, styled by {@code theme}'s stylesheets like the main window (a dialog
     * is a window of its own and does not inherit them).
     */
    static <D extends Dialog<?>> D themed(D dialog, Window owner, AppTheme theme) {
        dialog.initOwner(owner);
        dialog.getDialogPane().getStylesheets().setAll(theme.stylesheets());
        dialog.getDialogPane().getStyleClass().add("main-window");
        return dialog;
    }
}
