package org.mpbnlab.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.mpbnlab.data.DataSplit;
import org.mpbnlab.data.Encoders;
import org.mpbnlab.snn.FiringThreshold;
import org.nd4j.linalg.api.buffer.DataType;
import org.mpbnlab.snn.FoldedLifNeurons;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.Pass;
import org.mpbnlab.snn.RunningStatsMode;
import org.mpbnlab.train.InputFeeder;

/** The check's progress, cancellation and margin histogram; the flip finder's explanations. */
class FoldCheckTest {

    private static final InputFeeder DIRECT = new InputFeeder(Encoders.byName("direct"), 0);

    @Test
    void progressIsReportedPerBatchAndTheHistogramCountsEveryComparedNonConstantNeuron() {
        Network mpbn = FoldedNetworkTest.randomNetwork(MpbnMode.CHANNEL, RunningStatsMode.SHARED, 41);
        Network folded = ThresholdFolder.fold(mpbn, FoldMethod.EXACT).network();
        DataSplit data = FoldedNetworkTest.randomData(70, 41);
        List<long[]> calls = new ArrayList<>();
        EquivalenceReport report = EquivalenceChecker.compare(mpbn, folded, data, DIRECT, 32, 70,
                (done, total) -> calls.add(new long[] {done, total}));
        assertEquals(List.of(0L, 32L, 64L, 70L), calls.stream().map(c -> c[0]).toList());
        assertTrue(calls.stream().allMatch(c -> c[1] == 70));
        long constantNeurons = 0;
        for (var layer : folded.spikingLayers()) {
            FoldedLifNeurons f = (FoldedLifNeurons) layer;
            int spatial = f.groupLayout().spatial();
            for (int g = 0; g < f.groupLayout().groups(); g++) {
                constantNeurons += f.direction().getDouble(0, g) == 0 ? spatial : 0;
            }
        }
        assertTrue(constantNeurons > 0, "the random network has γ = 0 groups");
        long steps = mpbn.spec().timeSteps();
        assertEquals(report.spikesCompared() - constantNeurons * steps * 70, report.margins().total());
        double smallest = MarginHistogram.lowerEdge(firstNonEmpty(report.margins()));
        assertTrue(smallest <= report.minMargin() && report.minMargin() < 2 * Math.max(smallest, 1e-300) + 1e-300,
                "the smallest margin lies in the first non-empty bin");
    }

    private static int firstNonEmpty(MarginHistogram h) {
        for (int b = 0; b < h.bins(); b++) {
            if (h.count(b) > 0) {
                return b;
            }
        }
        throw new AssertionError("empty histogram");
    }

    @Test
    void aCheckStopsWhenItsProgressSaysSo() {
        Network mpbn = FoldedNetworkTest.randomNetwork(MpbnMode.CHANNEL, RunningStatsMode.SHARED, 42);
        Network folded = ThresholdFolder.fold(mpbn, FoldMethod.EXACT).network();
        DataSplit data = FoldedNetworkTest.randomData(96, 42);
        List<Long> seen = new ArrayList<>();
        assertThrows(CancellationException.class, () -> EquivalenceChecker.compare(mpbn, folded, data, DIRECT, 32, 96,
                (done, total) -> seen.add(done) && done < 32));
        assertEquals(List.of(0L, 32L), seen);
        Pass pass = new Pass(mpbn.spec().timeSteps(), 4, false);
        var input = DIRECT.encode(mpbn, data, new int[] {0, 1, 2, 3}, pass);
        assertThrows(CancellationException.class, () -> InferenceSpeeds.measure(mpbn, folded, null, input, pass,
                (done, total) -> false));
    }

    @Test
    void theExactFoldFlipsNothingAndAMovedThresholdFlipsSpikesThatTheFinderExplains() {
        Network mpbn = FoldedNetworkTest.randomNetwork(MpbnMode.CHANNEL, RunningStatsMode.PER_STEP, 43);
        Network exact = ThresholdFolder.fold(mpbn, FoldMethod.EXACT).network();
        DataSplit data = FoldedNetworkTest.randomData(64, 43);
        FlipReport none = new FlipFinder(mpbn, exact, exact).find(data, DIRECT, 32, 64, 10, CheckProgress.NONE);
        assertEquals(0, none.flips());
        assertTrue(none.compared() > 0);

        // a candidate whose first layer's thresholds are all moved: the membranes between old and new flip
        Network moved = ThresholdFolder.fold(mpbn, FoldMethod.EXACT).network();
        FoldedLifNeurons first = (FoldedLifNeurons) moved.spikingLayers().get(0);
        for (int set = 0; set < first.threshold().size(0); set++) {
            for (int g = 0; g < first.threshold().size(1); g++) {
                if (first.direction().getDouble(set, g) != 0) {
                    first.threshold().putScalar(new long[] {set, g}, first.threshold().getDouble(set, g) + 0.4);
                }
            }
        }
        FlipReport report = new FlipFinder(mpbn, exact, moved).find(data, DIRECT, 32, 64, 1000, CheckProgress.NONE);
        EquivalenceReport check = EquivalenceChecker.compare(mpbn, moved, data, DIRECT, 32, 64);
        assertEquals(check.spikeMismatches(), report.flips());
        assertTrue(report.rounding() > 0, "moved thresholds flip spikes with the same membrane");
        assertTrue(report.cascade() > 0, "the flips change later membranes");
        for (SpikeFlip flip : report.examples()) {
            if (flip.cause() == SpikeFlip.Cause.ROUNDING) {
                assertEquals(0, flip.layer());
                double low = Math.min(flip.exactThreshold(), flip.candidateThreshold());
                double high = Math.max(flip.exactThreshold(), flip.candidateThreshold());
                assertTrue(low <= flip.uPre() && flip.uPre() <= high, flip.explanation());
                boolean exactSays = flip.direction() > 0 ? flip.uPre() > flip.exactThreshold()
                        : flip.uPre() < flip.exactThreshold();
                assertEquals(flip.mpbnFires(), exactSays);
                assertEquals(flip.mpbnFires(), flip.uHat() > flip.vth());
                assertTrue(flip.explanation().contains(Float.toString(flip.uPre())));
            } else {
                assertFalse(Float.compare(flip.uPre(), flip.candidateUPre()) == 0);
            }
        }
    }

    @Test
    void aChannelFoldUsesTheEnginesDecisionAndFlipsWithGamma() {
        ChannelFold channel = new ChannelFold(1.5, 0.2, 0.1, 0.25, 1e-5, 0.5);
        FiringThreshold exact = channel.exact();
        assertEquals(1, exact.direction());
        assertEquals(channel.formula(), exact.threshold(), 1e-6);
        assertFalse(channel.fires(exact.threshold()));
        assertTrue(channel.fires(Math.nextUp((float) exact.threshold())));
        FiringThreshold reversed = channel.withGamma(-1.5).exact();
        assertEquals(-1, reversed.direction());
        assertTrue(channel.withGamma(-1.5).fires(reversed.threshold() - 1));
        assertEquals(FiringThreshold.constant(false, DataType.FLOAT), channel.withGamma(0).exact());
        assertEquals(FiringThreshold.constant(true, DataType.FLOAT), channel.withGamma(-0.0).withBeta(0.7).exact());
        assertTrue(Double.isNaN(channel.withGamma(0).formula()));
    }
}
