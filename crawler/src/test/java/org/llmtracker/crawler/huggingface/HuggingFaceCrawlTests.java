package org.llmtracker.crawler.huggingface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.llmtracker.graph.testing.Entries.base;
import static org.llmtracker.graph.testing.Entries.model;
import static org.llmtracker.graph.testing.Entries.withHosting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.crawler.huggingface.testing.FixtureFamily;
import org.llmtracker.crawler.huggingface.testing.FixtureResponse;
import org.llmtracker.crawler.huggingface.testing.HubFixtureServer;
import org.llmtracker.crawler.huggingface.testing.HubTestSettings;
import org.llmtracker.crawler.run.CrawlRecorder;
import org.llmtracker.graph.catalog.CatalogEntry;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.lineage.Conflict;
import org.llmtracker.graph.hub.HubFamilies;
import org.llmtracker.graph.lineage.RelativeFilter;
import org.llmtracker.graph.lineage.LineageConflicts;
import org.llmtracker.graph.lineage.LineageQueries;
import org.llmtracker.graph.model.ModelQueries;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;

@Neo4jTest
class HuggingFaceCrawlTests {

    private static final Instant MONDAY = Instant.parse("2026-11-23T08:00:00Z");
    private static final CatalogEntry BASE = withHosting(model("fixture-base"), List.of(), List.of(FixtureFamily.LEGACY_ROOT));

    private final FixtureFamily family = FixtureFamily.generate();
    // Most tests play a mirror whose lists carry child counts: the same family for a tenth of the requests.
    private final HubFixtureServer hub = HubFixtureServer.start(family, true);
    private final List<Duration> waits = new ArrayList<>();

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void discoveryFindsExactlyTheFamilyWithItsDepthsAndRelations(Graph graph) {
        catalogue(graph, BASE);

        CrawlRecorder run;
        try (HubFixtureServer strict = HubFixtureServer.start(family, false)) {
            run = crawl(graph, strict, 2000, MONDAY);
        }

        assertThat(descendants(graph)).isEqualTo(expected());
        assertThat(run.counts()).containsEntry("fetched", 1L).containsEntry("discovered", (long) expected().size());
        assertThat(new ModelQueries(graph).detail("fixture-base").orElseThrow().childCounts())
                .isEqualTo(Map.of("ADAPTER", 63L, "FINETUNE", 124L, "QUANTIZED", 62L, "UNKNOWN", 1L));
    }

    @Test
    void aMirrorListingChildCountsFindsTheSameFamilyWithoutAskingLeaves(Graph graph) {
        catalogue(graph, BASE);

        CrawlRecorder run = crawl(graph, hub, 2000, MONDAY);

        assertThat(descendants(graph)).isEqualTo(expected());
        assertThat(run.counts().get("leavesSkipped")).isGreaterThan(250L);
    }

    @Test
    void aSecondRunAddsNothingAndSnapshotsAtMostOnceADay(Graph graph) {
        catalogue(graph, BASE);
        crawl(graph, hub, 2000, MONDAY);
        long nodes = count(graph, "MATCH (n) RETURN count(n) AS n");
        long links = count(graph, "MATCH ()-[r]->() RETURN count(r) AS n");

        CrawlRecorder again = crawl(graph, hub, 2000, MONDAY.plusSeconds(3600));

        assertThat(again.counts()).containsEntry("discovered", 0L).containsEntry("snapshots", 0L);
        assertThat(count(graph, "MATCH (n) RETURN count(n) AS n")).isEqualTo(nodes);
        assertThat(count(graph, "MATCH ()-[r]->() RETURN count(r) AS n")).isEqualTo(links);
        assertThat(count(graph, "MATCH (:Model {id: 'fixture-base'})-[:HAD]->(s:Snapshot) RETURN count(s) AS n")).isOne();
    }

