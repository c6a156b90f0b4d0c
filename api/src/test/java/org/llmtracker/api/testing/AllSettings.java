package org.llmtracker.api.testing;

import org.llmtracker.api.catalog.CatalogProperties;
import org.llmtracker.api.config.ClockProperties;
import org.llmtracker.api.config.HttpProperties;
import org.llmtracker.api.config.Neo4jProperties;
import org.llmtracker.api.crawls.GithubProperties;
import org.llmtracker.api.crawls.HuggingfaceProperties;
import org.llmtracker.api.crawls.InferenceProperties;
import org.llmtracker.api.crawls.PagesProperties;
import org.llmtracker.api.crawls.RunsProperties;
import org.llmtracker.api.digest.DigestProperties;
import org.llmtracker.api.schedule.ScheduleProperties;
import org.llmtracker.api.web.AdminProperties;
import org.llmtracker.api.web.ApiProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Every settings type the application binds, for controller slices: a {@code @WebMvcTest} filters
 * the application's own scan down to web components, so the slice names them. SettingsKeysTests
 * checks this list against the scan.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties({Neo4jProperties.class, ClockProperties.class, HttpProperties.class,
        CatalogProperties.class, GithubProperties.class, PagesProperties.class, HuggingfaceProperties.class,
        InferenceProperties.class, RunsProperties.class, DigestProperties.class, ScheduleProperties.class,
        AdminProperties.class, ApiProperties.class, org.llmtracker.api.licenses.LicenseProperties.class})
public class AllSettings {
}
