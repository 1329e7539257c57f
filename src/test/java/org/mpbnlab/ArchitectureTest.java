package org.mpbnlab;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpbnlab.renamed.Stranger;

/**
 * The declared architecture of MPBN Lab (docs/architecture.md draws it). Dependencies point downward:
 * <pre>
 *   Launcher (org.mpbnlab)
 *   App (app..)                Commands (cli)
 *   Sessions (session)
 *   Recording (probe)
 *   Folding (fold)
 *   Training (train)
 *   Model (snn)     Reference (snn.reference)     Data (data)
 *   Kernels (snn.kernel)                          Files (io)
 * </pre>
 * The kernels (the fast loops) serve the model only: nothing else, not even the reference step that
 * they are tested against, reaches them.
 * Every class of the project belongs to exactly one layer and no layer may be empty, so renaming or
 * adding a package makes these rules fail until the architecture is declared again (no rule here
 * passes on an empty set of classes). The app is split into feature folders: the shell (window,
 * start-up) above the views (train, membrane, …) above the shared charts, and no cycles between them.
 */
class ArchitectureTest {

    static final String LAUNCHER = "Launcher";
    static final String APP = "App";
    static final String COMMANDS = "Commands";
    static final String SESSIONS = "Sessions";
    static final String RECORDING = "Recording";
    static final String FOLDING = "Folding";
    static final String TRAINING = "Training";
    static final String MODEL = "Model";
    static final String REFERENCE = "Reference";
    static final String KERNELS = "Kernels";
    static final String DATA = "Data";
    static final String FILES = "Files";

    /** The layers of the whole project, top to bottom, and who may use each. */
    static final LayeredArchitecture LAYERS = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer(LAUNCHER).definedBy("org.mpbnlab")
            .layer(APP).definedBy("org.mpbnlab.app..")
            .layer(COMMANDS).definedBy("org.mpbnlab.cli..")
            .layer(SESSIONS).definedBy("org.mpbnlab.session..")
            .layer(RECORDING).definedBy("org.mpbnlab.probe..")
            .layer(FOLDING).definedBy("org.mpbnlab.fold..")
            .layer(TRAINING).definedBy("org.mpbnlab.train..")
            .layer(MODEL).definedBy(resideInAPackage("org.mpbnlab.snn..")
                    .and(not(resideInAPackage("org.mpbnlab.snn.kernel..")))
                    .and(not(resideInAPackage("org.mpbnlab.snn.reference.."))))
            .layer(REFERENCE).definedBy("org.mpbnlab.snn.reference..")
            .layer(KERNELS).definedBy("org.mpbnlab.snn.kernel..")
            .layer(DATA).definedBy("org.mpbnlab.data..")
            .layer(FILES).definedBy("org.mpbnlab.io..")
            .whereLayer(LAUNCHER).mayNotBeAccessedByAnyLayer()
            .whereLayer(APP).mayOnlyBeAccessedByLayers(LAUNCHER)
            .whereLayer(COMMANDS).mayOnlyBeAccessedByLayers(LAUNCHER)
            .whereLayer(SESSIONS).mayOnlyBeAccessedByLayers(APP)
            .whereLayer(RECORDING).mayOnlyBeAccessedByLayers(APP, COMMANDS, SESSIONS)
            .whereLayer(FOLDING).mayOnlyBeAccessedByLayers(APP, COMMANDS, SESSIONS, RECORDING)
            .whereLayer(TRAINING).mayOnlyBeAccessedByLayers(APP, COMMANDS, SESSIONS, RECORDING, FOLDING)
            .whereLayer(MODEL).mayOnlyBeAccessedByLayers(APP, COMMANDS, SESSIONS, RECORDING, FOLDING, TRAINING,
                    REFERENCE)
            .whereLayer(REFERENCE).mayOnlyBeAccessedByLayers(APP, COMMANDS, SESSIONS, RECORDING, FOLDING, TRAINING,
                    MODEL)
            .whereLayer(KERNELS).mayOnlyBeAccessedByLayers(MODEL)
            .whereLayer(DATA).mayOnlyBeAccessedByLayers(APP, COMMANDS, SESSIONS, RECORDING, FOLDING, TRAINING)
            .whereLayer(FILES).mayOnlyBeAccessedByLayers(APP, COMMANDS, SESSIONS, RECORDING, FOLDING, TRAINING, DATA);

