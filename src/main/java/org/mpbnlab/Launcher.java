package org.mpbnlab;

import java.io.IOException;
import java.io.PrintWriter;
import org.mpbnlab.app.shell.AppOptions;
import org.mpbnlab.app.shell.MpbnLabApp;
import org.mpbnlab.cli.MpbnLabCommand;

/**
 * The entry point: {@code mpbn-lab <command> ...} runs a headless command; without a command (or with only
 * the app's options, {@link AppOptions}) the desktop app starts. (Not a JavaFX Application itself, so that the jar runs from a plain class path.)
 * A headless command started without the native libraries' environment settings relaunches itself with
 * them first ({@link NativeTuning}).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (AppOptions.startsApp(args)) {
            startApp(args);
            return;
        }
        if (NativeTuning.shouldRelaunch(System.getenv(), System.getProperty("os.name"))) {
            try {
                System.exit(NativeTuning.relaunch(args));
            } catch (IOException e) {
                // no second JVM: run here, only slower
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                System.exit(130);
            }
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(runCommand(args, out, err));
    }

    /** Runs a headless command; the top-level {@code --help} also lists the desktop app's options. */
    static int runCommand(String[] args, PrintWriter out, PrintWriter err) {
        return MpbnLabCommand.run(args, out, err, AppOptions.HELP);
    }

    private static void startApp(String[] args) {
        MpbnLabApp.launchApp(args);
    }
}
