package org.llmtracker.api.digest;

import java.time.Clock;
import java.util.List;

import org.llmtracker.api.config.HttpProperties;
import org.llmtracker.api.i18n.Languages;
import org.llmtracker.api.i18n.Texts;
import org.llmtracker.api.web.ApiProperties;
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

    @Bean
    DigestService digestService(Graph graph, JsonMapper json, Clock clock, DigestProperties digest,
            HttpProperties http, ApiProperties api, MessageSource messages) {
        WebhookDelivery webhook = null;
        if (digest.webhookUrl() != null) {
            // The URL is a secret (Slack's path is its credential): the message does not repeat it.
            if (!List.of("http", "https").contains(String.valueOf(digest.webhookUrl().getScheme()))) {
                throw new IllegalArgumentException("tracker.digest.webhook-url is not an http(s) URL");
            }
            webhook = new WebhookDelivery(digest.webhookUrl(), digest.webhookSecret(), digest.http(http), Sleeper.REAL,
                    clock);
        }
        // Links in what is sent are read elsewhere, later: from the configured address, never a request's Host.
        String base = api.publicBaseUrl().toString().replaceAll("/+$", "");
        return new DigestService(new DigestQueries(graph, digest.itemsPerSection()), new DigestStore(graph), json, clock,
                webhook, digest.outputDir(), new Texts(messages, Languages.of(digest.locale())), base);
    }

    @Bean
    DigestListReads digestListReads(DigestService digests, Graph graph) {
        return new DigestListReads(digests, new org.llmtracker.graph.digest.DigestLists(graph));
    }

    @Bean
    Job digestCrawl(DigestService digests, Clock clock) {
        return new DigestJob(digests, clock);
    }
}
