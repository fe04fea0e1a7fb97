package dev.warroom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
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
}
