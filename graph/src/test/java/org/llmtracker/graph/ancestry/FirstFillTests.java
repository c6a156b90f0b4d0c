package org.llmtracker.graph.ancestry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.llmtracker.graph.testing.Entries.base;
import static org.llmtracker.graph.testing.Entries.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.HubListingPage;
import org.llmtracker.graph.hub.HubListingStore;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.hub.LineageWriter;
import org.llmtracker.graph.lineage.LineageQueries;
import org.llmtracker.graph.lineage.RelativeFilter;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;

/**
 * A first fill writes pages without the ancestry index and builds it in bulk afterwards; the
 * index must then be what the per-page path would have left, and stay exact as pages and edits
 * follow, and a build cut short must finish on the next try without a row twice.
 */
@Neo4jTest
class FirstFillTests {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final int MODELS = 90;

    private static final String DUPLICATE_ROWS = """
            MATCH (d:Model)-[r:DESCENDS_FROM]->(a:Model)
            WITH d, a, count(r) AS n WHERE n > 1
            RETURN count(*) AS n
            """;

    @Test
    void aFirstFillThenIncrementalPagesThenACatalogueEditKeepTheIndexEqualToTheWalk(Graph graph) {
        Random random = new Random(3);
        List<HubModel> models = hub(MODELS);
        HubListingStore pages = new HubListingStore(graph);

        Ancestry.defer(graph);
        // Children before and after their parents, merges, and a few links upwards that close cycles.
        storeInPages(pages, models.subList(0, 60), links(models.subList(0, 60), models, random));
        assertThat(Ancestry.progress(graph)).contains(new AncestryProgress("deferred", 0, 0));
        assertThat(rows(graph)).as("no per-page index work during the fill").isZero();

        Ancestry.build(graph);
        assertThat(Ancestry.progress(graph)).isEmpty();
        assertThat(rows(graph)).isPositive();
        IndexCheck.assertIndexAgreesWithTheLinks(graph, ids(graph));

        // Later pages take the per-page path again: relinked stored models and new ones below them.
        storeInPages(pages, models.subList(50, MODELS), links(models.subList(50, MODELS), models, random));
        assertThat(Ancestry.progress(graph)).isEmpty();
        IndexCheck.assertIndexAgreesWithTheLinks(graph, ids(graph));

        CatalogWriter catalogue = new CatalogWriter(graph);
        catalogue.put(model("house-tune", base("o0/m0", Relation.FINETUNE, Stage.SFT),
                base("o1/m1", Relation.MERGE)), NOW);
        catalogue.put(model("house-chat", base("house-tune", Relation.ADAPTER), base("o2/m2", Relation.MERGE)), NOW);
        IndexCheck.assertIndexAgreesWithTheLinks(graph, ids(graph));
        // The edit re-roots the family: its old links are retracted.
        catalogue.put(model("house-tune", base("o3/m3", Relation.CONTINUED_PRETRAINING)), NOW);
        IndexCheck.assertIndexAgreesWithTheLinks(graph, ids(graph));
        assertThat(duplicates(graph)).isZero();
    }

    @Test
    void aBuildCutShortByACrashFinishesOnRestartWithNoRowTwice(Graph graph) {
        Random random = new Random(5);
        List<HubModel> models = hub(MODELS);
        Ancestry.defer(graph);
        storeInPages(new HubListingStore(graph), models, links(models, models, random));

        // Small batches, and a crash before the fourth: three batches are committed.
        assertThatThrownBy(() -> AncestryBuild.build(graph, 20, batch -> batch == 3))
                .hasMessageContaining("crash before batch 3");
        AncestryProgress cut = Ancestry.progress(graph).orElseThrow();
        assertThat(cut.phase()).isEqualTo("rows");
        assertThat(cut.done()).isEqualTo(3);
        assertThat(cut.total()).isGreaterThan(3);
        long written = rows(graph);
        assertThat(written).isPositive();

        // What the application does at start: a build under way is resumed, not begun again.
        Ancestry.ensure(graph);

        assertThat(Ancestry.progress(graph)).isEmpty();
        assertThat(rows(graph)).isGreaterThan(written);
        assertThat(duplicates(graph)).isZero();
        IndexCheck.assertIndexAgreesWithTheLinks(graph, ids(graph));
    }