    @Test
    void renamedIdsBecomeAliasesOfTheCataloguedModel(Graph graph) {
        catalogue(graph, BASE);

        crawl(graph, hub, 2000, MONDAY);

        ModelQueries models = new ModelQueries(graph);
        assertThat(models.resolve(FixtureFamily.ROOT)).contains("fixture-base");
        assertThat(models.resolve(FixtureFamily.CARD_OLD_ROOT)).contains("fixture-base");
        assertThat(models.detail("fixture-base").orElseThrow()).satisfies(d -> {
            assertThat(d.downloads()).isEqualTo(5_000_000L);
            assertThat(d.hfStatus()).isEqualTo("ok");
            assertThat(d.catalogued()).isTrue();
        });
    }

    @Test
    void gatedModelsAreMarkedAndMalformedAnswersCountAsFailuresOfTheirOwn(Graph graph) {
        catalogue(graph, BASE, withHosting(model("missing"), List.of(), List.of("nobody/nothing")));

        CrawlRecorder run = crawl(graph, hub, 2000, MONDAY);

        ModelQueries models = new ModelQueries(graph);
        assertThat(models.detail(FixtureFamily.GATED.toLowerCase()).orElseThrow()).satisfies(d -> {
            assertThat(d.hfStatus()).isEqualTo("gated");
            assertThat(d.gated()).isTrue();
            assertThat(d.catalogued()).isFalse();
            assertThat(d.organisationKey()).isEqualTo("tuner05");
        });
        assertThat(models.detail("missing").orElseThrow().hfStatus()).isEqualTo("gone");
        assertThat(run.counts()).containsEntry("gone", 1L).containsEntry("gated", 1L).containsEntry("failed", 3L);
        assertThat(run.errors()).anySatisfy(e -> assertThat(e).startsWith(FixtureFamily.BROKEN_LISTER).contains("malformed"))
                .filteredOn(e -> e.contains("item")).hasSize(2);
    }

    @Test
    void aCatalogueLinkIsNeverOverriddenAndDisagreementsAreListed(Graph graph) {
        catalogue(graph, BASE,
                withHosting(model("ft-zero", base("fixture-base", Relation.ADAPTER)), List.of(), List.of("tuner00/Base-7B-ft-000")),
                withHosting(model("tri", base("fixture-base", Relation.FINETUNE)), List.of(), List.of(FixtureFamily.TRI_MERGE)));

        crawl(graph, hub, 2000, MONDAY);

        assertThat(new ModelQueries(graph).detail("ft-zero").orElseThrow().parents()).singleElement().satisfies(p -> {
            assertThat(p.relation()).isEqualTo("ADAPTER");
            assertThat(p.sources()).containsExactlyInAnyOrder("catalog", "hf-tag", "hf-card");
        });
        assertThat(new LineageConflicts(graph).list())
                .extracting(Conflict::kind, Conflict::child, Conflict::parent, Conflict::catalogRelation, Conflict::hubRelation)
                .containsExactly(
                        tuple("RELATION", "ft-zero", "fixture-base", "ADAPTER", "FINETUNE"),
                        tuple("HUB_ONLY_PARENT", "tri", "ft-zero", null, "MERGE"),
                        tuple("HUB_ONLY_PARENT", "tri", "quant02/base-7b-ft-002-gguf", null, "MERGE"),
                        tuple("HUB_ONLY_PARENT", "tri", "tuner01/base-7b-ft-001", null, "MERGE"));
        assertThat(new ModelQueries(graph).detail("tri").orElseThrow().parents()).extracting(p -> p.id())
                .contains("fixture-base");
        // A model's page reads only the links around it: as child and as parent.
        assertThat(new LineageConflicts(graph).involving("FT-Zero")).extracting(Conflict::kind, Conflict::child, Conflict::parent)
                .containsExactly(tuple("RELATION", "ft-zero", "fixture-base"), tuple("HUB_ONLY_PARENT", "tri", "ft-zero"));
        assertThat(new LineageConflicts(graph).involving("tuner01/base-7b-ft-001")).extracting(Conflict::child)
                .containsExactly("tri");
        var second = new LineageConflicts(graph).page(2, 2);
        assertThat(second.total()).isEqualTo(4);
        assertThat(second.items()).extracting(Conflict::parent)
                .containsExactly("quant02/base-7b-ft-002-gguf", "tuner01/base-7b-ft-001");
    }

