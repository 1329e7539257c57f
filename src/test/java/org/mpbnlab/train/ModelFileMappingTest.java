package org.mpbnlab.train;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine's types carry no JSON annotations and know nothing of JSON: the model file's mapping
 * classes ({@code ModelFile}, {@code NetworkSpecJson}, {@code ModelInfoJson}) are the only classes of the
 * engine that touch the JSON library.
 */
class ModelFileMappingTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mpbnlab.snn", "org.mpbnlab.train", "org.mpbnlab.fold", "org.mpbnlab.data");

    @Test
    void onlyTheModelFileMappingUsesJson() {
        noClasses().that().doNotHaveSimpleName("ModelFile")
                .and().doNotHaveSimpleName("NetworkSpecJson")
                .and().doNotHaveSimpleName("ModelInfoJson")
                .and().resideOutsideOfPackage("org.mpbnlab.train.ModelFile*")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .because("the model file maps the engine's types explicitly")
                .check(ENGINE);
    }
}
