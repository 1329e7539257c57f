package org.mpbnlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dependencies point downward only (DESIGN §3): app, cli → session → probe, fold → train → snn → (nothing
 * of ours); data and io depend on no other package of ours.
 */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mpbnlab");
    }

    @ParameterizedTest(name = "{0} does not depend on {1}")
    @CsvSource({
            "snn, train", "snn, fold", "snn, probe", "snn, session", "snn, cli", "snn, app", "snn, data",
            "data, snn", "data, train", "data, fold", "data, session",
            "io, snn", "io, train", "io, data",
            "train, fold", "train, probe", "train, session", "train, cli", "train, app",
            "fold, probe", "fold, session", "fold, cli", "fold, app",
            "probe, session", "probe, cli", "probe, app",
            "session, cli", "session, app"})
    void lowerLayersDoNotDependOnHigherOnes(String lower, String higher) {
        noClasses().that().resideInAPackage("org.mpbnlab." + lower + "..")
                .should().dependOnClassesThat().resideInAPackage("org.mpbnlab." + higher + "..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
