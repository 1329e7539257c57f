package org.mpbnlab;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mpbnlab.app.shell.AppOptions;
import org.mpbnlab.app.shell.MpbnLabApp;
import org.mpbnlab.cli.MpbnLabCommand;

/**
 * The entry point: {@code mpbn-lab <command> ...} runs a headless command; without a command (or with only
 * the app's options, {@link AppOptions}) the desktop app starts, with JavaFX on the module path when the build's
 * JavaFX jars are beside the jar ({@link JavaFxModules}). (Not a JavaFX Application itself, so that the jar also
 * runs from a plain class path.)
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

    /**
     * Starts the desktop app with JavaFX on the module path, the app's garbage collector and a heap sized from the
     * computer's memory: when this JVM has JavaFX on the class path (as {@code java -jar} gives it) and the build's
     * folder of JavaFX jars is beside the jar, or when its options choose no collector or no heap size, the app
     * starts in a new JVM that has them all ({@link JavaFxModules}, {@link AppCollector}, {@link AppMemory}), and
     * when that JVM is stopped by the system this one says so in one line ({@link AppExit}); otherwise here
     * ({@code mvn javafx:run} gives them itself, from the pom).
     */
    private static void startApp(String[] args) {
        List<String> options = Relaunch.jvmOptions();
        boolean onModulePath = JavaFxModules.onModulePath();
        Optional<Path> modules = onModulePath ? Optional.empty()
                : JavaFxModules.codeSource().flatMap(JavaFxModules::folderBeside);
        if (startsInSecondJvm(JavaFxModules.relaunched(), onModulePath, modules, options)) {
            try {
                List<String> appOptions = AppMemory.ofThisComputer()
                        .map(memory -> AppMemory.addedTo(AppCollector.addedTo(options), memory))
                        .orElse(AppCollector.addedTo(options));
                int exit = Relaunch.run(JavaFxModules.command(Relaunch.java(), appOptions,
                        modules, Relaunch.classPath(), ProcessHandle.current().pid(), args), Map.of());
                AppExit.notice(exit).ifPresent(System.err::println);
                System.exit(exit);
            } catch (IOException e) {
                // no second JVM: start here, from the class path
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                System.exit(130);
            }
        }
        JavaFxModules.exitWithTheStartingJvm();
        MpbnLabApp.launchApp(args);
    }

    /**
     * True when the app must start in a second JVM: never in one the launcher started itself, nor when JavaFX is
     * on the module path already ({@code mvn javafx:run}, whose options in the pom choose the collector too);
     * otherwise when the build's JavaFX jars are there to put on the module path, or when {@code options} choose
     * no garbage collector or no heap size (the app's are then added).
     */
    static boolean startsInSecondJvm(boolean relaunched, boolean javaFxOnModulePath, Optional<Path> javaFxJars,
                                     List<String> options) {
        if (relaunched || javaFxOnModulePath) {
            return false;
        }
        return javaFxJars.isPresent() || !AppCollector.chosenIn(options) || !AppMemory.chosenIn(options);
    }
}
