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
        assertEquals(java.util.Set.of("--theme", "--classroom", "--show-pulse-gaps"), AppOptions.names());
    }

    @Test
    void wrongOptionsAreRefusedInOneLineThatSaysWhatToUse() {
        assertEquals("There is no theme 'dark': use normal, classroom or high-contrast.",
                assertThrows(IllegalArgumentException.class, () -> AppOptions.themeOf("--theme", "dark")).getMessage());
        String unknown = assertThrows(IllegalArgumentException.class, () -> AppOptions.themeOf("--theme", "normal", "--big"))
                .getMessage();
        assertTrue(unknown.contains("--big") && unknown.endsWith("The app takes --theme NAME (normal, classroom or "
                + "high-contrast), --classroom or --show-pulse-gaps."), unknown);
        assertEquals("--classroom and --theme high-contrast ask for two themes: choose one.",
                assertThrows(IllegalArgumentException.class,
                        () -> AppOptions.themeOf("--classroom", "--theme", "high-contrast")).getMessage());
    }
}
