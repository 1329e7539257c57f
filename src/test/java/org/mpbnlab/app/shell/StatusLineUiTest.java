package org.mpbnlab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mpbnlab.app.FxThread.await;
import static org.mpbnlab.app.FxThread.fx;

import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.mpbnlab.app.LayoutAudit;
import org.mpbnlab.app.StageSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The status line keeps its height when its progress bar comes and goes (a run starting, pausing) and when its
 * message is longer than the line (a reset's note): everything above it, the Train view's buttons too, stays
 * where it is (they moved 5 px at 1024 × 768 in classroom fonts with the bar, 25 px with a two-line message).
 */
@ExtendWith(ApplicationExtension.class)
class StatusLineUiTest {

    private Stage stage;
    private StageSize size;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        size = StageSize.of(stage);
    }

    @org.junit.jupiter.api.AfterEach
    void giveTheStageBack() throws Exception {
        size.restore();
    }

    @Test
    void theLineKeepsItsHeightWhenTheProgressBarComesAndGoes() throws Exception {
        SimpleDoubleProperty progress = new SimpleDoubleProperty(-1);
        StatusLine line = show(new SimpleStringProperty("Run #1 training · iteration 3/374"), progress);
        double withBar = fx(() -> heightOf(line));
        double withoutBar = fx(() -> {
            progress.set(0);
            return heightOf(line);
        });
        assertEquals(withBar, withoutBar, 0.5, "the status line's height");
    }

    /**
     * A short message is shown whole; a longer one, or much longer, keeps the line's height, ends in "…" and is whole
     * in the tooltip (the Train view says such messages whole beside its buttons).
     */
    @Test
    void theLineKeepsItsHeightWhateverItsMessageSays() throws Exception {
        SimpleStringProperty text = new SimpleStringProperty("Run #2 ready · iteration 0/374 · epoch 0");
        StatusLine line = show(text, new SimpleDoubleProperty(0));
        double oneLine = fx(() -> heightOf(line));
        assertEquals("", String.join("\n", fx(() -> LayoutAudit.audit(line))), "a short message is cut");
        String reset = "Run #2 ready · iteration 0/374 · epoch 0 · reset: new run from the weights of"
                + " glyphs-conv-small-mpbn.zip · training diverged at iteration 58 (loss is NaN)";
        String refusal = reset + " · not started: preset conv-small does not fit data set /tmp/pts5.csv: conv-small"
                + " takes images [C, H, W] with H and W divisible by 4 and /tmp/pts5.csv has samples of shape [2];"
                + " with /tmp/pts5.csv use preset mlp or mlp-2d";
        for (String message : new String[] {reset, refusal}) {
            double height = fx(() -> {
                text.set(message);
                return heightOf(line);
            });
            assertEquals(oneLine, height, 0.5, "the status line's height with \"" + message + "\"");
        }
        javafx.scene.control.Label label = fx(() -> (javafx.scene.control.Label) line.lookup("#status-text"));
        assertEquals(refusal, fx(() -> label.getTooltip().getText()));
    }

    private StatusLine show(SimpleStringProperty text, SimpleDoubleProperty progress) throws Exception {
        StatusLine line = fx(() -> {
            StatusLine created = new StatusLine(text, progress);
            BorderPane root = new BorderPane();
            root.getStyleClass().add("main-window");
            root.setBottom(created);
            Scene scene = new Scene(root, 1024, 200);
            scene.getStylesheets().setAll(AppTheme.CLASSROOM.stylesheets());
            stage.setScene(scene);
            stage.setWidth(1024);
            stage.setHeight(200);
            stage.show();
            return created;
        });
        await(() -> line.getScene().getWidth() == 1024 && line.getHeight() > 0);
        return line;
    }

    private static double heightOf(StatusLine line) {
        line.getScene().getRoot().applyCss();
        line.getScene().getRoot().layout();
        return line.getHeight();
    }
}
