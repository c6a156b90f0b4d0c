package org.llmtracker.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The bench measures the graph module in-process and the application only over HTTP: bench -> graph, never api or crawler. */
class BenchDependencyTests {

    @Test
    void theBenchKnowsTheApplicationOnlyByItsUrl() {
        noClasses().that().resideInAPackage("org.llmtracker.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("org.llmtracker.api..", "org.llmtracker.crawler..",
                        "org.springframework.web..", "org.springframework.boot..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.llmtracker.bench"));
    }
}
