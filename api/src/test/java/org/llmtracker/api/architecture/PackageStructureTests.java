package org.llmtracker.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The shape a newcomer can hold in their head: no package of a module depends on itself through
 * others, lineage reads know nothing of the writers, and the Neo4j driver's internals stay in one
 * class of graph/store.
 */
class PackageStructureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Under `verify` the other modules' test fixtures arrive packaged (*-tests.jar), which the
            // predefined option, looking for test-classes folders, does not recognise.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.llmtracker");

    @Test
    void theGraphModulesPackagesHaveNoCycles() {
        slices().matching("org.llmtracker.graph.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theCrawlerModulesPackagesHaveNoCycles() {
        slices().matching("org.llmtracker.crawler.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theApiModulesPackagesHaveNoCycles() {
        slices().matching("org.llmtracker.api.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void lineageReadsDoNotDependOnWriters() {
        noClasses().that().resideInAPackage("org.llmtracker.graph.lineage..")
                .should().dependOnClassesThat().resideInAPackage("org.llmtracker.graph.hub..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.llmtracker.graph.inference.InferredLinks")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.llmtracker.graph.catalog.CatalogWriter")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Writer")
                .check(classes);
    }

    @Test
    void neo4jDriverInternalsStayInOneClassOfTheStore() {
        noClasses().that().doNotHaveFullyQualifiedName("org.llmtracker.graph.store.DriverInternals")
                .should().dependOnClassesThat().resideInAPackage("org.neo4j.driver.internal..")
                .check(classes);
    }
}
