package dev.warroom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rules (domain, config, store/metrics, crisis, ui, app), checked on the compiled main classes. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.warroom");
    }

    @Test
    void domainImportsNoOtherLayerAndNoIo() {
        noClasses().that().resideInAPackage("dev.warroom.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.warroom.config..", "dev.warroom.store..",
                        "dev.warroom.metrics..",
                        "dev.warroom.crisis..", "dev.warroom.ui..", "dev.warroom.app..", "javafx..", "java.sql..",
                        "java.net..", "java.nio.file..", "com.fasterxml.jackson..")
                .check(classes);
    }

    /** Configuration sits right above the domain: every layer may read it, it knows none of them. */
    @Test
    void configurationKnowsOnlyTheDomain() {
        noClasses().that().resideInAPackage("dev.warroom.config..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.warroom.store..", "dev.warroom.metrics..",
                        "dev.warroom.crisis..", "dev.warroom.ui..", "dev.warroom.app..", "java.sql..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.warroom.store..")
                .should().dependOnClassesThat().resideInAPackage("dev.warroom.config..")
                .because("the store is given its policy, it reads no configuration files")
                .check(classes);
    }

    /** One error type for every refused configuration or data file. */
    @Test
    void configurationErrorsHaveOneType() {
        noClasses().that().resideOutsideOfPackage("dev.warroom.config..")
                .should().haveSimpleName("ConfigException")
                .check(classes);
    }

    @Test
    void onlyUiAndAppTouchJavaFx() {
        noClasses().that().resideOutsideOfPackages("dev.warroom.ui..", "dev.warroom.app..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void onlyStoreTouchesJdbc() {
        noClasses().that().resideOutsideOfPackage("dev.warroom.store..")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .check(classes);
    }

    @Test
    void dependenciesPointInward() {
        noClasses().that().resideInAnyPackage("dev.warroom.store..", "dev.warroom.metrics..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.warroom.crisis..", "dev.warroom.ui..",
                        "dev.warroom.app..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.warroom.crisis..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.warroom.ui..", "dev.warroom.app..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.warroom.ui..")
                .should().dependOnClassesThat().resideInAPackage("dev.warroom.app..")
                .check(classes);
    }

    @Test
    void viewsAndViewModelsNeverTouchTheStoreDirectly() {
        noClasses().that().resideInAPackage("dev.warroom.ui..")
                .should().dependOnClassesThat().resideInAPackage("dev.warroom.store..")
                .check(classes);
    }

    /** The layers (domain, store, metrics, crisis, ui, app) depend on each other in one direction only. */
    @Test
    void layersAreFreeOfCycles() {
        slices().matching("dev.warroom.(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * No cycles between packages either: a feature (ui.board, crisis.report, …) may use the shared pieces of
     * its layer, never the other way round (the dialog service knows no feature's forms). The domain's
     * sub-packages are one vocabulary (a crisis overview carries a scale severity; an alert rule formats
     * its duration like every other), so references inside the domain are not counted.
     */
    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.warroom.(**)").should().beFreeOfCycles()
                .ignoreDependency(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                        "dev.warroom.domain.."), com.tngtech.archunit.core.domain.JavaClass.Predicates
                        .resideInAPackage("dev.warroom.domain.."))
                .check(classes);
    }

    @Test
    void viewModelsNeverTouchTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .check(classes);
    }

    /** Services are built once, by the app context; everything else gets them handed in. */
    @Test
    void onlyTheAppBuildsServices() {
        DescribedPredicate<JavaConstructorCall> buildsAService = new DescribedPredicate<>(
                "a service's constructor (from outside the service)") {
            @Override
            public boolean test(JavaConstructorCall call) {
                var owner = call.getTargetOwner();
                return !call.getOriginOwner().equals(owner) && owner.getPackageName().startsWith("dev.warroom.crisis")
                        && (owner.getSimpleName().endsWith("Service") || SERVICES.contains(owner.getSimpleName()));
            }
        };
        noClasses().that().resideOutsideOfPackage("dev.warroom.app..")
                .should().callConstructorWhere(buildsAService)
                .check(classes);
    }

    /** The services that do not end in "Service": they hold the database or the feed all the same. */
    private static final java.util.Set<String> SERVICES = java.util.Set.of("MetricsRecorder", "TeamStatus",
            "DemoCrisis", "MetricHistory", "DisplayPreferences", "FeedFigures", "TemplateLibrary");

    @Test
    void storeAndMetricsAreIndependent() {
        noClasses().that().resideInAPackage("dev.warroom.store..")
                .should().dependOnClassesThat().resideInAPackage("dev.warroom.metrics..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.warroom.metrics..")
                .should().dependOnClassesThat().resideInAPackage("dev.warroom.store..")
                .check(classes);
    }
}
