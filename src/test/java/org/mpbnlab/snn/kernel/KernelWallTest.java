package org.mpbnlab.snn.kernel;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wall between the model and its performance plumbing: {@code snn.kernel} sits below {@code snn} and
 * knows nothing of the model; outside {@code snn} nothing reaches into the kernels.
 */
class KernelWallTest {

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.mpbnlab");
    }

    @Test
    void theKernelsKnowNothingAboveThem() {
        noClasses().that().resideInAPackage("org.mpbnlab.snn.kernel")
                .should().dependOnClassesThat(resideInAPackage("org.mpbnlab..")
                        .and(not(resideInAPackage("org.mpbnlab.snn.kernel"))))
                .check(production);
    }

    @Test
    void onlyTheModelUsesTheKernels() {
        noClasses().that().resideOutsideOfPackages("org.mpbnlab.snn", "org.mpbnlab.snn.kernel")
                .should().dependOnClassesThat().resideInAPackage("org.mpbnlab.snn.kernel")
                .check(production);
    }
}
