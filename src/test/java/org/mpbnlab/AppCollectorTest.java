package org.mpbnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which JVM the desktop app starts in, and with which garbage collector. */
class AppCollectorTest {

    private static final Optional<Path> JARS = Optional.of(Path.of("target", "javafx"));

    @Test
    void theAppsCollectorIsAddedUnlessTheOptionsChooseOne() {
        assertEquals(List.of("-Xmx2g", "-XX:+UseZGC"), AppCollector.addedTo(List.of("-Xmx2g")));
        assertEquals(List.of("-XX:+UseG1GC", "-Xmx2g"), AppCollector.addedTo(List.of("-XX:+UseG1GC", "-Xmx2g")),
                "the user's choice is kept");
        assertTrue(AppCollector.chosenIn(List.of("-XX:+UseParallelGC")));
        assertTrue(AppCollector.chosenIn(AppCollector.OPTIONS));
        assertFalse(AppCollector.chosenIn(List.of("-XX:+UseStringDeduplication", "-XX:+UseCompressedOops")),
                "options that choose no collector");
        assertFalse(AppCollector.chosenIn(List.of("-XX:-UseZGC")), "switching one off chooses none");
    }

    @Test
    void javaDashJarStartsTheAppInASecondJvmWithJavaFxModulesAndTheCollector() {
        assertTrue(Launcher.startsInSecondJvm(false, false, JARS, List.of()), "java -jar target/mpbn-lab.jar");
        assertTrue(Launcher.startsInSecondJvm(false, false, JARS, List.of("-XX:+UseG1GC")),
                "JavaFX still goes to the module path");
        assertTrue(Launcher.startsInSecondJvm(false, false, Optional.empty(), List.of()),
                "a jar copied on its own still gets the collector");
        assertTrue(Launcher.startsInSecondJvm(false, false, Optional.empty(), List.of("-XX:+UseZGC")),
                "a jar copied on its own, with a collector chosen: the heap's size is still added");
        assertFalse(Launcher.startsInSecondJvm(false, false, Optional.empty(), List.of("-XX:+UseZGC", "-Xmx3g")),
                "a jar copied on its own, with a collector and a heap chosen: nothing to add");
    }

    @Test
    void theSecondJvmAndJavaFxRunStartTheAppThemselves() {
        assertFalse(Launcher.startsInSecondJvm(true, true, Optional.empty(), AppCollector.OPTIONS), "the second JVM");
        assertFalse(Launcher.startsInSecondJvm(true, false, JARS, List.of()), "never a third");
        assertFalse(Launcher.startsInSecondJvm(false, true, Optional.empty(), List.of()),
                "mvn javafx:run: JavaFX and the collector come from the pom");
    }
}
