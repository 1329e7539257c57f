package org.mpbnlab.app.spikes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The answer after each step, told by its changes (issue 12's strip, readable at T = 16). */
class AnswerRunsTest {

    private static final List<String> GLYPHS = List.of("ring", "ring with dot", "square", "triangle", "cross", "plus",
            "horizontal bar", "vertical bar", "two dots", "corner");

    @Test
    void stepsWithTheSameAnswerFormOneRun() {
        assertEquals(List.of(new AnswerRuns.Run(0, 0, 1), new AnswerRuns.Run(4, 2, 2), new AnswerRuns.Run(6, 3, 15)),
                AnswerRuns.of(new int[] {0, 0, 4, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6}));
        assertEquals(List.of(new AnswerRuns.Run(6, 0, 0)), AnswerRuns.of(new int[] {6}));
        assertEquals(List.of(), AnswerRuns.of(new int[0]));
    }

    @Test
    void theSentenceNamesEveryAnswerInFullWithRightOrWrong() {
        List<AnswerRuns.Run> runs = AnswerRuns.of(new int[] {0, 0, 4, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6});
        assertEquals("steps 1–2: ring\u00a0✗ · step 3: cross\u00a0✗ · steps 4–16: horizontal bar\u00a0✓",
                AnswerRuns.describe(runs, GLYPHS, 6, 4));
    }

    @Test
    void manyChangesAreToldAsOneRunBeforeTheLastOnes() {
        List<AnswerRuns.Run> runs = AnswerRuns.of(new int[] {0, 4, 0, 4, 0, 5, 5, 6, 6, 6});
        assertEquals("steps 1–5: changing · steps 6–7: plus\u00a0✗ · steps 8–10: horizontal bar\u00a0✓",
                AnswerRuns.describe(runs, GLYPHS, 6, 3));
    }

    @Test
    void aDrawingHasNoLabelSoNoRightOrWrong() {
        assertEquals("steps 1–3: two dots", AnswerRuns.describe(AnswerRuns.of(new int[] {8, 8, 8}), GLYPHS, -1, 4));
    }
}
