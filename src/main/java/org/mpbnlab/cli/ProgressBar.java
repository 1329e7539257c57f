package org.mpbnlab.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar redrawn in place on a terminal, at most five times a second. */
final class ProgressBar {

    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final boolean enabled;
    private long lastDraw;

    ProgressBar(PrintWriter out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    void update(String label, long done, long total, String detail) {
        long now = System.nanoTime();
        if (!enabled || (now - lastDraw < 200_000_000L && done < total)) {
            return;
        }
        lastDraw = now;
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        out.print(String.format(Locale.ROOT, "\r%s [%s] %d/%d %s   ", label, bar, done, total, detail));
        out.flush();
    }

    void clear() {
        if (enabled) {
            out.print("\r" + " ".repeat(WIDTH + 80) + "\r");
            out.flush();
        }
    }
}
