package org.mpbnlab.io;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The container knows only JSON and named arrays: no engine, no UI, no tensor library. */
class IoDependencyTest {

    @Test
    void ioDependsOnlyOnTheJdkAndJackson() {
        JavaClasses io = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mpbnlab.io");
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.fasterxml.jackson..", "org.mpbnlab.io..")
                .check(io);
    }
}
