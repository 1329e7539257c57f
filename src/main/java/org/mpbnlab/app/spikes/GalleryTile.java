package org.mpbnlab.app.spikes;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/**
 * One sample of the gallery: its thumbnail and, under it, its label and "→ the model's answer" (red when wrong),
 * each on its own line, wrapping within the tile (never cut). Made once per
 * sample and dataset, then only told the new answer ({@link #show}), so that new weights change a few texts
 * and style classes instead of building 200 tiles (and styling and laying them out) again on the UI thread.
 */
final class GalleryTile {

    private static final int THUMB = 40;
    private static final String WRONG = "gallery-answer-wrong";
    private static final String SELECTED = "-fx-border-color: #1f77b4; -fx-border-width: 2;";
    private static final String NOT_SELECTED = "-fx-border-color: transparent; -fx-border-width: 2;";

    private final VBox root;
    private final Label label = new Label();
    private final Label answer = new Label();
    private final Tooltip tip = new Tooltip();
    private GalleryItem shown;

    GalleryTile(int index, Image thumbnail, Runnable onClick) {
        ImageView view = new ImageView(thumbnail);
        view.setFitWidth(THUMB);
        view.setFitHeight(THUMB);
        view.setSmooth(false);
        // the whole label and answer, wrapped at spaces within the tile (its width is set in em by the theme)
        label.getStyleClass().add("gallery-label");
        label.setId("sample-label-" + index);
        answer.getStyleClass().add("gallery-answer");
        answer.setId("sample-answer-" + index);
        for (Label text : new Label[] {label, answer}) {
            text.setWrapText(true);
            text.setTextAlignment(TextAlignment.CENTER);
            text.setAlignment(Pos.TOP_CENTER);
            text.setMinHeight(Region.USE_PREF_SIZE);
        }
        root = new VBox(0, view, label, answer);
        Tooltip.install(root, tip);
        root.setAlignment(Pos.TOP_CENTER);
        root.setId("sample-" + index);
        root.setUserData(index);
        root.setPadding(new Insets(2));
        root.setStyle(NOT_SELECTED);
        root.setOnMouseClicked(e -> onClick.run());
    }

    VBox root() {
        return root;
    }

    /** True when the tile shows {@code item}'s label and answer already. */
    boolean shows(GalleryItem item) {
        return item.equals(shown);
    }

    /** Shows {@code item}'s label and answer; changes nothing when it is the one shown. */
    void show(GalleryItem item, List<String> classNames) {
        if (shows(item)) {
            return;
        }
        shown = item;
        label.setText(item.labelText(classNames));
        answer.setText(item.answerText(classNames));
        if (item.misclassified() != answer.getStyleClass().contains(WRONG)) {
            if (item.misclassified()) {
                answer.getStyleClass().add(WRONG);
            } else {
                answer.getStyleClass().remove(WRONG);
            }
        }
        tip.setText(item.tooltip(classNames));
    }

    /** Outlines the tile when its sample is the one recorded. */
    void select(boolean selected) {
        root.setStyle(selected ? SELECTED : NOT_SELECTED);
    }
}
