package org.mpbnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeTuningTest {

    @Test
    void anEmptyEnvironmentMissesBothSettings() {
        assertEquals(Map.of("GLIBC_TUNABLES", NativeTuning.MALLOC_SETTINGS, "OMP_WAIT_POLICY", "passive"),
                NativeTuning.missingSettings(Map.of()));
    }

    @Test
    void settingsTheUserChoseAreKept() {
        Map<String, String> chosen = Map.of("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=1", "OMP_WAIT_POLICY", "active");
        assertTrue(NativeTuning.missingSettings(chosen).isEmpty());
        assertFalse(NativeTuning.shouldRelaunch(chosen, "Linux"));
    }

    @Test
    void otherTunablesAreExtendedNotReplaced() {
        Map<String, String> missing = NativeTuning.missingSettings(
                Map.of("GLIBC_TUNABLES", "glibc.pthread.rseq=0", "OMP_WAIT_POLICY", "passive"));
        assertEquals(Map.of("GLIBC_TUNABLES", "glibc.pthread.rseq=0:" + NativeTuning.MALLOC_SETTINGS), missing);
    }

    @Test
    void relaunchesOnlyOnLinuxAndNeverTwice() {
        assertTrue(NativeTuning.shouldRelaunch(Map.of(), "Linux"));
        assertFalse(NativeTuning.shouldRelaunch(Map.of(), "Windows 11"));
        assertFalse(NativeTuning.shouldRelaunch(Map.of(), "Mac OS X"));
        assertFalse(NativeTuning.shouldRelaunch(Map.of(NativeTuning.RELAUNCHED, "1"), "Linux"));
    }

    @Test
    void theCommandRepeatsJavaOptionsClassPathAndArguments() {
        assertEquals(List.of("/jdk/bin/java", "-Xmx2g", "-Dx=y", "-cp", "a.jar:b.jar", "org.mpbnlab.Launcher",
                        "train", "--epochs", "1"),
                NativeTuning.command("/jdk/bin/java", List.of("-Xmx2g", "-Dx=y"), "a.jar:b.jar",
                        new String[] {"train", "--epochs", "1"}));
    }
}