    /** The app's feature folders: the shell uses the views, the views use the charts, never the other way. */
    static final LayeredArchitecture APP_FOLDERS = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Shell").definedBy("org.mpbnlab.app.shell..")
            .layer("Views").definedBy(resideInAPackage("org.mpbnlab.app..")
                    .and(not(resideInAPackage("org.mpbnlab.app.shell..")))
                    .and(not(resideInAPackage("org.mpbnlab.app.charts.."))))
            .layer("Charts").definedBy("org.mpbnlab.app.charts..")
            .whereLayer("Shell").mayNotBeAccessedByAnyLayer()
            .whereLayer("Views").mayOnlyBeAccessedByLayers("Shell")
            .whereLayer("Charts").mayOnlyBeAccessedByLayers("Shell", "Views");

    static final ArchRule NO_CYCLES_BETWEEN_PACKAGES = slices().matching("org.mpbnlab.(*)..")
            .should().beFreeOfCycles();

    static final ArchRule NO_CYCLES_BETWEEN_APP_FOLDERS = slices().matching("org.mpbnlab.app.(*)..")
            .should().beFreeOfCycles();

    /** Everything but the app runs headless: the engine, the sessions and the command line. */
    static final ArchRule ONLY_THE_APP_USES_JAVAFX = noClasses().that().resideOutsideOfPackage("org.mpbnlab.app..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    /** The model file maps the engine's types explicitly (train.ModelInfoJson, NetworkSpecJson). */
    static final ArchRule NO_JACKSON_ANNOTATIONS = noClasses().that().resideInAPackage("org.mpbnlab..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson.annotation..");

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.mpbnlab");
    }

    @Test
    void dependenciesPointDownTheLayers() {
        LAYERS.check(production);
    }

    @Test
    void theAppsShellUsesItsViewsAndTheViewsUseTheCharts() {
        APP_FOLDERS.check(production);
    }

    @Test
    void noCyclesBetweenTheProjectsPackages() {
        NO_CYCLES_BETWEEN_PACKAGES.check(production);
    }

    @Test
    void noCyclesBetweenTheAppsFeatureFolders() {
        NO_CYCLES_BETWEEN_APP_FOLDERS.check(production);
    }

    @Test
    void onlyTheAppUsesJavaFx() {
        ONLY_THE_APP_USES_JAVAFX.check(production);
    }

    @Test
    void noClassCarriesJacksonAnnotations() {
        NO_JACKSON_ANNOTATIONS.check(production);
    }

    /** A layer whose package is renamed or gone is empty: the architecture must then fail, not pass. */
    @Test
    void anEmptyLayerFailsTheArchitecture() {
        JavaClasses onlyFiles = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mpbnlab.io");
        assertFalse(onlyFiles.isEmpty());
        assertThrows(AssertionError.class, () -> LAYERS.check(onlyFiles), "eleven of twelve layers are empty");
        assertThrows(AssertionError.class, () -> APP_FOLDERS.check(onlyFiles), "no app folder to check");
        assertThrows(AssertionError.class, () -> NO_CYCLES_BETWEEN_APP_FOLDERS.check(onlyFiles),
                "no app folder to check");
    }

    /** A class in a package of no layer (as after renaming one) fails the architecture. */
    @Test
    void aClassOutsideEveryLayerFailsTheArchitecture() {
        JavaClasses withStranger = productionAnd("/org/mpbnlab/renamed/");
        assertTrue(withStranger.contain(Stranger.class));
        assertTrue(LAYERS.evaluate(withStranger).hasViolation());
        assertTrue(NO_JACKSON_ANNOTATIONS.evaluate(withStranger).hasViolation(), "the annotation rule sees a field's");
    }

    /** The production classes plus the test classes under {@code folder}. */
    private static JavaClasses productionAnd(String folder) {
        ImportOption productionOrFolder = location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                || location.contains(folder);
        return new ClassFileImporter().withImportOption(productionOrFolder)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.mpbnlab");
    }
}
