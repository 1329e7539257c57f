package org.mpbnlab.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpbnlab.app.FxThread.fx;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mpbnlab.app.charts.ChartTheme;
import org.mpbnlab.session.TrainingCurves;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 11 (tester, S3): run #9's legend swatch was run #1's dark blue square. Past the palette's eight colours the
 * swatch is a dashed line in the run's colour, as its curves are drawn, in every theme.
 */
@ExtendWith(ApplicationExtension.class)
class RunLegendUiTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theNinthRunsSwatchIsADashedLineNotTheFirstRunsSquare() throws Exception {
        List<RunCurves> runs = new ArrayList<>();
        for (int number = 1; number <= 9; number++) {
            runs.add(new RunCurves(number, "#" + number + " run", TrainingCurves.empty()));
        }
        for (ChartTheme theme : List.of(ChartTheme.DESK, ChartTheme.CLASSROOM, ChartTheme.HIGH_CONTRAST)) {
            RunLegend legend = fx(() -> {
                RunLegend shown = new RunLegend();
                shown.show(runs, theme);
                stage.setScene(new Scene(shown, 800, 200));
                stage.show();
                return shown;
            });
            Rectangle first = fx(() -> assertInstanceOf(Rectangle.class, ((Label) legend.entry(1)).getGraphic()));
            Line ninth = fx(() -> assertInstanceOf(Line.class, ((Label) legend.entry(9)).getGraphic()));
            assertFalse(fx(() -> ninth.getStrokeDashArray().isEmpty()), "dashed");
            assertEquals((Color) fx(first::getFill), (Color) fx(ninth::getStroke), "the same colour, told by its dashes");
            assertTrue(fx(() -> ((Label) legend.entry(8)).getGraphic() instanceof Rectangle), "run #8: a colour of its own");
        }
    }
}
