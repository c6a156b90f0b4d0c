package org.llmtracker.api.licenses;

import java.time.Clock;

import org.llmtracker.crawler.license.LicenseJob;
import org.llmtracker.crawler.license.LicenseTermsYaml;
import org.llmtracker.graph.license.LicenseBook;
import org.llmtracker.graph.license.LicenseQueries;
import org.llmtracker.graph.license.LicenseVerdicts;
import org.llmtracker.graph.store.Graph;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The licence book (shipped terms and the user's overrides, read at start), the verdicts and the job that keeps them. */
@Configuration(proxyBeanMethods = false)
public class LicenseConfiguration {

    @Bean
    LicenseBook licenseBook(LicenseProperties properties) {
        return new LicenseTermsYaml().load(properties.overrides());
    }

    @Bean
    LicenseVerdicts licenseVerdicts(Graph graph, LicenseBook book, LicenseProperties properties) {
        return new LicenseVerdicts(graph, book, properties.batch());
    }

    @Bean
    LicenseQueries licenseQueries(Graph graph, LicenseBook book) {
        return new LicenseQueries(graph, book);
    }

    @Bean
    LicenseJob licenseJob(LicenseVerdicts verdicts, Clock clock) {
        return new LicenseJob(verdicts, clock);
    }
}
