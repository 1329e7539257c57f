package org.mpbnlab.session;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mpbnlab.snn.MpbnMode;

/**
 * A run's native memory goes back to the system when its engine is released (docs/memory.md): without the trim a
 * classroom session grew by ~0.5 GB of native memory per conv-small run until the system stopped the app.
 */
class NativeHeapTest {

    private static boolean linux() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux");
    }

    @Test
    void onLinuxTheJvmTrimsTheCLibrarysHeapAndSaysHowMuchWentBack() {
        assumeTrue(linux(), "glibc's malloc_trim is what the JVM's command calls");
        Optional<String> report = NativeHeap.trim();
        assertTrue(report.isPresent(), "the JVM's System.trim_native_heap did not answer");
        assertTrue(report.get().contains("->"), report.get());
    }

    @Test
    void aClosedRunGivesItsNativeMemoryBackWhenItsWorkerEnds() throws InterruptedException {
        SessionProbe probe = new SessionProbe();
        TrainingSession session = TrainingSessionTest.tinySession(
                TrainingSessionTest.tinySettings(MpbnMode.CHANNEL), probe);
        probe.start(session);
        long before = NativeHeap.trims();
        session.close();
        assertTrue(session.awaitTermination(120_000), "the worker did not end");
        assertTrue(NativeHeap.trims() > before, "no trim when the run's engine was released");
    }
}
