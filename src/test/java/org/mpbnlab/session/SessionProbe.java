package org.mpbnlab.session;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Collects a session's snapshots and waits for one that satisfies a condition. */
class SessionProbe implements SessionListener {

    private final BlockingQueue<SessionSnapshot> received = new LinkedBlockingQueue<>();

    @Override
    public void published(SessionSnapshot snapshot) {
        received.add(snapshot);
    }

    /** The first snapshot (from now on) that satisfies {@code condition}; fails after a generous guard time. */
    SessionSnapshot await(Predicate<SessionSnapshot> condition) throws InterruptedException {
        while (true) {
            SessionSnapshot snapshot = received.poll(60, TimeUnit.SECONDS);
            if (snapshot == null) {
                throw new AssertionError("no snapshot satisfied the condition");
            }
            if (snapshot.state() == SessionState.FAILED && !condition.test(snapshot)) {
                throw new AssertionError("session failed: " + snapshot.message());
            }
            if (condition.test(snapshot)) {
                return snapshot;
            }
        }
    }

    /** Starts {@code session} and waits until it is ready to train (data loaded, initial weights recorded). */
    SessionSnapshot start(TrainingSession session) throws InterruptedException {
        session.start();
        return await(s -> s.state() == SessionState.READY);
    }

    /** Trains one batch of {@code session} and waits for the snapshot of iteration {@code iteration}. */
    SessionSnapshot step(TrainingSession session, long iteration) throws InterruptedException {
        session.step();
        return await(s -> s.iteration() == iteration);
    }
}
