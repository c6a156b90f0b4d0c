package org.llmtracker.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: api -> crawler -> graph. */
class ModuleDependencyTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Under `verify` the other modules' test fixtures arrive packaged (*-tests.jar), which the
            // predefined option, looking for test-classes folders, does not recognise.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.llmtracker");

    @Test
    void theGraphModuleKnowsNothingOfCrawlersOrTheApi() {
        noClasses().that().resideInAPackage("org.llmtracker.graph..")
                .should().dependOnClassesThat().resideInAnyPackage("org.llmtracker.crawler..", "org.llmtracker.api..")
                .check(classes);
    }

    @Test
    void theGraphModuleDoesNoHttp() {
        noClasses().that().resideInAPackage("org.llmtracker.graph..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "okhttp3..", "org.jsoup..",
                        "org.kohsuke.github..", "org.springframework.web..")
                .check(classes);
    }

    @Test
    void crawlersDoNotReachIntoTheApi() {
        noClasses().that().resideInAPackage("org.llmtracker.crawler..")
                .should().dependOnClassesThat().resideInAPackage("org.llmtracker.api..")
                .check(classes);
    }
}
