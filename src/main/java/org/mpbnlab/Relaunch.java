package org.mpbnlab;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starting this program once more in a new JVM, for what can only be set when a JVM starts (environment
 * variables of the native libraries, {@link NativeTuning}; JavaFX on the module path, {@link JavaFxModules}).
 * The new JVM shares standard input, output and error; stopping this one stops it.
 */
final class Relaunch {

    private Relaunch() {
    }

    /** The java command that started this JVM. */
    static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** This JVM's options (e.g. {@code -Xmx4g}, {@code -Dmpbnlab.pulseLog=true}), to pass on. */
    static List<String> jvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    /** This JVM's class path. */
    static String classPath() {
        return System.getProperty("java.class.path");
    }

    /** Runs {@code command} with {@code environment} added to this process's, and returns its exit code. */
    static int run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process child = builder.inheritIO().start();
        Thread stopChild = new Thread(child::destroy, "stop-relaunched-jvm");
        Runtime.getRuntime().addShutdownHook(stopChild);
        int exit = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(stopChild);
        return exit;
    }
}
