package org.llmtracker.api.digest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.llmtracker.crawler.testing.FaultProxy.Fault.OVERSIZED_BODY;
import static org.llmtracker.crawler.testing.FaultProxy.Fault.RATE_LIMIT_STORM_WITHOUT_RETRY_AFTER;
import static org.llmtracker.crawler.testing.FaultProxy.Fault.RATE_LIMIT_STORM_WITH_RETRY_AFTER;
import static org.llmtracker.crawler.testing.FaultProxy.Fault.REDIRECT_LOOP;
import static org.llmtracker.crawler.testing.FaultProxy.Fault.RESET;
import static org.llmtracker.crawler.testing.FaultProxy.Fault.SERVER_ERROR_STORM;
import static org.llmtracker.crawler.testing.FaultProxy.Fault.TRICKLE;
import static org.llmtracker.crawler.testing.FaultProxy.Fault.TRUNCATED_BODY;
import static org.llmtracker.crawler.testing.FaultProxy.Fault.UNREACHABLE;
import static org.llmtracker.crawler.testing.FaultProxy.Fault.WRONG_TYPES;
import static org.llmtracker.graph.run.CrawlStatus.PARTIAL;
import static org.llmtracker.graph.run.CrawlStatus.SUCCEEDED;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmtracker.crawler.http.HttpSettings;
import org.llmtracker.crawler.run.CrawlRunner;
import org.llmtracker.crawler.testing.FaultProxy;
import org.llmtracker.crawler.testing.FaultProxy.Fault;
import org.llmtracker.crawler.webhook.WebhookDelivery;
import org.llmtracker.graph.digest.DigestQueries;
import org.llmtracker.graph.digest.DigestStore;
import org.llmtracker.graph.export.GraphExport;
import org.llmtracker.graph.export.GraphHash;
import org.llmtracker.graph.run.CrawlRun;
import org.llmtracker.graph.run.CrawlRunStore;
import org.llmtracker.graph.run.CrawlStatus;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.DigestWeekFixture;
import org.llmtracker.graph.testing.Neo4jTest;

import com.github.tomakehurst.wiremock.WireMockServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook against every fault (issue 14 item 11): the digest is still built and stored, the
 * delivery is the run's one item error (PARTIAL), quickly, the error never shows the webhook's
 * secret path, and the stored graph is as it was (the export's content hash, with the run's own
 * record and the digests it rebuilds by design set aside). Prints the table it checked.
 */
@Neo4jTest
class WebhookFaultsIT {

