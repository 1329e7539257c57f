package org.mpbnlab.app.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Started without a screen, the app says so in one line, in the user's terms, instead of a stack trace. */
class NoScreenMessageTest {

    @Test
    void javaFxsMissingDisplayBecomesOneLineThatSaysWhatToDo() {
        String said = MpbnLabApp.noScreenMessage(new UnsupportedOperationException("Unable to open DISPLAY")).orElseThrow();
        assertTrue(said.contains("no screen") && said.contains("--help"), said);
        assertFalse(said.contains("Exception") || said.contains("\n"), said);
    }

    @Test
    void anyOtherFailureIsNotDisguised() {
        assertTrue(MpbnLabApp.noScreenMessage(new UnsupportedOperationException("something else")).isEmpty());
    }
}
