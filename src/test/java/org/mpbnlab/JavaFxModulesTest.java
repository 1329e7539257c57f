package org.mpbnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaFxModulesTest {

    private static final List<String> JARS = List.of("javafx-base-21.0.11-linux.jar",
            "javafx-graphics-21.0.11-linux.jar", "javafx-controls-21.0.11-linux.jar", "javafx-swing-21.0.11-linux.jar");

    @Test
    void theFolderBesideTheJarIsUsedWhenItHoldsEveryModuleTheAppNeeds(@TempDir Path target) throws Exception {
        Path jar = Files.createFile(target.resolve("mpbn-lab.jar"));
        assertEquals(Optional.empty(), JavaFxModules.folderBeside(jar), "no folder: start from the class path");
        Path folder = Files.createDirectory(target.resolve(JavaFxModules.FOLDER));
        for (String name : JARS.subList(0, 3)) {
            Files.createFile(folder.resolve(name));
        }
        assertEquals(Optional.empty(), JavaFxModules.folderBeside(jar), "javafx.swing missing");
        Files.createFile(folder.resolve(JARS.get(3)));
        assertEquals(Optional.of(folder), JavaFxModules.folderBeside(jar));
        assertEquals(Optional.of(folder), JavaFxModules.folderBeside(Files.createDirectory(target.resolve("classes"))),
                "a build's classes folder finds it too");
    }

    @Test
    void theRelaunchPutsJavaFxOnTheModulePathAndKeepsOptionsClassPathAndArguments() {
        Path folder = Path.of("target", "javafx");
        List<String> command = JavaFxModules.command("/jdk/bin/java", List.of("-Xmx2g", "-Dmpbnlab.pulseLog=true"),
                Optional.of(folder), "target/mpbn-lab.jar", 4711, new String[] {"--classroom"});
        assertEquals(List.of("/jdk/bin/java", "-Xmx2g", "-Dmpbnlab.pulseLog=true", "-Dmpbnlab.startedBy=4711",
                "--module-path", folder.toString(),
                "--add-modules", "javafx.controls,javafx.swing", "-cp", "target/mpbn-lab.jar", Launcher.class.getName(),
                "--classroom"), command);
        assertTrue(command.indexOf("--module-path") < command.indexOf(Launcher.class.getName()), "JVM options first");
    }

    @Test
    void withoutTheFolderTheRelaunchKeepsJavaFxOnTheClassPath() {
        List<String> command = JavaFxModules.command("/jdk/bin/java", List.of("-XX:+UseZGC"), Optional.empty(),
                "mpbn-lab.jar", 4711, new String[] {"--model", "m.zip"});
        assertEquals(List.of("/jdk/bin/java", "-XX:+UseZGC", "-Dmpbnlab.startedBy=4711", "-cp", "mpbn-lab.jar",
                Launcher.class.getName(), "--model", "m.zip"), command);
    }
}
