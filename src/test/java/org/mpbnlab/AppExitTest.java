package org.mpbnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the launcher says when the app's JVM ends (docs/memory.md): one line in the user's terms, or nothing. */
class AppExitTest {

    @Test
    void killedBySigkillItSaysTheSystemStoppedTheAppProbablyForLackOfMemoryAndWhatToDo() {
        String notice = AppExit.notice(137).orElseThrow();
        assertTrue(notice.startsWith("MPBN Lab was stopped by the system, probably for lack of memory"), notice);
        assertTrue(notice.contains("Close other programs") && notice.contains("start MPBN Lab again"), notice);
        assertFalse(notice.contains("\n"), "one line");
        assertFalse(notice.contains("Exception") || notice.contains("SIGKILL") || notice.contains("137"), notice);
    }

    @Test
    void anotherSignalSaysTheAppStoppedUnexpectedly() {
        String notice = AppExit.notice(128 + 6).orElseThrow();
        assertTrue(notice.startsWith("MPBN Lab stopped unexpectedly"), notice);
        assertTrue(notice.contains("signal 6"), notice);
        assertFalse(notice.contains("\n"), "one line");
    }

    @Test
    void anEndTheUserAskedForSaysNothing() {
        assertEquals(Optional.empty(), AppExit.notice(0), "the window was closed");
        assertEquals(Optional.empty(), AppExit.notice(1), "an error the app explained itself");
        assertEquals(Optional.empty(), AppExit.notice(130), "Ctrl+C in the terminal");
        assertEquals(Optional.empty(), AppExit.notice(143), "kill, or the system shutting down");
        assertEquals(Optional.empty(), AppExit.notice(2), "a usage error");
    }
}
