package org.llmtracker.crawler.sweep;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.crawler.http.HttpSettings;
import org.llmtracker.crawler.http.RateWindow;
import org.llmtracker.crawler.http.Upstream;
import org.llmtracker.crawler.huggingface.HubListing;
import org.llmtracker.crawler.run.CrawlRunner;
import org.llmtracker.crawler.testing.TestHttp;
import org.llmtracker.graph.hub.HubListingStore;
import org.llmtracker.graph.hub.SweepStates;
import org.llmtracker.graph.run.CrawlRun;
import org.llmtracker.graph.run.CrawlRunStore;
import org.llmtracker.graph.run.CrawlStatus;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

/**
 * The sweep against a hostile listing, as a probe of the landed jar found one: paging that
 * loops or never ends, a Link to another path of the Hub's host, a model whose id no Hub could
 * give, a model with 10,000 parents. Pages are built in the listing's wire format (items with
 * {@code _id}, {@code id} and the {@code expand[]} fields; {@code Link: <...&cursor=...>; rel="next"}).
 */
@Neo4jTest
class HostileListingTests {

    private static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");
    private static final int PAGE = 10;

    private final WireMockServer hub = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final List<Duration> waits = new ArrayList<>();

    HostileListingTests() {
        hub.start();
    }

    @AfterEach
    void stop() {
        hub.stop();
    }

    @Test
    void aLinkBackToAPageReadBeforeEndsTheRunFailedAndTheStoredCursorBeginsThePassAgain(Graph graph) {
        page(null, models(0, PAGE), "A");
        page("A", models(PAGE, PAGE), "B");
        page("B", models(2 * PAGE, PAGE), "A");

        CrawlRun run = sweep(graph, 1_000_000);

        assertThat(run.status()).isEqualTo(CrawlStatus.FAILED);
        assertThat(run.note()).contains("paging loops").contains("begins again from its first page");
        assertThat(hub.getAllServeEvents()).as("the loop is seen at its first repeat, not after 1,191 pages").hasSize(3);
        assertThat(new SweepStates(graph, HubSweep.NAME).read().orElseThrow().pass().cursor())
                .as("the stored cursor is not inside the loop").isNull();
        assertThat(storedModels(graph)).isEqualTo(3 * PAGE);
    }

    @Test
    void aListingWhoseCursorsNeverEndStopsAtItsPageBound(Graph graph) {
        page(null, models(0, PAGE), "1");
        for (int i = 1; i < 40; i++) {
            page(Integer.toString(i), models(i * PAGE, PAGE), Integer.toString(i + 1));
        }

        // 20 models in pages of 10: ceil(20 / 10) + a margin of 10 = 12 pages at most.
        CrawlRun run = sweep(graph, 20);

        assertThat(run.status()).isEqualTo(CrawlStatus.FAILED);
        assertThat(run.note()).contains("more than the 12");
        assertThat(hub.getAllServeEvents()).hasSize(12);
        assertThat(new SweepStates(graph, HubSweep.NAME).read().orElseThrow().pass().cursor()).isNull();
    }

    @Test
    void aLinkToAnotherPathOfTheHubsHostIsNotFollowed(Graph graph) {
        hub.stubFor(listing(null).willReturn(json(body(models(0, PAGE)))
                .withHeader("Link", "<" + hub.baseUrl() + "/admin/secret?cursor=x>; rel=\"next\"")));
        hub.stubFor(get(urlPathEqualTo("/admin/secret")).willReturn(aResponse().withBody("secret")));

        CrawlRun run = sweep(graph, 1_000_000);

        hub.verify(0, getRequestedFor(urlPathEqualTo("/admin/secret")));
        assertThat(run.status()).isEqualTo(CrawlStatus.FAILED);
        assertThat(run.note()).contains("outside the listing /api/models");
    }

    @Test
    void aModelWithAnIdNoHubGivesIsSkippedAndCountedAndItsPageIsStoredWithoutIt(Graph graph) {
        List<String> items = new ArrayList<>(models(0, 999));
        items.add(500, item("x".repeat(10_000) + "/model", 5, List.of()));
        hub.stubFor(listing(null).willReturn(json(body(items))));

        CrawlRun run = sweep(graph, 1_000_000);

        assertThat(storedModels(graph)).as("the 999 valid models beside it").isEqualTo(999);
        assertThat(run.counts()).containsEntry("failed", 1L);
        assertThat(run.errors()).singleElement().asString().contains("no valid 'id'").hasSizeLessThan(1_000);
        assertThat(run.status()).isEqualTo(CrawlStatus.PARTIAL);
        assertThat(run.note()).doesNotContain("too large").doesNotContain("xxxxxxxxxx");
        // The next run does not fail on the same page: it stores it again, still without the model.
        CrawlRun next = sweep(graph, 1_000_000);
        assertThat(next.counts()).containsEntry("failed", 1L);
        assertThat(storedModels(graph)).isEqualTo(999);
    }

