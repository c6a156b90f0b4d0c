package org.llmtracker.api.digest;

import java.time.Clock;
import java.util.List;

import org.llmtracker.api.config.TrackerProperties;
import org.llmtracker.crawler.run.Job;
import org.llmtracker.graph.digest.DigestQueries;
import org.llmtracker.graph.digest.DigestStore;
import org.llmtracker.graph.store.Graph;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/** The weekly digest: reads, storage, delivery, and the {@code digest} job. */
@Configuration(proxyBeanMethods = false)
class DigestConfiguration {

    @Bean
    DigestService digestService(Graph graph, JsonMapper json, Clock clock, TrackerProperties properties) {
        TrackerProperties.Digest digest = properties.digest();
        if (digest.webhookUrl() != null && !List.of("http", "https").contains(String.valueOf(digest.webhookUrl().getScheme()))) {
            throw new IllegalArgumentException("tracker.digest.webhook-url '" + digest.webhookUrl() + "' is not an http(s) URL");
        }
        WebhookSender webhook = digest.webhookUrl() == null ? null
                : new WebhookSender(json, digest.webhookUrl(), digest.webhookSecret(), digest.webhookAttempts(), digest.webhookBackoff());
        return new DigestService(new DigestQueries(graph), new DigestStore(graph), json, clock, webhook, digest.outputDir());
    }

    @Bean
    Job digestCrawl(DigestService digests, Clock clock) {
        return new DigestJob(digests, clock);
    }
}
