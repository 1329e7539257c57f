package org.mpbnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.mpbnlab.app.shell.AppOptions;

class LauncherTest {

    private static String help(String... args) {
        StringWriter out = new StringWriter();
        assertEquals(0, Launcher.runCommand(args, new PrintWriter(out), new PrintWriter(new StringWriter())));
        return out.toString();
    }

    @Test
    void theTopLevelHelpSaysHowTheAppStartsAndListsItsOptions() {
        String help = help("--help");
        assertTrue(help.contains("Without a command the desktop app starts"), help);
        for (String option : AppOptions.names()) {
            assertTrue(help.contains(option), option + " in\n" + help);
        }
        assertFalse(help.contains("\u001B["), "plain text");
    }

    @Test
    void aCommandsOwnHelpIsAboutTheCommandOnly() {
        assertFalse(help("train", "--help").contains("--show-pulse-gaps"));
    }
}
