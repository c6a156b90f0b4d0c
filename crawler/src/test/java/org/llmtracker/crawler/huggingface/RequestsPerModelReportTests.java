package org.llmtracker.crawler.huggingface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmtracker.graph.testing.Entries.model;
import static org.llmtracker.graph.testing.Entries.withHosting;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmtracker.crawler.huggingface.testing.FixtureFamily;
import org.llmtracker.crawler.huggingface.testing.HubFixtureServer;
import org.llmtracker.crawler.huggingface.testing.HubTestSettings;
import org.llmtracker.crawler.run.CrawlRecorder;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.hub.HubFamilies;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;

/**
 * The cost of discovery, printed: requests per discovered model for the fixture family (317
 * models, 289 of them leaves), against the real Hub's behaviour (lists refuse
 * {@code childrenModelCount}, so every followed model costs a listing) and against a mirror
 * whose lists carry it (leaves cost nothing). Run it alone with
 * {@code mvn -q test -pl graph,crawler -Dtest=RequestsPerModelReportTests -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Neo4jTest
class RequestsPerModelReportTests {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void requestsPerDiscoveredModelStayBelowATenthWhenListsCarryChildCounts(Graph graph) {
        double mirror = crawl(graph, true);
        assertThat(mirror).isLessThan(0.1);
    }

    @Test
    void requestsPerDiscoveredModelAgainstTheHubAsItIs(Graph graph) {
        double hub = crawl(graph, false);
        assertThat(hub).isLessThan(1.1);
    }

    private static double crawl(Graph graph, boolean listChildCounts) {
        new CatalogWriter(graph).applyFile(List.of(withHosting(model("fixture-base"), List.of(),
                List.of(FixtureFamily.LEGACY_ROOT))), NOW);
        try (HubFixtureServer server = HubFixtureServer.start(FixtureFamily.generate(), listChildCounts)) {
            CrawlRecorder run = new CrawlRecorder();
            HubSettings settings = HubTestSettings.of(server.uri(), "", 3, FixtureFamily.MIN_DOWNLOADS, 2000);
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            new HuggingFaceCrawl(settings, HubTestSettings.upstream(settings, d -> { }, clock), new HubFamilies(graph), clock)
                    .run(run);
            long discovered = run.counts().get("discovered");
            double perModel = (double) run.requests() / discovered;
            System.out.printf("REQUESTS PER DISCOVERED MODEL (%s): %d requests / %d models = %.3f%n",
                    listChildCounts ? "lists carry childrenModelCount" : "Hub: lists refuse childrenModelCount",
                    run.requests(), discovered, perModel);
            return perModel;
        }
    }
}
