package org.mpbnlab.app.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mpbnlab.probe.LayerRecording;
import org.mpbnlab.probe.RecordingComparison;

/** Side by side without a screen: the same input through both networks, compared spike for spike. */
class SideBySideViewModelTest {

    @Test
    void theExactFoldFiresTheSameSpikesStepByStepAndTheCounterSaysSo() throws Exception {
        FoldViewModel fold = FoldViewModelTest.folded(FoldViewModelTest.sample("spirals-mlp2d-mpbn.zip", 64));
        SideBySideViewModel side = new SideBySideViewModel(fold, new NaiveLessonViewModel(fold));
        side.sampleProperty().set(5);
        SideBySideViewModel.Pair pair = side.pairProperty().get();
        assertNotNull(pair);
        assertEquals("folded (exact)", pair.rightName());
        assertEquals(5, pair.left().sampleIndices()[0]);
        int steps = pair.left().timeSteps();
        long perStep = 0;
        for (LayerRecording layer : pair.left().layers()) {
            perStep += layer.neurons();
        }
        // the message under the buttons counts the whole sample, not only its first step
        assertEquals(String.format(Locale.ROOT, "Recorded test sample 5 with both networks: %,d spikes compared over its"
                + " %d steps, 0 different.", perStep * steps, steps), fold.task().messageProperty().get());
        for (int t = 0; t < steps; t++) {
            assertEquals(t, side.stepProperty().get());
            assertEquals(perStep * (t + 1), pair.comparison().compared()[t]);
            assertEquals(0, pair.comparison().different()[t]);
            assertTrue(side.counter().contains("/ different 0 "), side.counter());
            for (int l = 0; l < pair.left().layers().size(); l++) {
                LayerRecording a = pair.left().layers().get(l);
                LayerRecording b = pair.right().layers().get(l);
                for (int n = 0; n < a.neurons(); n++) {
                    assertEquals(a.spiked(t, 0, n), b.spiked(t, 0, n));
                }
                assertTrue(pair.comparison().differences().get(l)[t].isEmpty());
            }
            for (int k = 0; k < pair.left().classes(); k++) {
                assertEquals(pair.left().logit(t, 0, k), pair.right().logit(t, 0, k));
            }
            side.advance();
        }
        assertEquals(steps - 1, side.stepProperty().get());
        assertFalse(side.playingProperty().get());
        assertTrue(side.explanation().contains("bit for bit"));
    }

    @Test
    void theDeployableNetworkAndTheNaiveFoldCanBePutOnTheRightAndTheirDifferencesAreMarked() throws Exception {
        FoldViewModel fold = FoldViewModelTest.folded(FoldViewModelTest.sample("spirals-mlp2d-mpbn.zip", 64));
        NaiveLessonViewModel naive = new NaiveLessonViewModel(fold);
        SideBySideViewModel side = new SideBySideViewModel(fold, naive);
        side.rightProperty().set(SideBySideViewModel.Right.DEPLOYABLE);
        SideBySideViewModel.Pair deployed = side.pairProperty().get();
        assertEquals("deployable", deployed.rightName());
        assertTrue(side.explanation().contains("changes the arithmetic"));
        assertMarksAreTheDifferences(deployed);
        side.rightProperty().set(SideBySideViewModel.Right.FOLDED);
        naive.naiveProperty().set(true);
        SideBySideViewModel.Pair lesson = side.pairProperty().get();
        assertEquals("naive fold", lesson.rightName());
        assertMarksAreTheDifferences(lesson);
    }

    private static void assertMarksAreTheDifferences(SideBySideViewModel.Pair pair) {
        RecordingComparison c = pair.comparison();
        long counted = 0;
        for (int l = 0; l < pair.left().layers().size(); l++) {
            LayerRecording a = pair.left().layers().get(l);
            LayerRecording b = pair.right().layers().get(l);
            for (int t = 0; t < a.timeSteps(); t++) {
                BitSet marks = c.differences().get(l)[t];
                for (int n = 0; n < a.neurons(); n++) {
                    assertEquals(a.spiked(t, 0, n) != b.spiked(t, 0, n), marks.get(n));
                }
                counted += marks.cardinality();
            }
        }
        assertEquals(counted, c.different()[c.different().length - 1]);
        assertEquals(Math.min(counted, RecordingComparison.EXAMPLES), c.examples().size());
    }

    @Test
    void theLogitsAndPredictionsNameTheClassesAsTheSpikesViewDoes() throws Exception {
        FoldViewModel fold = FoldViewModelTest.folded(FoldViewModelTest.sample("glyphs-mlp-mpbn.zip", 16));
        SideBySideViewModel side = new SideBySideViewModel(fold, new NaiveLessonViewModel(fold));
        side.sampleProperty().set(3);
        SideBySideViewModel.Pair pair = side.pairProperty().get();
        List<String> names = fold.workbenchProperty().get().model().dataset().classNames();
        assertEquals(names, pair.classNames());
        assertTrue(names.contains("horizontal bar"), "the glyph classes have names: " + names);
        for (int t = 0; t < pair.left().timeSteps(); t++) {
            side.stepProperty().set(t);
            List<String[]> rows = side.logitRows();
            assertEquals(names.size(), rows.size());
            for (int k = 0; k < rows.size(); k++) {
                assertEquals(names.get(k), rows.get(k)[0], "row " + k + " names its class");
                assertEquals(String.format(Locale.ROOT, "%.5f", pair.left().logit(t, 0, k)), rows.get(k)[1]);
                assertEquals(String.format(Locale.ROOT, "%.5f", pair.right().logit(t, 0, k)), rows.get(k)[2]);
            }
            assertEquals("after step " + (t + 1) + ": MPBN predicts " + names.get(pair.left().predictionAfter(t, 0))
                    + ", folded (exact) predicts " + names.get(pair.right().predictionAfter(t, 0)) + " · label "
                    + names.get(pair.left().labels()[0]), side.predictions());
        }
    }
}
