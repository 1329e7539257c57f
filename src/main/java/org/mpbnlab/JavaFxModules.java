package org.mpbnlab;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * JavaFX the supported way: its modules on the module path. JavaFX warns "Unsupported JavaFX configuration:
 * classes were loaded from 'unnamed module'" whenever it starts from the class path, which is what
 * {@code java -jar target/mpbn-lab.jar} does (the jar holds JavaFX's classes). The build copies JavaFX's
 * jars to {@value #FOLDER}/ beside the app's jar; when they are there, the launcher starts the app once more
 * with them on the module path. {@code mvn javafx:run} puts them there itself. Without the folder (the jar
 * copied elsewhere on its own) the app starts from the class path as before, with JavaFX's warning.
 */
final class JavaFxModules {

    /** The folder beside the app's jar (or beside {@code classes/}) that holds JavaFX's jars. */
    static final String FOLDER = "javafx";

    /** The system property that tells a relaunched app the process id of the JVM that started it. */
    static final String STARTED_BY = "mpbnlab.startedBy";

    /** The modules the app uses; javafx.base and javafx.graphics come with them. */
    static final List<String> MODULES = List.of("javafx.controls", "javafx.swing");

    private JavaFxModules() {
    }

    /** True when JavaFX is on the module path of this JVM (started by {@code javafx:run} or by a relaunch). */
    static boolean onModulePath() {
        return ModuleLayer.boot().findModule("javafx.graphics").isPresent();
    }

    /**
     * The folder of JavaFX's jars beside {@code codeSource} (the app's jar, or its {@code classes/} folder), when
     * it holds a jar of each of javafx.base, javafx.graphics, javafx.controls and javafx.swing.
     */
    static Optional<Path> folderBeside(Path codeSource) {
        Path parent = codeSource.toAbsolutePath().getParent();
        if (parent == null) {
            return Optional.empty();
        }
        Path folder = parent.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            boolean complete = Stream.of("base", "graphics", "controls", "swing").allMatch(module ->
                    names.stream().anyMatch(name -> name.startsWith("javafx-" + module + "-") && name.endsWith(".jar")));
            return complete ? Optional.of(folder) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Where this class was loaded from: the app's jar, or the {@code classes/} folder of a build. */
    static Optional<Path> codeSource() {
        try {
            return Optional.of(Path.of(JavaFxModules.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The command that starts the app again, with JavaFX from {@code folder} on the module path when there is one
     * (else from the class path, as before): same java, JVM options and class path, then the arguments;
     * {@code parent} is this JVM's process id.
     */
    static List<String> command(String java, List<String> jvmOptions, Optional<Path> folder, String classPath,
                                long parent, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-D" + STARTED_BY + "=" + parent);
        folder.ifPresent(modules -> {
            command.add("--module-path");
            command.add(modules.toString());
            command.add("--add-modules");
            command.add(String.join(",", MODULES));
        });
        command.add("-cp");
        command.add(classPath);
        command.add(Launcher.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** True in an app started by the launcher in a second JVM. */
    static boolean relaunched() {
        return System.getProperty(STARTED_BY) != null;
    }

    /**
     * In a relaunched app: ends this JVM when the one that started it ends, even when that one was killed
     * without a chance to stop it (kill -9), so that no window is left behind.
     */
    static void exitWithTheStartingJvm() {
        String parent = System.getProperty(STARTED_BY);
        if (parent == null) {
            return;
        }
        try {
            ProcessHandle.of(Long.parseLong(parent)).ifPresentOrElse(
                    handle -> handle.onExit().thenRun(() -> System.exit(143)), () -> System.exit(143));
        } catch (NumberFormatException e) {
            // not set by the launcher: nothing to follow
        }
    }
}
