package org.mpbnlab.app.spikes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.mpbnlab.data.Dataset;

/**
 * The gallery of test samples: thumbnails with "label → answer" (red when wrong) for images and clips, or a
 * scatter of the points for 2-D sets; "misclassified only" filters it. A click records the sample.
 */
final class GalleryPane {

    /** Gallery tiles made at most per pulse (their styling and layout take time on the UI thread). */
    private static final int TILES_PER_PULSE = 4;
    /**
     * Tiles told a new answer at most per pulse: each changed text is measured, styled and laid out again at the
     * next pulse, about 16 ms of UI work for all 200 at once (conv-small's gallery, measured with the pulse log) and
     * 8–13 ms a pulse at 20 per pulse, so new weights' answers appear over twenty pulses (a third of a second), from
     * the top of the gallery down.
     */
    static final int ANSWERS_PER_PULSE = 10;

    private final SpikesViewModel model;
    private final TilePane tiles = new TilePane(4, 4);
    private final Canvas points = new Canvas(236, 236);
    private final ScrollPane scroller = new ScrollPane(tiles);
    private final Label caption = new Label();
    private final VBox root;
    /** The tile of each sample of the dataset shown, made once per dataset and then updated. */
    private final Map<Integer, GalleryTile> tileOf = new HashMap<>();
    /** Makes the tiles still missing at the next pulse. */
    private final PauseTransition missing = new PauseTransition(Duration.ONE);
    private Dataset tilesOf;

