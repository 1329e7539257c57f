package org.mpbnlab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mpbnlab.app.charts.ChartTheme;

/** The themes' stylesheets come from assets/ through the build and parse without an error. */
class AppThemeTest {

    @ParameterizedTest
    @EnumSource(AppTheme.class)
    void everyStylesheetOfATheme_isPackagedAndParsesWithoutErrors(AppTheme theme) throws Exception {
        List<String> sheets = theme.stylesheets();
        assertTrue(sheets.get(0).endsWith("/assets/themes/normal.css"), "normal.css is the base: " + sheets);
        for (String sheet : sheets) {
            CssParser.errorsProperty().clear();
            Stylesheet parsed = new CssParser().parse(new URL(sheet));
            assertTrue(CssParser.errorsProperty().isEmpty(), sheet + ": " + CssParser.errorsProperty());
            assertFalse(parsed.getRules().isEmpty(), sheet + " has rules");
        }
    }

    @Test
    void classroomAndHighContrastAddTheirOwnSheetOnTopOfNormal() {
        assertEquals(1, AppTheme.NORMAL.stylesheets().size());
        assertTrue(AppTheme.CLASSROOM.stylesheets().get(1).endsWith("/classroom.css"));
        assertTrue(AppTheme.HIGH_CONTRAST.stylesheets().get(1).endsWith("/high-contrast.css"));
        assertSame(ChartTheme.CLASSROOM, AppTheme.CLASSROOM.charts());
        assertSame(ChartTheme.HIGH_CONTRAST, AppTheme.HIGH_CONTRAST.charts());
    }

    @Test
    void themesAreFoundByTheirNameInAnyCaseAndAWrongNameSaysWhatExists() {
        assertSame(AppTheme.HIGH_CONTRAST, AppTheme.named("high-contrast"));
        assertSame(AppTheme.CLASSROOM, AppTheme.named(" Classroom "));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> AppTheme.named("dark"));
        assertEquals("There is no theme 'dark': use normal, classroom or high-contrast.", wrong.getMessage());
    }
}