    private static final Clock MONDAY = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    private static final String SECRET_PATH = "/services/T000/B000/XXXXsecret";
    private static final List<String> TABLE = Collections.synchronizedList(new ArrayList<>());

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(RESET, PARTIAL, "failed 2 times; last: connection"),
                Arguments.of(TRUNCATED_BODY, PARTIAL, "failed 2 times; last: the answer was cut short"),
                // The receiver's answer is not read: a 200 of any shape is a delivery.
                Arguments.of(WRONG_TYPES, SUCCEEDED, ""),
                Arguments.of(SERVER_ERROR_STORM, PARTIAL, "failed 2 times; last: HTTP 503"),
                Arguments.of(RATE_LIMIT_STORM_WITH_RETRY_AFTER, PARTIAL, "would have to wait 1 s"),
                Arguments.of(RATE_LIMIT_STORM_WITHOUT_RETRY_AFTER, PARTIAL, "would have to wait 60 s"),
                Arguments.of(TRICKLE, PARTIAL, "no complete answer within the 800 ms deadline"),
                Arguments.of(REDIRECT_LOOP, PARTIAL, "refused the delivery: HTTP 302"),
                Arguments.of(OVERSIZED_BODY, PARTIAL, "larger than the 65536 bytes allowed"),
                Arguments.of(UNREACHABLE, PARTIAL, "failed 2 times; last: could not connect (connection refused)"));
    }

    @ParameterizedTest(name = "webhook answering {0}")
    @MethodSource("cases")
    void aFaultyWebhookIsTheRunsOneItemErrorAndNeitherItsSecretNorTheGraphSuffer(Fault fault, CrawlStatus status,
            String says, Graph graph) {
        DigestWeekFixture.write(graph);
        WireMockServer receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        receiver.start();
        receiver.stubFor(post(SECRET_PATH).willReturn(aResponse().withStatus(200).withBody("ok")));
        List<Duration> waits = new ArrayList<>();
        try (FaultProxy proxy = new FaultProxy(URI.create(receiver.baseUrl()))) {
            HttpSettings http = HttpSettings.builder("webhook")
                    .connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofMillis(400)).deadline(Duration.ofMillis(800))
                    .maxAttempts(2).retryBaseDelay(Duration.ofMillis(1)).maxRateLimitWait(Duration.ofSeconds(30))
                    .maxBodyBytes(64 << 10).failuresBeforeDown(0).userAgent("llm-tracker-faults").build();
            WebhookDelivery webhook = new WebhookDelivery(URI.create(proxy.url() + SECRET_PATH), "s3cret", http, waits::add, MONDAY);
            JsonMapper json = JsonMapper.builder().build();
            DigestService digests = new DigestService(new DigestQueries(graph), new DigestStore(graph), json, MONDAY, webhook, null, HtmlDigestTests.ENGLISH, "http://tracker.example");
            CrawlRunner runner = new CrawlRunner(List.of(new DigestJob(digests, MONDAY)), new CrawlRunStore(graph), MONDAY);
            assertThat(runner.run("digest").orElseThrow().counts()).containsEntry("delivered", 1L);
            GraphHash before = withoutDigests(graph, "");
            proxy.fail(fault);
            long madeBefore = webhook.requestsMade();

            CrawlRun run = runner.run("digest").orElseThrow();
            // What the delivery can have cost, from what the code reports: each of the requests it
            // took cut at the deadline its settings give an attempt, plus the waits it recorded (never slept).
            long requests = webhook.requestsMade() - madeBefore;
            Duration worst = http.deadline().multipliedBy(requests).plus(waits.stream().reduce(Duration.ZERO, Duration::plus));

            String error = run.errors().isEmpty() ? "" : run.errors().get(0);
            boolean unchanged = withoutDigests(graph, run.id()).equals(before);
            TABLE.add(String.format("| webhook | %s | %s | %d requests (+%d s waited) | %s | %s |", fault, run.status(), requests,
                    waits.stream().reduce(Duration.ZERO, Duration::plus).toSeconds(), unchanged ? "yes" : "no", error));
            assertThat(run.status()).as(run.toString()).isEqualTo(status);
            assertThat(error).contains(says);
            if (!error.isEmpty()) {
                assertThat(error).startsWith("webhook " + proxy.url() + "/...: ");
            }
            assertThat(String.join(" ", run.errors()) + run.note()).doesNotContain("secret").doesNotContain("services");
            assertThat(unchanged).as("stored data unchanged").isTrue();
            assertThat(worst).as("%d requests of at most %s, and the waits", requests, http.deadline())
                    .isLessThan(Duration.ofSeconds(20));
        } finally {
            receiver.stop();
        }
    }

    /**
     * The content hash with the digests and the run {@code runId} set aside: the job rebuilds
     * its digests every run (their crawl health counts the runs), which is not crawled data.
     */
    private static GraphHash withoutDigests(Graph graph, String runId) {
        graph.write(tx -> tx.run("MATCH (n) WHERE n:Digest OR (n:CrawlRun AND n.id = $id) DETACH DELETE n",
                java.util.Map.of("id", runId)).consume());
        return GraphExport.hash(graph);
    }

    @AfterAll
    static void print() {
        System.out.println("\n" + String.join("\n", TABLE.stream().sorted().toList()) + "\n");
    }
}
