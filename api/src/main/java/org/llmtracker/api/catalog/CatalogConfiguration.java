package org.llmtracker.api.catalog;

import org.llmtracker.crawler.catalog.CatalogLoader;
import org.llmtracker.crawler.catalog.CatalogValidator;
import org.llmtracker.crawler.tables.TableImporter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    CatalogLoader catalogLoader() {
        return new CatalogLoader();
    }

    @Bean
    TableImporter tableImporter() {
        return new TableImporter();
    }

    @Bean
    CatalogValidator catalogValidator() {
        return new CatalogValidator();
    }
}
