package org.mpbnlab;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The garbage collector the desktop app runs with: ZGC, whose pauses stay under a millisecond whatever the heap
 * holds. With the JVM's default (G1) the window froze 10–330 ms at a time, 14–65 times a minute, while
 * recordings were made during training: the engine keeps its large arrays on the heap (2.4 GB for conv-small at
 * T = 16), and then every array of a few MB allocated for a recording or a batch starts a G1 marking cycle with
 * two pauses (see docs/spikes-view.md, "Pulse gaps", and docs/decisions.md).
 *
 * <p>Every way of starting the app gets it: {@code mvn javafx:run} from the pom's options, and
 * {@code java -jar target/mpbn-lab.jar} from the launcher, which starts the app in a second JVM with
 * {@link #OPTIONS} (and JavaFX on the module path, {@link JavaFxModules}). A collector chosen on the command line
 * ({@code java -XX:+UseG1GC -jar …}) is kept. Headless commands keep the JVM's default.
 */
final class AppCollector {

    /** The JVM options that choose the app's collector. */
    static final List<String> OPTIONS = List.of("-XX:+UseZGC");

    /** An option that chooses one of HotSpot's collectors. */
    private static final Pattern CHOICE = Pattern.compile("-XX:\\+Use(Serial|Parallel|G1|Z|Shenandoah|Epsilon)GC");

    private AppCollector() {
    }

    /** True when {@code jvmOptions} choose a collector ({@code -XX:+Use…GC}), the app's or the user's. */
    static boolean chosenIn(List<String> jvmOptions) {
        return jvmOptions.stream().anyMatch(option -> CHOICE.matcher(option).matches());
    }

    /** {@code jvmOptions}, followed by the app's collector unless they choose one. */
    static List<String> addedTo(List<String> jvmOptions) {
        List<String> options = new ArrayList<>(jvmOptions);
        if (!chosenIn(jvmOptions)) {
            options.addAll(OPTIONS);
        }
        return options;
    }
}
