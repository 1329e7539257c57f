package org.mpbnlab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mpbnlab.app.FxThread.await;
import static org.mpbnlab.app.FxThread.fx;

import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.mpbnlab.app.StageSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The status line keeps its height when its progress bar comes and goes (a run starting, pausing): everything above
 * it, the Train view's buttons too, stays where it is (they moved 5 px at 1024 × 768 in classroom fonts).
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
        StatusLine line = fx(() -> {
            StatusLine created = new StatusLine(new SimpleStringProperty("Run #1 training · iteration 3/374"), progress);
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
        double withBar = fx(() -> heightOf(line));
        double withoutBar = fx(() -> {
            progress.set(0);
            return heightOf(line);
        });
        assertEquals(withBar, withoutBar, 0.5, "the status line's height");
    }

    private static double heightOf(StatusLine line) {
        line.getScene().getRoot().applyCss();
        line.getScene().getRoot().layout();
        return line.getHeight();
    }
}