    @Test
    void aModelWithTenThousandParentsKeepsTheFirst64AndCountsTheRest(Graph graph) {
        List<String> tags = IntStream.range(0, 10_000).mapToObj(i -> "base_model:finetune:org/base-" + i).toList();
        hub.stubFor(listing(null).willReturn(json(body(List.of(item("greedy/merge", 5, tags))))));

        CrawlRun run = sweep(graph, 1_000_000);

        assertThat(run.status()).isEqualTo(CrawlStatus.SUCCEEDED);
        assertThat(run.counts()).containsEntry("droppedParents", 10_000L - 64);
        long parents = graph.read(tx -> tx.run("MATCH (:Model {id: 'greedy/merge'})-[:DERIVED_FROM]->(p) RETURN count(p) AS n")
                .single().get("n").asLong());
        assertThat(parents).isEqualTo(64);
    }

    private CrawlRun sweep(Graph graph, long maxModels) {
        Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
        HttpSettings http = TestHttp.settings("the Hub", "").withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(60));
        RateWindow window = new RateWindow("the Hub", clock, Duration.ofMinutes(5), Duration.ofMinutes(15));
        Upstream upstream = Upstream.builder(http, waits::add, clock).share(window.share(0)).build();
        SweepStates states = new SweepStates(graph, HubSweep.NAME);
        HubSweep sweep = new HubSweep(new SweepSettings(PAGE, Duration.ofHours(1), Duration.ofDays(7), maxModels, 10, 64, 0),
                upstream, new HubListing(URI.create(hub.baseUrl()), PAGE, upstream), new HubListingStore(graph, states),
                states, clock);
        return new CrawlRunner(List.of(sweep), new CrawlRunStore(graph), clock).run(HubSweep.NAME).orElseThrow();
    }

    private void page(String cursor, List<String> items, String next) {
        hub.stubFor(listing(cursor).willReturn(json(body(items)).withHeader("Link", "<" + hub.baseUrl()
                + "/api/models?sort=lastModified&limit=" + PAGE + "&cursor=" + next + ">; rel=\"next\"")));
    }

    private static MappingBuilder listing(String cursor) {
        MappingBuilder get = get(urlPathEqualTo("/api/models"));
        return cursor == null ? get.withQueryParam("cursor", com.github.tomakehurst.wiremock.client.WireMock.absent())
                : get.withQueryParam("cursor", com.github.tomakehurst.wiremock.client.WireMock.equalTo(cursor));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("RateLimit", "\"api\";r=900;t=200")
                .withHeader("RateLimit-Policy", "\"fixed window\";\"api\";q=1000;w=300").withBody(body);
    }

    private static String body(List<String> items) {
        return "[" + String.join(",", items) + "]";
    }

    /** Listing items newest first, one minute apart, from the clock's hour back. */
    private static List<String> models(int from, int n) {
        return IntStream.range(from, from + n).mapToObj(i -> item("org-" + (i % 7) + "/model-" + i, i, List.of())).toList();
    }

    private static String item(String id, int i, List<String> tags) {
        String changed = AT.minus(Duration.ofMinutes(i)).toString();
        StringBuilder t = new StringBuilder();
        for (String tag : tags) {
            t.append(t.isEmpty() ? "" : ",").append('"').append(tag).append('"');
        }
        return """
                {"_id":"%024x","id":"%s","author":"%s","downloads":%d,"likes":%d,"pipeline_tag":"text-generation",\
                "library_name":"transformers","tags":[%s],"createdAt":"%s","lastModified":"%s","gated":false}"""
                .formatted(i, id, id.contains("/") ? id.substring(0, id.indexOf('/')) : id, 1000 - i, i % 5, t,
                        changed, changed);
    }

    private static long storedModels(Graph graph) {
        return graph.read(tx -> tx.run("MATCH (m:Model) WHERE m.hfListedAt IS NOT NULL RETURN count(m) AS n")
                .single().get("n").asLong());
    }
}
