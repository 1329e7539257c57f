package org.mpbnlab.session;

/** Receives a session's snapshots, on the session's worker thread: hand them on, do not block. */
@FunctionalInterface
public interface SessionListener {

    void published(SessionSnapshot snapshot);
}
