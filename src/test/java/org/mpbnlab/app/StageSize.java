package org.mpbnlab.app;

import javafx.stage.Stage;

/**
 * The size of the primary stage, which TestFX shares between UI test classes: taken when a test class gets the
 * stage, and given back after each test, so that the next class finds the stage as it was (a stage left larger
 * than the headless screen overflows Monocle's frame buffer in the next class).
 *
 * @param stage  the shared stage
 * @param width  its width when the test class got it
 * @param height its height then
 */
public record StageSize(Stage stage, double width, double height) {

    /** The size {@code stage} has now. */
    public static StageSize of(Stage stage) {
        return new StageSize(stage, stage.getWidth(), stage.getHeight());
    }

    /** Gives the stage back at the size it had (on the FX thread, waiting for it). */
    public void restore() throws Exception {
        FxThread.fx(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            return true;
        });
    }
}
