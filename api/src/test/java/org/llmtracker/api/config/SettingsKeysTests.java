package org.llmtracker.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmtracker.api.testing.AllSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;

/**
 * Every key users and scripts set before the settings were split by feature still binds: set
 * alone to a value other than its default, each changes what its settings type holds.
 */
class SettingsKeysTests {

    /** Every {@code tracker.*} key of the single settings record this split replaced, with a non-default value. */
    private static final Map<String, String> KEYS_BEFORE_THE_SPLIT = new LinkedHashMap<>();

    static {
        key("tracker.neo4j.mode", "external");
        key("tracker.neo4j.data-dir", "/srv/neo4j");
        key("tracker.neo4j.bolt-port", "7688");
        key("tracker.neo4j.page-cache-mb", "512");
        key("tracker.neo4j.bolt-address", "0.0.0.0");
        key("tracker.neo4j.bolt-password", "secret-password");
        key("tracker.neo4j.database", "tracker");
        key("tracker.catalog.location", "/srv/catalog.yaml");
        key("tracker.catalog.load-at-start", "false");
        key("tracker.github.api-url", "https://github.example/api/v3");
        key("tracker.github.token", "ghp_token");
        key("tracker.github.cache-dir", "/srv/cache");
        key("tracker.github.cache-max-mb", "7");
        key("tracker.github.connect-timeout", "7s");
        key("tracker.github.read-timeout", "7s");
        key("tracker.github.deadline", "7s");
        key("tracker.github.max-attempts", "7");
        key("tracker.github.retry-base-delay", "7s");
        key("tracker.github.max-wait", "7s");
        key("tracker.github.max-body-mb", "7");
        key("tracker.github.failures-before-down", "7");
        key("tracker.github.max-release-pages", "7");
        key("tracker.github.details-max-age", "7s");
        key("tracker.pages.timeout", "7s");
        key("tracker.pages.deadline", "7s");
        key("tracker.pages.max-attempts", "7");
        key("tracker.pages.retry-base-delay", "7s");
        key("tracker.pages.max-body-kb", "7");
        key("tracker.pages.max-redirects", "7");
        key("tracker.pages.allowed-hosts", "localhost:8080");
        key("tracker.pages.refresh-after", "7s");
        key("tracker.pages.user-agent", "a-crawler");
        key("tracker.huggingface.api-url", "https://hub.example");
        key("tracker.huggingface.token", "hf_token");
        key("tracker.huggingface.discovery.max-depth", "7");
        key("tracker.huggingface.discovery.min-downloads", "7");
        key("tracker.huggingface.discovery.max-per-family", "7");
        key("tracker.huggingface.connect-timeout", "7s");
        key("tracker.huggingface.read-timeout", "7s");
        key("tracker.huggingface.deadline", "7s");
        key("tracker.huggingface.max-attempts", "7");
        key("tracker.huggingface.retry-base-delay", "7s");
        key("tracker.huggingface.max-wait", "7s");
        key("tracker.huggingface.max-body-mb", "7");
        key("tracker.huggingface.failures-before-down", "7");
        key("tracker.huggingface.page-size", "7");
        key("tracker.huggingface.rate-window", "7s");
        key("tracker.huggingface.max-requests-per-window", "7");
        key("tracker.huggingface.sweep.page-size", "7");
        key("tracker.huggingface.sweep.overlap", "7s");
        key("tracker.huggingface.sweep.full-pass-every", "7s");
        key("tracker.huggingface.sweep.max-requests-per-window", "7");
        key("tracker.huggingface.sweep.max-wait", "7s");
        key("tracker.inference.min-confidence", "0.7");
        key("tracker.inference.fine-tunes", "false");
        key("tracker.inference.max-requests", "7");
        key("tracker.admin.token", "admin-token");
        key("tracker.schedule.enabled", "false");
        key("tracker.schedule.crons.github", "0 0 1 * * ?");
        key("tracker.schedule.crons.huggingface", "0 0 1 * * ?");
        key("tracker.schedule.crons.pages", "0 0 1 * * ?");
        key("tracker.schedule.crons.digest", "0 0 1 * * ?");
        key("tracker.schedule.crons.hub-sweep", "0 0 1 * * ?");
        key("tracker.schedule.crons.infer", "0 0 1 * * ?");
        key("tracker.digest.webhook-url", "https://hooks.example/T0/B0");
        key("tracker.digest.webhook-secret", "hook-secret");
        key("tracker.digest.webhook-attempts", "7");
        key("tracker.digest.webhook-backoff", "7s");
        key("tracker.digest.webhook-timeout", "7s");
        key("tracker.digest.webhook-max-wait", "7s");
        key("tracker.digest.output-dir", "/srv/digests");
        key("tracker.digest.feed-size", "7");
        key("tracker.api.max-body-kb", "7");
        key("tracker.api.max-table-import-kb", "7");
        key("tracker.api.public-base-url", "https://tracker.example");
        key("tracker.runs.heartbeat-interval", "7s");
        key("tracker.runs.abandoned-after", "7s");
        key("tracker.clock.fixed", "2026-11-23T08:00:00Z");
    }

    private static void key(String key, String value) {
        KEYS_BEFORE_THE_SPLIT.put(key, value);
    }

    @Test
    void everyKeyFromBeforeTheSplitStillBindsToItsFeaturesSettings() {
        Map<String, Class<?>> types = SettingsTypes.byPrefix();
        assertThat(KEYS_BEFORE_THE_SPLIT).hasSize(78);
        KEYS_BEFORE_THE_SPLIT.forEach((key, value) -> {
            Map.Entry<String, Class<?>> owner = SettingsTypes.owning(types, key);
            Object defaults = bind(Map.of(), owner);
            Object set = bind(Map.of(key, value), owner);
            assertThat(set).as("%s=%s binds to %s", key, value, owner.getValue().getSimpleName())
                    .isNotEqualTo(defaults);
        });
    }

    @Test
    void theControllerSlicesEnableEverySettingsType() {
        EnableConfigurationProperties enabled = AllSettings.class.getAnnotation(EnableConfigurationProperties.class);

        assertThat(enabled.value()).containsExactlyInAnyOrderElementsOf(SettingsTypes.byPrefix().values());
    }

    private static Object bind(Map<String, String> properties, Map.Entry<String, Class<?>> owner) {
        Binder binder = new Binder(java.util.List.of(new MapConfigurationPropertySource(properties)), null,
                ApplicationConversionService.getSharedInstance());
        return binder.bindOrCreate(owner.getKey(), owner.getValue());
    }
}
