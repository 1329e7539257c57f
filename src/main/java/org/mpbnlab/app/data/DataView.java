package org.mpbnlab.app.data;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.mpbnlab.app.charts.ViewContext;
import org.mpbnlab.data.Dataset;

/**
 * The Data view: the task the network learns. 2-D point sets as a scatter over the network's decision
 * regions; image sets as a grid of test samples, each with its label and the network's answer. Thin:
 * state and engine calls live in {@link DataViewModel}.
 */
public final class DataView {

    private final DataViewModel model;
    private final ViewContext context;
    private final BorderPane root = new BorderPane();
    private final Label caption = new Label();
    private final Label status = new Label();
    private final FlowPane legend = new FlowPane(12, 4);
    private final DecisionCanvas regions;
    private final TilePane gallery = new TilePane(8, 8);
    private final ScrollPane galleryScroller = new ScrollPane(gallery);

    public DataView(DataViewModel model, ViewContext context) {
        this.model = model;
        this.context = context;
        regions = new DecisionCanvas(context);
        regions.setId("decision-regions");
        caption.setId("data-caption");
        caption.getStyleClass().add("caption");
        caption.setWrapText(true);
        status.setId("data-status");
        status.getStyleClass().add("unavailable-note");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.visibleProperty().bind(model.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        legend.setId("data-legend");
        legend.visibleProperty().bind(model.usesClassColoursProperty());
        legend.managedProperty().bind(legend.visibleProperty());
        gallery.setId("data-gallery");
        gallery.setPadding(new Insets(8));
        galleryScroller.setFitToWidth(true);
        galleryScroller.getStyleClass().add("chart-scroller");
        VBox top = new VBox(6, caption, legend, status);
        top.setPadding(new Insets(8, 8, 4, 8));
        root.setTop(top);
        root.setCenter(new StackPane(regions, galleryScroller));
        model.kindProperty().addListener((obs, old, now) -> showKind());
        model.decisionMapProperty().addListener((obs, old, now) -> redraw());
        model.iterationProperty().addListener((obs, old, now) -> redraw());
        model.gallery().addListener((ListChangeListener<DataViewModel.Sample>) c -> fillGallery());
        context.themeProperty().addListener((obs, old, now) -> {
            redraw();
            fillGallery();
        });
        showKind();
    }

    public Node root() {
        return root;
    }

    /** Refreshes run only while the view is shown. */
    public BooleanProperty activeProperty() {
        return model.activeProperty();
    }

    private void showKind() {
        DataViewModel.Kind kind = model.kindProperty().get();
        regions.setVisible(kind == DataViewModel.Kind.POINTS);
        galleryScroller.setVisible(kind == DataViewModel.Kind.IMAGES);
        redraw();
    }

    private void redraw() {
        Dataset data = model.datasetProperty().get();
        if (data == null) {
            caption.setText("The data appears here once the run is built.");
            legend.getChildren().clear();
            return;
        }
        showLegend(data.classNames());
        if (model.kindProperty().get() == DataViewModel.Kind.POINTS) {
            caption.setText(data.name() + ": " + data.numClasses() + " classes · dots: the training points, coloured by "
                    + "class · shading: the class the network predicts there (evaluation mode), iteration "
                    + model.iterationProperty().get());
            regions.show(data.train(), model.decisionMapProperty().get());
        } else {
            caption.setText(data.name() + ": the first " + model.gallery().size() + " test samples · under each: its "
                    + "label → the network's answer (red when wrong), iteration " + model.iterationProperty().get()
                    + (data.test().sampleShape().length == 4 ? " · each clip in one picture, coloured by when a pixel "
                    + "lit: blue at step 1 → green → red at step " + data.test().sampleShape()[0] : ""));
        }
    }

    private void showLegend(List<String> classNames) {
        legend.getChildren().clear();
        for (int c = 0; c < classNames.size(); c++) {
            java.awt.Color colour = context.themeProperty().get().colour(c);
            Rectangle swatch = new Rectangle(12, 12, Color.rgb(colour.getRed(), colour.getGreen(), colour.getBlue()));
            HBox entry = new HBox(4, swatch, new Label(DataViewModel.legendEntry(c, classNames.get(c))));
            entry.setAlignment(Pos.CENTER_LEFT);
            legend.getChildren().add(entry);
        }
    }

    private void fillGallery() {
        Dataset data = model.datasetProperty().get();
        gallery.getChildren().clear();
        if (data == null || model.kindProperty().get() != DataViewModel.Kind.IMAGES) {
            return;
        }
        double size = 64 * context.themeProperty().get().fontScale();
        ImageScale scale = data.test().sampleShape().length == 4 ? null : ImageScale.over(data.test(),
                model.gallery().stream().mapToInt(DataViewModel.Sample::index).toArray());
        for (DataViewModel.Sample sample : model.gallery()) {
            ImageView image = new ImageView(SampleImages.of(data.test(), sample.index(), scale));
            image.setFitWidth(size);
            image.setFitHeight(size);
            image.setSmooth(false);
            image.setPreserveRatio(true);
            // the label, then the answer on its own line; long names wrap at spaces within the tile, never cut
            Label answer = new Label(name(data, sample.label()) + "\n→ " + name(data, sample.prediction()));
            answer.getStyleClass().add(sample.correct() ? "answer-right" : "answer-wrong");
            answer.setWrapText(true);
            answer.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            answer.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            answer.setMaxWidth(size + 40);
            VBox tile = new VBox(2, image, answer);
            tile.setAlignment(Pos.TOP_CENTER);
            tile.getStyleClass().add("data-sample");
            gallery.getChildren().add(tile);
        }
        redraw();
    }

    private static String name(Dataset data, int label) {
        return data.classNames().get(label);
    }
}
