package org.llmtracker.api.digest;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.llmtracker.api.config.TrackerProperties;
import org.llmtracker.api.i18n.Languages;
import org.llmtracker.api.i18n.Texts;
import org.llmtracker.crawler.http.HttpSettings;
import org.llmtracker.crawler.http.Sleeper;
import org.llmtracker.crawler.run.Job;
import org.llmtracker.crawler.webhook.WebhookDelivery;
import org.llmtracker.graph.digest.DigestQueries;
import org.llmtracker.graph.digest.DigestStore;
import org.llmtracker.graph.store.Graph;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/** The weekly digest: reads, storage, delivery, and the {@code digest} job. */
@Configuration(proxyBeanMethods = false)
class DigestConfiguration {

    /** The webhook's answer is "ok" or an error text: a megabyte is plenty. */
    private static final long MAX_ANSWER_BYTES = 1 << 20;

    @Bean
    DigestService digestService(Graph graph, JsonMapper json, Clock clock, TrackerProperties properties,
            MessageSource messages) {
        TrackerProperties.Digest digest = properties.digest();
        WebhookDelivery webhook = null;
        if (digest.webhookUrl() != null) {
            // The URL is a secret (Slack's path is its credential): the message does not repeat it.
            if (!List.of("http", "https").contains(String.valueOf(digest.webhookUrl().getScheme()))) {
                throw new IllegalArgumentException("tracker.digest.webhook-url is not an http(s) URL");
            }
            Duration connect = digest.webhookTimeout().compareTo(CONNECT) < 0 ? digest.webhookTimeout() : CONNECT;
            HttpSettings http = new HttpSettings("webhook", connect, digest.webhookTimeout(), digest.webhookTimeout(),
                    digest.webhookAttempts(), digest.webhookBackoff(), digest.webhookMaxWait(), MAX_ANSWER_BYTES, 0,
                    "llm-tracker", "");
            webhook = new WebhookDelivery(digest.webhookUrl(), digest.webhookSecret(), http, Sleeper.REAL, clock);
        }
        // Links in what is sent are read elsewhere, later: from the configured address, never a request's Host.
        String base = properties.api().publicBaseUrl().toString().replaceAll("/+$", "");
        return new DigestService(new DigestQueries(graph, digest.itemsPerSection()), new DigestStore(graph), json, clock,
                webhook, digest.outputDir(), new Texts(messages, Languages.of(digest.locale())), base);
    }

    private static final Duration CONNECT = Duration.ofSeconds(10);

    @Bean
    DigestListReads digestListReads(DigestService digests, Graph graph) {
        return new DigestListReads(digests, new org.llmtracker.graph.digest.DigestLists(graph));
    }

    @Bean
    Job digestCrawl(DigestService digests, Clock clock) {
        return new DigestJob(digests, clock);
    }
}
