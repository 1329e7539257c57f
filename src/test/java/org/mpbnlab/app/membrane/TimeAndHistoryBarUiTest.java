package org.mpbnlab.app.membrane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpbnlab.app.FxThread.await;
import static org.mpbnlab.app.FxThread.fx;

import javafx.animation.Timeline;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import java.util.List;
import org.mpbnlab.probe.ProbeFrame;
import org.mpbnlab.snn.MpbnMode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mpbnlab.session.SessionSnapshot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 11 M1: "Play steps" turning into "Stop" keeps its width, so the toolbar beside it does not jump. */
@ExtendWith(ApplicationExtension.class)
class TimeAndHistoryBarUiTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void playStepsAndStopAreEquallyWideAndTheSlidersStayPut() throws Exception {
        Node bar = fx(() -> {
            MembraneViewModel model = new MembraneViewModel(new SimpleObjectProperty<SessionSnapshot>());
            Node created = TimeAndHistoryBar.create(model, new Timeline());
            stage.setScene(new Scene(new StackPane(created), 1280, 120));
            stage.show();
            return created;
        });
        await(() -> bar.getScene().getWidth() == 1280);
        ToggleButton play = fx(() -> (ToggleButton) bar.lookup("#play-steps"));
        double[] stopped = fx(() -> measure(bar, play));
        double[] playing = fx(() -> {
            play.setSelected(true);
            return measure(bar, play);
        });
        assertEquals("Stop", fx(play::getText));
        assertEquals(stopped[0], playing[0], "button width");
        assertEquals(stopped[1], playing[1], "time cursor's left edge");
        assertEquals(stopped[2], playing[2], "history slider's left edge");
        fx(() -> {
            play.setSelected(false);
            return true;
        });
    }

    /** Issue 11 (tester, S3): right after start (one recording), live's thumb sits at the right end, not the left. */
    @Test
    void withOneRecordingTheLiveThumbSitsAtTheRightEnd() throws Exception {
        SimpleObjectProperty<SessionSnapshot> snapshots = new SimpleObjectProperty<>();
        MembraneViewModel model = fx(() -> new MembraneViewModel(snapshots));
        Node bar = fx(() -> {
            Node created = TimeAndHistoryBar.create(model, new Timeline());
            stage.setScene(new Scene(new StackPane(created), 1024, 120));
            stage.show();
            return created;
        });
        Slider history = fx(() -> (Slider) bar.lookup("#history-slider"));
        ProbeFrame first = ProbeFrames.conv(2, MpbnMode.CHANNEL, 0, 1);
        fx(() -> {
            snapshots.set(ProbeFrames.snapshot(first, List.of(first)));
            return true;
        });
        assertEquals(fx(history::getMax), fx(history::getValue), "the newest end");
        assertTrue(fx(() -> model.followLiveProperty().get()), "still live");
        assertTrue(fx(history::isDisabled), "nothing to scrub yet");
    }

    /** The button's width and the left edges of the time cursor and the history slider, after a layout. */
    private static double[] measure(Node bar, ToggleButton play) {
        bar.getScene().getRoot().applyCss();
        bar.getScene().getRoot().layout();
        Node cursor = bar.lookup("#time-cursor");
        Node history = bar.lookup("#history-slider");
        return new double[] {play.getWidth(), cursor.localToScene(cursor.getLayoutBounds()).getMinX(),
            history.localToScene(history.getLayoutBounds()).getMinX()};
    }
}