    @Test
    void linksWrittenWhileTheIndexIsBuiltMakeTheBuildStartOver(Graph graph) {
        Random random = new Random(9);
        List<HubModel> models = hub(MODELS);
        Ancestry.defer(graph);
        storeInPages(new HubListingStore(graph), models, links(models, models, random));
        LineageWriter writer = new LineageWriter(graph);

        // Between two batches another writer links a model: it only counts the change (the build is under way).
        AtomicInteger builds = new AtomicInteger();
        AncestryBuild.build(graph, 20, batch -> {
            if (batch == 0) {
                builds.incrementAndGet();
            }
            if (batch == 2 && builds.get() == 1) {
                writer.upsertDerivations(List.of(new Derivation("o3/m3", "o5/m77", Relation.QUANTIZED, List.of(),
                        "hf-card")), NOW);
            }
            return false;
        });

        assertThat(builds).as("the build started over once").hasValue(2);
        assertThat(Ancestry.progress(graph)).isEmpty();
        assertThat(new LineageQueries(graph).ancestors("o3/m3", RelativeFilter.depth(20), 0, 100).items())
                .extracting(r -> r.id()).contains("o5/m77");
        assertThat(duplicates(graph)).isZero();
        IndexCheck.assertIndexAgreesWithTheLinks(graph, ids(graph));
    }

    @Test
    void aRebuildOfAnIndexBuiltPerPageGivesTheSameIndex(Graph graph) {
        Random random = new Random(13);
        List<HubModel> models = hub(MODELS);
        storeInPages(new HubListingStore(graph), models, links(models, models, random));
        IndexCheck.assertIndexAgreesWithTheLinks(graph, ids(graph));
        long perPage = rows(graph);

        Ancestry.rebuild(graph);

        assertThat(rows(graph)).isEqualTo(perPage);
        assertThat(duplicates(graph)).isZero();
        IndexCheck.assertIndexAgreesWithTheLinks(graph, ids(graph));
    }

    private static List<HubModel> hub(int size) {
        return IntStream.range(0, size).mapToObj(i -> new HubModel("o" + (i % 8) + "/m" + i, "o" + (i % 8),
                (long) (size - i), 1L, null, null, null, null, null, null, null)).toList();
    }

    /** Each model's links: mostly to an earlier model, sometimes a second (a merge), now and then to a later one. */
    private static List<Derivation> links(List<HubModel> children, List<HubModel> all, Random random) {
        List<Derivation> links = new ArrayList<>();
        for (HubModel child : children) {
            int index = all.indexOf(child);
            int parents = index == 0 ? 0 : random.nextInt(10) < 2 ? 0 : random.nextInt(10) == 0 ? 2 : 1;
            for (int p = 0; p < parents; p++) {
                int parent = random.nextInt(20) == 0 ? random.nextInt(all.size()) : random.nextInt(index);
                if (parent != index) {
                    links.add(new Derivation(child.hfId(), all.get(parent).hfId(),
                            Relation.values()[random.nextInt(Relation.values().length)],
                            random.nextBoolean() ? List.of() : List.of(Stage.values()[random.nextInt(Stage.values().length)]),
                            "hf-card"));
                }
            }
        }
        return links;
    }

    private static void storeInPages(HubListingStore pages, List<HubModel> models, List<Derivation> links) {
        for (int from = 0; from < models.size(); from += 10) {
            List<HubModel> page = models.subList(from, Math.min(from + 10, models.size()));
            List<String> children = page.stream().map(HubModel::hfId).toList();
            pages.store(new HubListingPage(page, links.stream().filter(d -> children.contains(d.child())).toList()), NOW);
        }
    }

    private static long rows(Graph graph) {
        return graph.read(tx -> tx.run("MATCH ()-[r:DESCENDS_FROM]->() RETURN count(r) AS n").single().get("n").asLong());
    }

    private static long duplicates(Graph graph) {
        return graph.read(tx -> tx.run(DUPLICATE_ROWS).single().get("n").asLong());
    }

    private static List<String> ids(Graph graph) {
        return graph.read(tx -> tx.run("MATCH (m:Model) RETURN m.id AS id").list(r -> r.get("id").asString()));
    }
}
