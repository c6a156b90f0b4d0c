package org.llmtracker.api.digest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.llmtracker.crawler.run.CrawlRunner;
import org.llmtracker.crawler.testing.TestHttp;
import org.llmtracker.crawler.webhook.WebhookDelivery;
import org.llmtracker.graph.digest.DigestQueries;
import org.llmtracker.graph.digest.DigestStore;
import org.llmtracker.graph.run.CrawlRun;
import org.llmtracker.graph.run.CrawlRunStore;
import org.llmtracker.graph.run.CrawlStatus;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.DigestWeekFixture;
import org.llmtracker.graph.testing.Neo4jTest;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import tools.jackson.databind.json.JsonMapper;

/** The {@code digest} job end to end: built on Monday morning, stored, posted, written to files. */
@Neo4jTest
class DigestJobTests {

    private static final Clock MONDAY_MORNING = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

    private final JsonMapper json = JsonMapper.builder().build();
    @RegisterExtension
    final WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @Test
    void onMondayTheJobBuildsTheWeekJustEndedAndDeliversIt(Graph graph, @TempDir Path out) throws Exception {
        DigestWeekFixture.write(graph);
        receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(200)));

        CrawlRun run = runner(graph, "/hook", out).run("digest").orElseThrow();

        assertThat(run.status()).isEqualTo(CrawlStatus.SUCCEEDED);
        assertThat(run.counts()).containsEntry("releases", 2L).containsEntry("newDerivatives", 4L)
                .containsEntry("delivered", 1L).containsEntry("filesWritten", 2L);
        assertThat(new DigestStore(graph).find(DigestWeekFixture.WEEK)).isPresent();
        String posted = json.readTree(receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).get(0).getBody()).get("text").asString();
        assertThat(posted).startsWith("# llm-tracker digest 2026-W47").contains("v2.0", "other/llama-q4")
                .contains("The whole digest, with every list: [http://tracker.example/digests/2026-W47]");
        // the file is the same Markdown without the link to itself
        assertThat(Files.readString(out.resolve("2026-W47.md"))).isEqualTo(posted.replaceFirst(
                "\n\nThe whole digest, with every list: [^\n]+\n", "\n"));
        assertThat(Files.readString(out.resolve("2026-W47.html"))).contains("<h1>llm-tracker digest 2026-W47</h1>");
    }

    @Test
    void aWebhookThatStaysDownIsAnItemErrorAndTheDigestIsStillStored(Graph graph, @TempDir Path out) {
        DigestWeekFixture.write(graph);
        receiver.stubFor(post("/down").willReturn(aResponse().withStatus(503)));

        CrawlRun run = runner(graph, "/down", out).run("digest").orElseThrow();

        assertThat(run.status()).as("the digest was built; its delivery failed").isEqualTo(CrawlStatus.PARTIAL);
        assertThat(run.errors()).singleElement().asString().startsWith("webhook " + receiver.baseUrl() + "/...: ")
                .contains("failed 2 times").doesNotContain("/down");
        assertThat(new DigestStore(graph).find(DigestWeekFixture.WEEK)).isPresent();
        assertThat(out.resolve("2026-W47.md")).exists();
    }

    private CrawlRunner runner(Graph graph, String path, Path out) {
        WebhookDelivery webhook = new WebhookDelivery(URI.create(receiver.baseUrl() + path), "",
                // Room for a cold JVM on a busy machine: only the 503s may fail a delivery here.
                TestHttp.settings("webhook", "").withAttempts(2, Duration.ofMillis(10))
                        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(30)),
                d -> { }, MONDAY_MORNING);
        DigestService digests = new DigestService(new DigestQueries(graph), new DigestStore(graph), json, MONDAY_MORNING, webhook, out, HtmlDigestTests.ENGLISH, "http://tracker.example");
        return new CrawlRunner(List.of(new DigestJob(digests, MONDAY_MORNING)), new CrawlRunStore(graph), MONDAY_MORNING);
    }
}