    @Test
    void modelsThatLeaveTheListingsAreKeptAndMarked(Graph graph) {
        catalogue(graph, BASE);
        crawl(graph, hub, 2000, MONDAY);
        hub.script("/api/models?filter=base_model%3Alvl2%2Fft000-child-0&", 1, FixtureResponse.of(200, "[]"));

        CrawlRecorder later = crawl(graph, hub, 2000, MONDAY.plus(Duration.ofDays(1)));

        assertThat(later.counts()).containsEntry("unlisted", 4L);
        assertThat(new ModelQueries(graph).detail("lvl3/ft000-child-0-0").orElseThrow().hfStatus()).isEqualTo("unlisted");
        assertThat(descendants(graph)).containsOnlyKeys(expected().keySet());
    }

    @Test
    void aCardsNewVersionBecomesAVersionLinkNeverADerivation(Graph graph) {
        catalogue(graph, BASE);

        crawl(graph, hub, 2000, MONDAY);

        List<String> versions = graph.read(tx -> tx.run("""
                MATCH (n:Model)-[v:NEW_VERSION_OF]->(o:Model)
                RETURN n.id + ' -> ' + o.id + ' ' + reduce(s = '', x IN v.sources | s + x) AS link
                ORDER BY link""").list(r -> r.get("link").asString()));
        assertThat(versions).containsExactly("fixture-org/base-7b-v2 -> fixture-base hf-card",
                        "tuner04/base-7b-ft-021 -> tuner03/base-7b-ft-020 hf-card");
        assertThat(descendants(graph)).isEqualTo(expected());
        var generations = new LineageQueries(graph).descendants("fixture-base", RelativeFilter.depth(10), 0, 5000, true);
        assertThat(generations.items()).filteredOn(r -> r.depth() == 1 && "NEW_VERSION_OF".equals(r.relation()))
                .extracting(r -> r.id()).containsExactly("fixture-org/base-7b-v2");
        assertThat(generations.total()).isEqualTo(expected().size() + 1);
    }

    @Test
    void aFamilyStopsAtItsMaximumSize(Graph graph) {
        catalogue(graph, BASE);

        CrawlRecorder run = crawl(graph, hub, 40, MONDAY);

        assertThat(descendants(graph)).hasSize(40);
        assertThat(run.counts()).containsEntry("familiesTruncated", 1L).containsEntry("unlisted", 0L);
    }

    @Test
    void aLongRateLimitEndsTheRunEarly(Graph graph) {
        catalogue(graph, BASE);
        hub.script("/api/models?filter=base_model%3Atuner00", 1, FixtureResponse.of(429, "{}").header("Retry-After", "3600"));

        CrawlRecorder run = crawl(graph, hub, 2000, MONDAY);

        assertThat(run.stoppedEarly()).isTrue();
        assertThat(run.partialReason()).contains("3600 s");
        assertThat(run.counts()).containsEntry("unlisted", 0L);
    }

    private CrawlRecorder crawl(Graph graph, HubFixtureServer server, int maxPerFamily, Instant at) {
        HubSettings settings = HubTestSettings.of(server.uri(), "", 3, FixtureFamily.MIN_DOWNLOADS, maxPerFamily);
        CrawlRecorder recorder = new CrawlRecorder();
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        new HuggingFaceCrawl(settings, HubTestSettings.upstream(settings, waits::add, clock), new HubFamilies(graph), clock)
                .run(recorder);
        return recorder;
    }

    private static void catalogue(Graph graph, CatalogEntry... entries) {
        new CatalogWriter(graph).applyFile(List.of(entries), MONDAY.minus(Duration.ofDays(1)));
    }

    private Map<String, FixtureFamily.Expected> expected() {
        return new TreeMap<>(family.expected(3));
    }

    private static Map<String, FixtureFamily.Expected> descendants(Graph graph) {
        Map<String, FixtureFamily.Expected> found = new TreeMap<>();
        new LineageQueries(graph).descendants("fixture-base", RelativeFilter.depth(10), 0, 5000).items()
                .forEach(k -> found.put(k.id(), new FixtureFamily.Expected(k.depth(), new TreeSet<>(k.relations()))));
        return found;
    }

    private static long count(Graph graph, String cypher) {
        return graph.read(tx -> tx.run(cypher).single().get("n").asLong());
    }
}
