package org.mpbnlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.mpbnlab.snn.MpbnMode;

class EngineTurnsTest {

    /** Waits (up to a generous guard time) until a thread is queued for a turn. */
    private static void awaitSomeoneWaiting() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!EngineTurns.someoneWaits()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nobody asked for a turn");
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aViewsTaskRunsInATurnOfItsOwnAfterTheTurnInProgress() throws InterruptedException {
        ExecutorService engineThread = Executors.newSingleThreadExecutor();
        try {
            AtomicBoolean ran = new AtomicBoolean();
            AtomicBoolean inTurn = new AtomicBoolean();
            CountDownLatch done = new CountDownLatch(1);
            EngineTurns.run(() -> {
                EngineTurns.taking(engineThread).execute(() -> {
                    inTurn.set(EngineTurns.mine());
                    ran.set(true);
                    done.countDown();
                });
                awaitSomeoneWaiting();
                assertFalse(ran.get(), "the task ran while another computation had the turn");
            });
            assertTrue(done.await(60, TimeUnit.SECONDS));
            assertTrue(inTurn.get(), "the task did not run in a turn");
        } finally {
            engineThread.shutdownNow();
        }
    }

    @Test
    void aTrainingBatchWaitsForTheTurnAndPublishesFromInsideIt() throws InterruptedException {
        List<Boolean> publishedInTurn = new CopyOnWriteArrayList<>();
        SessionProbe probe = new SessionProbe() {
            @Override
            public void published(SessionSnapshot snapshot) {
                if (snapshot.iteration() > 0) {
                    publishedInTurn.add(EngineTurns.mine());
                }
                super.published(snapshot);
            }
        };
        try (TrainingSession session = TrainingSessionTest.tinySession(
                TrainingSessionTest.tinySettings(MpbnMode.CHANNEL), probe)) {
            session.start();
            probe.await(s -> s.state() == SessionState.READY && s.curves().testLoss().size() == 1);
            EngineTurns.run(() -> {
                session.step();
                awaitSomeoneWaiting();
                assertTrue(publishedInTurn.isEmpty(), "a batch trained while another computation had the turn");
            });
            SessionSnapshot stepped = probe.await(s -> s.iteration() == 1);
            assertEquals(SessionState.PAUSED, stepped.state());
            assertFalse(publishedInTurn.isEmpty());
            assertTrue(publishedInTurn.stream().allMatch(b -> b), "a batch's snapshot was published outside a turn");
        }
    }
}
