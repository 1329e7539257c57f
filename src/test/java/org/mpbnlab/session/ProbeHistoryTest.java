package org.mpbnlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpbnlab.probe.ProbeFrame;
import org.mpbnlab.probe.StatisticsSource;

class ProbeHistoryTest {

    private static ProbeFrame frame(long iteration) {
        return new ProbeFrame(iteration, StatisticsSource.TRAINING_BATCH, 4, List.of());
    }

    private static List<Long> iterations(ProbeHistory history) {
        return history.frames().stream().map(ProbeFrame::iteration).toList();
    }

    @Test
    void keepsEveryFrameUntilFull() {
        ProbeHistory history = new ProbeHistory(4);
        for (long i = 0; i < 4; i++) {
            history.offer(frame(i));
        }
        assertEquals(List.of(0L, 1L, 2L, 3L), iterations(history));
    }

    @Test
    void whenFullDropsEveryOtherFrameAndThenKeepsEverySecond() {
        ProbeHistory history = new ProbeHistory(4);
        for (long i = 0; i < 5; i++) {
            history.offer(frame(i));
        }
        assertEquals(List.of(0L, 2L, 4L), iterations(history));
        history.offer(frame(5));
        history.offer(frame(6));
        assertEquals(List.of(0L, 2L, 4L, 6L), iterations(history));
    }

    @Test
    void aLongRunStaysWithinCapacityAndSpansFromTheStart() {
        ProbeHistory history = new ProbeHistory(8);
        for (long i = 0; i < 1000; i++) {
            history.offer(frame(i));
            assertTrue(history.frames().size() <= 8);
        }
        List<Long> kept = iterations(history);
        assertEquals(0L, kept.get(0));
        assertTrue(kept.get(kept.size() - 1) >= 1000 - 128, "the newest kept frame is recent: " + kept);
    }

    @Test
    void curvesAreThinnedTheSameWay() {
        CurveRecorder curve = new CurveRecorder("loss", 4);
        for (int i = 1; i <= 9; i++) {
            curve.add(i, 10 * i);
        }
        MetricCurve snapshot = curve.snapshot();
        assertEquals(List.of(1L, 5L, 9L), java.util.Arrays.stream(snapshot.iterations()).boxed().toList());
        assertEquals(90, snapshot.last());
    }
}
