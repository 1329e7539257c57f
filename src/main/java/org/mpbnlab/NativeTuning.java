package org.mpbnlab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Environment settings of the native libraries under ND4J, which take effect only when they are present at
 * process start; a headless command started without them relaunches itself once with them (Linux only).
 *
 * <ul>
 *   <li>{@code GLIBC_TUNABLES=glibc.malloc.mmap_threshold=…:glibc.malloc.trim_threshold=…}: oneDNN allocates
 *       scratch buffers of several MB for every convolution. With glibc's defaults they come as fresh pages from
 *       the kernel and go back after the call, and on a virtual machine those page faults cost more than the
 *       convolution (conv-small inference 750 → 960 samples/s). These are the settings the PyTorch reference
 *       benchmark runs with.</li>
 *   <li>{@code OMP_WAIT_POLICY=passive}: ND4J's OpenMP threads otherwise spin after every native op and take
 *       the CPU from the Java loops.</li>
 * </ul>
 * Settings already in the environment are kept; {@value #RELAUNCHED} in the environment marks a process that
 * must not relaunch (set by the relaunch itself; a user may set it to keep the environment exactly as it is).
 */
final class NativeTuning {

    static final String RELAUNCHED = "MPBN_LAB_TUNED";
    static final String MALLOC_SETTINGS =
            "glibc.malloc.mmap_threshold=4294967296:glibc.malloc.trim_threshold=17179869184";

    private NativeTuning() {
    }

    /** The settings to add to {@code environment}; empty when nothing is missing. */
    static Map<String, String> missingSettings(Map<String, String> environment) {
        Map<String, String> missing = new LinkedHashMap<>();
        String tunables = environment.get("GLIBC_TUNABLES");
        if (tunables == null || tunables.isBlank()) {
            missing.put("GLIBC_TUNABLES", MALLOC_SETTINGS);
        } else if (!tunables.contains("glibc.malloc.mmap_threshold") && !tunables.contains("glibc.malloc.trim_threshold")) {
            missing.put("GLIBC_TUNABLES", tunables + ":" + MALLOC_SETTINGS);
        }
        if (!environment.containsKey("OMP_WAIT_POLICY")) {
            missing.put("OMP_WAIT_POLICY", "passive");
        }
        return missing;
    }

    /** True on Linux when a setting is missing and this process is not itself a relaunch. */
    static boolean shouldRelaunch(Map<String, String> environment, String osName) {
        return osName.toLowerCase(Locale.ROOT).startsWith("linux") && !environment.containsKey(RELAUNCHED)
                && !missingSettings(environment).isEmpty();
    }

    /** The command that starts this JVM again: same java, JVM options and class path, then the arguments. */
    static List<String> command(String java, List<String> jvmOptions, String classPath, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(Launcher.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Runs {@code args} in a new JVM with the missing settings and returns its exit code; standard input, output
     * and error are shared with this process.
     */
    static int relaunch(String[] args) throws IOException, InterruptedException {
        Map<String, String> environment = new LinkedHashMap<>(missingSettings(System.getenv()));
        environment.put(RELAUNCHED, "1");
        return Relaunch.run(command(Relaunch.java(), Relaunch.jvmOptions(), Relaunch.classPath(), args), environment);
    }
}
