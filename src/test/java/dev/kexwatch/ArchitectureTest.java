package dev.kexwatch;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the README's layout, checked on the compiled classes (tests left out): features depend on
 * each other one way only, the pure core stays plain Java, and package {@code fleet} alone touches the database.
 */
class ArchitectureTest {

    private static final String[] PURE_CORE = {"dev.kexwatch.algorithm..", "dev.kexwatch.probe..",
        "dev.kexwatch.policy..", "dev.kexwatch.negotiation..", "dev.kexwatch.hostkey..", "dev.kexwatch.listen..",
        "dev.kexwatch.auth.."};
    private static final String FLEET = "dev.kexwatch.fleet..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.kexwatch");
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("dev.kexwatch.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void pureCoreImportsNoFramework() {
        noClasses().that().resideInAnyPackage(PURE_CORE).should().dependOnClassesThat()
                .resideInAnyPackage("io.quarkus..", "jakarta..", "org.hibernate..", "io.micrometer..")
                .check(classes);
    }

    @Test
    void onlyFleetTouchesTheDatabase() {
        noClasses().that().resideOutsideOfPackage(FLEET).should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "io.quarkus.hibernate..", "org.hibernate..",
                        "java.sql..", "javax.sql..", "io.agroal..", "org.flywaydb..")
                .check(classes);
    }

    /** Entities may travel as values, but their queries and writes (Panache methods) stay in fleet. */
    @Test
    void onlyFleetQueriesEntities() {
        noClasses().that().resideOutsideOfPackage(FLEET).should()
                .callMethodWhere(target(owner(annotatedWith(Entity.class)))).check(classes);
    }
}
