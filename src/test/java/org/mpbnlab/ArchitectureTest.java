package org.mpbnlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN §3: the engine (snn, fold, train, probe, data, io, session, cli) never
 * depends on JavaFX or on the app, so it runs headless.
 */
class ArchitectureTest {

    private static final String[] ENGINE = {
        "org.mpbnlab.snn..", "org.mpbnlab.fold..", "org.mpbnlab.train..", "org.mpbnlab.probe..",
        "org.mpbnlab.data..", "org.mpbnlab.io..", "org.mpbnlab.session..", "org.mpbnlab.cli.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mpbnlab");
    }

    @Test
    void theEngineNeverUsesJavaFx() {
        ArchRule rule = noClasses().that().resideInAnyPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void theEngineNeverUsesTheApp() {
        ArchRule rule = noClasses().that().resideInAnyPackage(ENGINE)
                .should().dependOnClassesThat().resideInAPackage("org.mpbnlab.app..")
                .allowEmptyShould(true);
        rule.check(classes);
    }
}
