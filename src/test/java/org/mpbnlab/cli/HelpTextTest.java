package org.mpbnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The help is plain text, even where picocli would otherwise colour it. */
class HelpTextTest {

    @Test
    void helpHasNoEscapeCodesEvenWhenColoursAreForced() {
        String before = System.getProperty("picocli.ansi");
        System.setProperty("picocli.ansi", "true");
        try {
            for (String[] args : new String[][] {{"--help"}, {"train", "--help"}, {"datasets", "--help"}}) {
                StringWriter out = new StringWriter();
                assertEquals(0, MpbnLabCommand.run(args, new PrintWriter(out), new PrintWriter(new StringWriter())));
                assertTrue(out.toString().contains("Usage:"), out.toString());
                assertFalse(out.toString().contains("\u001B["), String.join(" ", args) + ": " + out);
            }
        } finally {
            if (before == null) {
                System.clearProperty("picocli.ansi");
            } else {
                System.setProperty("picocli.ansi", before);
            }
        }
    }
}
