package org.mpbnlab.app.fold;

import java.io.File;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.mpbnlab.app.charts.ViewContext;

/**
 * The Fold tab: fold the current model, see its thresholds, check the whole test set, the naive fold's lesson,
 * the folding explorer, and the MPBN and folded networks side by side. Saving goes through the same model-file
 * code as the {@code fold} command.
 */
public final class FoldView {

    private final FoldViewModel model;
    private final BorderPane root = new BorderPane();
    private final TabPane parts = new TabPane();
    private final CheckAllViewModel check;
    private final NaiveLessonViewModel naive;
    private final ExplorerViewModel explorer;
    private final SideBySideViewModel sideBySide;

    public FoldView(FoldViewModel model, ViewContext context) {
        this.model = model;
        check = new CheckAllViewModel(model);
        naive = new NaiveLessonViewModel(model);
        explorer = new ExplorerViewModel(model);
        sideBySide = new SideBySideViewModel(model, naive);
        Button fold = new Button("Fold the current model");
        fold.setId("fold-button");
        fold.setOnAction(e -> model.fold());
        Button saveFolded = new Button("Save folded model…");
        saveFolded.setId("fold-save");
        saveFolded.setOnAction(e -> save(false));
        Button saveDeployable = new Button("Save deployable model…");
        saveDeployable.setId("fold-save-deployable");
        saveDeployable.setOnAction(e -> save(true));
        saveFolded.disableProperty().bind(model.workbenchProperty().isNull());
        saveDeployable.disableProperty().bind(model.workbenchProperty().isNull());
        fold.disableProperty().bind(model.task().busyProperty().or(model.foldableProperty().not()));
        Label summary = new Label();
        summary.setId("fold-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(model.summaryProperty());
        summary.visibleProperty().bind(model.summaryProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("fold-progress");
        progress.setPrefWidth(240);
        progress.progressProperty().bind(model.task().progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("fold-cancel");
        cancel.setOnAction(e -> model.task().cancel());
        cancel.disableProperty().bind(model.task().busyProperty().not());
        // progress and Cancel are seen only while a job runs, but keep their place all the time: in a narrow
        // window they need a row of their own, and a row that came and went would move the sub-tabs under the mouse
        for (javafx.scene.Node busyOnly : new javafx.scene.Node[] {progress, cancel}) {
            busyOnly.visibleProperty().bind(model.task().busyProperty());
        }
        for (Button button : new Button[] {fold, saveFolded, saveDeployable, cancel}) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        // the buttons wrap onto a second row when the window is narrow; the texts below use the full width
        FlowPane actions = new FlowPane(8, 6, fold, saveFolded, saveDeployable, progress, cancel);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("fold-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.task().messageProperty());
        message.visibleProperty().bind(model.task().messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        // the summary's two lines and the message's one keep their room while empty (before a fold, while a job
        // has not said anything), so that folding or checking never moves the sub-tabs under the mouse
        VBox texts = new VBox(6, summary, message);
        texts.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> 3 * (lineHeight(summary.getFont()) + 2) + 6, summary.fontProperty()));
        VBox top = new VBox(6, actions, texts);
        top.setPadding(new Insets(6));
        parts.getTabs().addAll(
                tab("Side by side", "fold-side-tab", new SideBySidePane(sideBySide).root()),
                tab("Thresholds", "fold-thresholds-tab", new ThresholdsPane(model, context).root()),
                tab("Check all", "fold-check-tab", new CheckAllPane(check, context).root()),
                tab("Naive fold", "fold-naive-tab", new NaivePane(naive).root()),
                tab("Explorer", "fold-explorer-tab", new ExplorerPane(explorer, context).root()));
        parts.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setTop(top);
        root.setCenter(parts);
    }

    /** The height of one line of text in {@code font}. */
    private static double lineHeight(javafx.scene.text.Font font) {
        javafx.scene.text.Text line = new javafx.scene.text.Text("Ág");
        line.setFont(font);
        return Math.ceil(line.getLayoutBounds().getHeight());
    }

    private static Tab tab(String name, String id, javafx.scene.Node content) {
        Tab tab = new Tab(name, content);
        tab.setId(id);
        return tab;
    }

    private void save(boolean deployable) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(deployable ? "Save the deployable model" : "Save the folded model");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MPBN Lab model", "*.zip"));
        chooser.setInitialFileName(deployable ? "deployable.zip" : "folded.zip");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            model.save(file.toPath(), deployable);
        }
    }

    public BorderPane root() {
        return root;
    }

    public TabPane parts() {
        return parts;
    }

    public FoldViewModel model() {
        return model;
    }

    public ExplorerViewModel explorer() {
        return explorer;
    }

    public CheckAllViewModel check() {
        return check;
    }

    public SideBySideViewModel sideBySide() {
        return sideBySide;
    }

    public NaiveLessonViewModel naive() {
        return naive;
    }
}