    GalleryPane(SpikesViewModel model) {
        this.model = model;
        tiles.setId("spikes-gallery");
        tiles.setPrefColumns(4);
        tiles.setPadding(new Insets(4));
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroller, Priority.ALWAYS);
        CheckBox wrongOnly = new CheckBox("misclassified only");
        wrongOnly.setId("misclassified-only");
        wrongOnly.selectedProperty().bindBidirectional(model.onlyMisclassifiedProperty());
        wrongOnly.setTooltip(new Tooltip("Show only the samples the model gets wrong"));
        caption.setWrapText(true);
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        points.setOnMouseClicked(e -> pickPoint(e.getX(), e.getY()));
        Tooltip.install(points, new Tooltip("Test points coloured by class (× = misclassified); click one to record it"));
        Label heading = new Label("Test samples (the first " + SpikesViewModel.GALLERY_SIZE + ")");
        heading.getStyleClass().add("caption");
        heading.setWrapText(true);
        heading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        wrongOnly.setWrapText(true);
        wrongOnly.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        root = new VBox(4, heading, wrongOnly, caption, scroller);
        root.setPadding(new Insets(4));
        missing.setOnFinished(e -> rebuild());
        model.gallery().addListener((ListChangeListener<GalleryItem>) c -> rebuild());
        model.selectedSampleProperty().addListener((obs, old, now) -> restyle());
        model.galleryIterationProperty().addListener((obs, old, now) -> updateCaption());
    }

    VBox root() {
        return root;
    }

    private void updateCaption() {
        Dataset data = model.datasetProperty().get();
        caption.setText("Under each: its label → the model's answer at iteration "
                + model.galleryIterationProperty().get() + " (red: wrong)" + (data == null ? "" : clipKey(data)));
    }

    /** For clips, what the colours of a thumbnail mean (see {@link Thumbnails#of}); "" for other data. */
    static String clipKey(Dataset data) {
        int[] shape = data.test().sampleShape();
        return shape.length == 4 ? ". Colour: when a pixel lit, blue at step 1 → green → red at step " + shape[0]
                : "";
    }

    private void rebuild() {
        updateCaption();
        Dataset data = model.datasetProperty().get();
        if (data == null) {
            return;
        }
        if (data.test().sampleShape().length == 1) {
            scroller.setContent(points);
            drawPoints(data);
            return;
        }
        scroller.setContent(tiles);
        if (tilesOf != data) {
            tileOf.clear();
            tiles.getChildren().clear();
            tilesOf = data;
        }
        List<String> names = data.classNames();
        List<Node> order = new ArrayList<>(model.gallery().size());
        int made = 0;
        int told = 0;
        for (GalleryItem item : model.gallery()) {
            GalleryTile tile = tileOf.get(item.index());
            if (tile == null) {
                if (made == TILES_PER_PULSE) {
                    // the rest at the next pulse: a few new tiles at a time keep each pulse short
                    missing.playFromStart();
                    break;
                }
                tile = new GalleryTile(item.index(), Thumbnails.of(data.test(), item.index()),
                        () -> model.selectSample(item.index()));
                tile.select(item.index() == model.selectedSampleProperty().get());
                tileOf.put(item.index(), tile);
                tile.show(item, names);
                made++;
            } else if (!tile.shows(item)) {
                if (told < ANSWERS_PER_PULSE) {
                    tile.show(item, names);
                    told++;
                } else {
                    missing.playFromStart(); // this tile keeps its old answer until a next pulse
                }
            }
            order.add(tile.root());
        }
        javafx.collections.ObservableList<Node> now = tiles.getChildren();
        if (order.size() >= now.size() && order.subList(0, now.size()).equals(now)) {
            now.addAll(order.subList(now.size(), order.size())); // only new tiles: the others stay styled and placed
        } else {
            now.setAll(order);
        }
    }

    private void restyle() {
        int selected = model.selectedSampleProperty().get();
        tileOf.forEach((index, tile) -> tile.select(index == selected));
        Dataset data = model.datasetProperty().get();
        if (data != null && data.test().sampleShape().length == 1) {
            drawPoints(data);
        }
    }

    private double[] bounds(float[] all) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (GalleryItem item : model.gallery()) {
            lo = Math.min(lo, Math.min(all[2 * item.index()], all[2 * item.index() + 1]));
            hi = Math.max(hi, Math.max(all[2 * item.index()], all[2 * item.index() + 1]));
        }
        return new double[] {lo, Math.max(hi, lo + 1e-6)};
    }

    private void drawPoints(Dataset data) {
        GraphicsContext g = points.getGraphicsContext2D();
        double size = points.getWidth() - 12;
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, points.getWidth(), points.getHeight());
        float[] all = data.test().features();
        double[] b = bounds(all);
        for (GalleryItem item : model.gallery()) {
            double x = 6 + (all[2 * item.index()] - b[0]) / (b[1] - b[0]) * size;
            double y = 6 + (b[1] - all[2 * item.index() + 1]) / (b[1] - b[0]) * size;
            Color colour = Thumbnails.classColour(item.label());
            if (item.misclassified()) {
                g.setStroke(colour);
                g.setLineWidth(2);
                g.strokeLine(x - 3, y - 3, x + 3, y + 3);
                g.strokeLine(x - 3, y + 3, x + 3, y - 3);
            } else {
                g.setFill(colour);
                g.fillOval(x - 3, y - 3, 6, 6);
            }
            if (item.index() == model.selectedSampleProperty().get()) {
                g.setStroke(Color.BLACK);
                g.setLineWidth(2);
                g.strokeOval(x - 7, y - 7, 14, 14);
            }
        }
    }

    private void pickPoint(double x, double y) {
        Dataset data = model.datasetProperty().get();
        if (data == null || model.gallery().isEmpty()) {
            return;
        }
        float[] all = data.test().features();
        double[] b = bounds(all);
        double size = points.getWidth() - 12;
        GalleryItem best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (GalleryItem item : model.gallery()) {
            double px = 6 + (all[2 * item.index()] - b[0]) / (b[1] - b[0]) * size;
            double py = 6 + (b[1] - all[2 * item.index() + 1]) / (b[1] - b[0]) * size;
            double d = Math.hypot(px - x, py - y);
            if (d < bestDistance) {
                bestDistance = d;
                best = item;
            }
        }
        if (best != null) {
            model.selectSample(best.index());
        }
    }
}
