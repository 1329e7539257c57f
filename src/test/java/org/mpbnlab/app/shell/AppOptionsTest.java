package org.mpbnlab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AppOptionsTest {

    @Test
    void theAppStartsWithoutArgumentsOrWithItsOwnOptionsOnly() {
        assertTrue(AppOptions.startsApp(new String[0]));
        assertTrue(AppOptions.startsApp(new String[] {"--classroom"}));
        assertTrue(AppOptions.startsApp(new String[] {"--theme", "high-contrast"}));
        assertTrue(AppOptions.startsApp(new String[] {"--theme=classroom"}));
        assertTrue(AppOptions.startsApp(new String[] {"--show-pulse-gaps", "--classroom"}));
        assertFalse(AppOptions.startsApp(new String[] {"train", "--dataset", "xor"}));
        assertFalse(AppOptions.startsApp(new String[] {"--help"}));
    }

    @Test
    void theThemeComesFromThemeOrClassroom() {
        assertSame(AppTheme.NORMAL, AppOptions.themeOf());
        assertSame(AppTheme.CLASSROOM, AppOptions.themeOf("--classroom"));
        assertSame(AppTheme.HIGH_CONTRAST, AppOptions.themeOf("--theme", "high-contrast"));
        assertSame(AppTheme.HIGH_CONTRAST, AppOptions.themeOf("--theme=High-Contrast"));
        assertSame(AppTheme.CLASSROOM, AppOptions.themeOf("--classroom", "--theme", "classroom"));
    }

    @Test
    void theUiPauseMeterIsShownOnlyWhenAskedFor() {
        assertFalse(AppOptions.parse().showPulseGaps(), "not in a teacher's face");
        assertFalse(AppOptions.parse("--classroom").showPulseGaps());
        AppOptions developer = AppOptions.parse("--show-pulse-gaps", "--theme", "high-contrast");
        assertTrue(developer.showPulseGaps());
        assertSame(AppTheme.HIGH_CONTRAST, developer.theme());
    }

    @Test
    void theHelpListsEveryOptionOfTheApp() {
        for (String name : AppOptions.names()) {
            assertTrue(AppOptions.HELP.contains(name + " "), name + " in\n" + AppOptions.HELP);
        }
        assertEquals(java.util.Set.of("--model", "--theme", "--classroom", "--show-pulse-gaps"), AppOptions.names());
    }

    @Test
    void wrongOptionsAreRefusedInOneLineThatSaysWhatToUse() {
        assertEquals("There is no theme 'dark': use normal, classroom or high-contrast.",
                assertThrows(IllegalArgumentException.class, () -> AppOptions.themeOf("--theme", "dark")).getMessage());
        String unknown = assertThrows(IllegalArgumentException.class, () -> AppOptions.themeOf("--theme", "normal", "--big"))
                .getMessage();
        assertTrue(unknown.contains("--big") && unknown.endsWith("The app takes --model FILE, --theme NAME (normal, "
                + "classroom or high-contrast), --classroom or --show-pulse-gaps."), unknown);
        assertEquals("--classroom and --theme high-contrast ask for two themes: choose one.",
                assertThrows(IllegalArgumentException.class,
                        () -> AppOptions.themeOf("--classroom", "--theme", "high-contrast")).getMessage());
    }

    @Test
    void modelOpensTheGivenFileWithEverySettingItRecords() throws Exception {
        assertTrue(AppOptions.startsApp(new String[] {"--model", "m.zip"}));
        assertEquals(java.util.Optional.empty(), AppOptions.parse("--classroom").modelToOpen(), "the sample opens");
        java.nio.file.Path spirals = java.nio.file.Path.of("sample-models", "spirals-mlp2d-mpbn.zip");
        org.mpbnlab.session.RunPlan plan = AppOptions.parse("--model", spirals.toString(), "--classroom").modelToOpen()
                .orElseThrow();
        assertEquals(spirals, plan.startingModel());
        assertEquals("spirals", plan.settings().dataset());
        AppContext context = AppContext.desktop(AppOptions.parse("--model", spirals.toString()),
                java.util.Optional.of(plan));
        assertSame(plan, context.initialRun(), "the window's first run is the file's");
    }

    @Test
    void aMissingOrDamagedModelIsSaidInOneLineNamingTheFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path missing = dir.resolve("lesson.zip");
        assertEquals("Cannot load model file '" + missing + "': the file does not exist. Check the path.",
                assertThrows(org.mpbnlab.io.ModelFileException.class,
                        () -> AppOptions.parse("--model", missing.toString()).modelToOpen()).getMessage());
        java.nio.file.Path notes = java.nio.file.Files.writeString(dir.resolve("notes.zip"), "not a model");
        String damaged = assertThrows(org.mpbnlab.io.ModelFileException.class,
                () -> AppOptions.parse("--model", notes.toString()).modelToOpen()).getMessage();
        assertTrue(damaged.startsWith("Cannot load model file 'notes.zip': not an MPBN Lab model file"), damaged);
        assertFalse(damaged.contains("\n") || damaged.contains("Exception"), damaged);
    }
}
