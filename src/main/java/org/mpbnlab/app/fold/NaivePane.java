package org.mpbnlab.app.fold;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.mpbnlab.fold.FlipReport;
import org.mpbnlab.fold.SpikeFlip;

/** "Why exactness is not free": the naive-fold switch and the spikes it flips, each explained. */
final class NaivePane {

    private final NaiveLessonViewModel model;
    private final BorderPane root = new BorderPane();
    private final Label headline = new Label("Switch on the naive fold to see which spikes it flips on the test set.");
    private final Label why = new Label();
    private final TableView<String[]> table = CheckAllPane.table("fold-flips", "layer", "step", "sample", "neuron",
            "u_pre", "û", "V_th", "exact Ṽ", "naive Ṽ", "floats\napart", "MPBN", "naive", "cause");

    NaivePane(NaiveLessonViewModel model) {
        this.model = model;
        CheckBox naive = new CheckBox("Use the naive float formula Ṽ = μ + (V_th − β)·sqrt(σ² + ε)/γ instead of the"
                + " exact fold (here and on the right of Side by side)");
        naive.setId("fold-naive");
        // "V_th" as written (no mnemonic eats its underscore), wrapping in a projector's large font
        naive.setMnemonicParsing(false);
        naive.setWrapText(true);
        naive.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        naive.selectedProperty().bindBidirectional(model.naiveProperty());
        Label lesson = new Label("The formula is right in real numbers, but each float operation rounds: the naive Ṽ"
                + " can land a float or two away from the true boundary of MPBN's decision û > V_th. A membrane that"
                + " falls in between is decided differently — a flipped spike. The exact fold takes Ṽ as the last"
                + " float at which the engine's own MPBN decision is still \"no spike\", so no membrane can fall in"
                + " between.");
        lesson.setWrapText(true);
        headline.setWrapText(true);
        headline.setId("fold-flips-headline");
        why.setWrapText(true);
        why.setId("fold-flip-why");
        VBox top = new VBox(6, naive, lesson, headline);
        top.setPadding(new Insets(6));
        root.setTop(top);
        root.setCenter(table);
        root.setBottom(why);
        BorderPane.setMargin(why, new Insets(6));
        model.flipsProperty().addListener((obs, old, now) -> show(now));
        headline.fontProperty().addListener((obs, old, now) -> TableFit.fitColumns(table, table.getItems(),
                now.getSize()));
        table.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> explain(now.intValue()));
    }

    private void show(FlipReport report) {
        if (report == null) {
            table.getItems().clear();
            headline.setText("Switch on the naive fold to see which spikes it flips on the test set.");
            why.setText("");
            return;
        }
        headline.setText(NaiveLessonViewModel.headline(report));
        table.setItems(FXCollections.observableArrayList(NaiveLessonViewModel.rows(report)));
        // every column as wide as its header and values in the font in use: nothing is cut with "…" (in a
        // projector's large font the table scrolls sideways rather than cut a digit)
        TableFit.fitColumns(table, table.getItems(), headline.getFont().getSize());
        if (!report.examples().isEmpty()) {
            table.getSelectionModel().select(0);
        }
    }

    private void explain(int row) {
        FlipReport report = model.flipsProperty().get();
        if (report == null || row < 0 || row >= report.examples().size()) {
            why.setText("");
            return;
        }
        SpikeFlip flip = report.examples().get(row);
        why.setText("Why: " + flip.explanation());
    }

    BorderPane root() {
        return root;
    }
}
