package org.llmtracker.graph.ancestry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmtracker.graph.testing.Entries.base;
import static org.llmtracker.graph.testing.Entries.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.BaseModelRef;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.llmtracker.graph.lineage.LineagePath;
import org.llmtracker.graph.lineage.Relative;
import org.llmtracker.graph.lineage.RelativeFilter;
import org.llmtracker.graph.lineage.LineageQueries;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.LineageWriter;

/**
 * The ancestry index answers descendant questions; these tests hold it to a breadth-first walk
 * over the links as they stand, after any sequence of writes.
 */
@Neo4jTest
class AncestryTests {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final Relation[] RELATIONS = Relation.values();
    private static final Stage[] STAGES = Stage.values();

    @Test
    void descendantsMatchAWalkOverTheLinksAfterAnySequenceOfHubAndCatalogueWrites(Graph graph) {
        LineageWriter writer = new LineageWriter(graph);
        CatalogWriter catalogue = new CatalogWriter(graph);
        Random random = new Random(7);
        List<String> hub = IntStream.range(0, 30).mapToObj(i -> "o/m" + i).toList();
        writer.upsertModels(hub.stream().map(id -> hubModel(id, (long) random.nextInt(5))).toList(), NOW);
        List<String> catalogued = IntStream.range(0, 6).mapToObj(i -> "c" + i).toList();
        catalogued.forEach(id -> catalogue.put(model(id), NOW));
        List<String> all = new ArrayList<>(hub);
        all.addAll(catalogued);

        for (int round = 0; round < 25; round++) {
            List<Derivation> links = new ArrayList<>();
            for (int i = random.nextInt(4); i >= 0; i--) {
                // Any pair: cycles, links above existing families and children before parents all happen.
                links.add(new Derivation(pick(hub, random), pick(all, random), pick(RELATIONS, random),
                        random.nextBoolean() ? List.of() : List.of(pick(STAGES, random)), "hf-card"));
            }
            writer.upsertDerivations(links, NOW);
            // A catalogue edit replaces the entry's bases: links are retracted as well as added.
            String edited = pick(catalogued, random);
            List<BaseModelRef> bases = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                String parent = pick(all, random);
                if (!parent.equals(edited) && bases.stream().noneMatch(b -> b.id().equals(parent))) {
                    bases.add(base(parent, pick(RELATIONS, random), pick(STAGES, random)));
                }
            }
            try {
                catalogue.put(model(edited, bases.toArray(BaseModelRef[]::new)), NOW);
            } catch (LineageCycleException refused) {
                // The catalogue refuses an edit whose base already derives from the entry, and writes nothing of it.
            }

            IndexCheck.assertIndexAgreesWithTheLinks(graph, all);
        }
    }

    @Test
    void aCrawlerAddingChildrenWhileTheCatalogueReRootsTheirFamilyLeavesTheIndexRight(Graph graph)
            throws Exception {
        LineageWriter writer = new LineageWriter(graph);
        CatalogWriter catalogue = new CatalogWriter(graph);
        writer.upsertModels(IntStream.range(0, 40).mapToObj(i -> hubModel("o/m" + i, 1L)).toList(), NOW);
        catalogue.put(model("base-a"), NOW);
        catalogue.put(model("base-b"), NOW);
        catalogue.put(model("top", base("base-a", Relation.FINETUNE)), NOW);
        writer.upsertDerivations(List.of(new Derivation("o/m0", "top", Relation.FINETUNE, List.of(), "hf-card")), NOW);

        var crawler = java.util.concurrent.CompletableFuture.runAsync(() -> {
            for (int i = 1; i < 40; i++) {
                writer.upsertDerivations(List.of(new Derivation("o/m" + i, "o/m" + (i - 1) / 2, Relation.QUANTIZED,
                        List.of(), "hf-card")), NOW);
            }
        });
        for (int i = 0; i < 20; i++) {
            catalogue.put(model("top", base(i % 2 == 0 ? "base-b" : "base-a", Relation.FINETUNE)), NOW);
        }
        crawler.get();

        IndexCheck.assertIndexAgreesWithTheLinks(graph, List.of("base-a", "base-b", "top", "o/m0", "o/m1", "o/m5"));
    }

    @Test
    void aStoreWithoutTheIndexIsIndexedAtStartAndAnswersTheSame(Graph graph) {
        LineageWriter writer = new LineageWriter(graph);
        writer.upsertModels(List.of(hubModel("o/root", 9L), hubModel("o/a", 5L), hubModel("o/b", 4L),
                hubModel("o/c", 1L)), NOW);
        writer.upsertDerivations(List.of(
                new Derivation("o/a", "o/root", Relation.FINETUNE, List.of(Stage.SFT), "hf-card"),
                new Derivation("o/b", "o/a", Relation.QUANTIZED, List.of(), "hf-card"),
                new Derivation("o/c", "o/b", Relation.ADAPTER, List.of(), "hf-card"),
                new Derivation("o/c", "o/root", Relation.MERGE, List.of(), "hf-card")), NOW);
        LineageQueries queries = new LineageQueries(graph);
        var before = queries.descendants("o/root", RelativeFilter.depth(10), 0, 10);
        // What a store written before the index existed looks like.
        graph.write(tx -> tx.run("MATCH ()-[r:DESCENDS_FROM]->() DELETE r").consume());
        graph.write(tx -> tx.run("MATCH (s:IndexState) DELETE s").consume());
        assertThat(queries.descendants("o/root", RelativeFilter.depth(10), 0, 10).total()).isZero();

        Ancestry.ensure(graph);

        assertThat(queries.descendants("o/root", RelativeFilter.depth(10), 0, 10)).isEqualTo(before);
        assertThat(before.items()).extracting(Relative::id).containsExactly("o/a", "o/b", "o/c");
    }

    @Test
    void theTopOfALargeFamilyComesInTheSameOrderAsTheWholeFamilySorted(Graph graph) {
        // Big enough against the whole graph that the page is read from the downloads index:
        // equal downloads, unknown downloads and one outsider with the most downloads of all.
        LineageWriter writer = new LineageWriter(graph);
        List<HubModel> models = new ArrayList<>();
        models.add(hubModel("o/root", 1_000L));
        models.add(hubModel("x/outsider", 5_000L));
        List<Derivation> links = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String id = "o/child-" + i;
            models.add(hubModel(id, i % 7 == 0 ? null : (long) (i % 5)));
            links.add(new Derivation(id, i < 30 ? "o/root" : "o/child-" + (i - 30), Relation.FINETUNE, List.of(),
                    "hf-card"));
        }
        writer.upsertModels(models, NOW);
        writer.upsertDerivations(links, NOW);
        LineageQueries queries = new LineageQueries(graph);

        List<Relative> whole = queries.descendants("o/root", RelativeFilter.depth(10), 0, 200).items();
        List<Relative> paged = new ArrayList<>();
        for (int skip = 0; skip < 60; skip += 5) {
            paged.addAll(queries.descendants("o/root", RelativeFilter.depth(10), skip, 5).items());
        }

        assertThat(whole).hasSize(60).isEqualTo(paged);
        assertThat(whole).isSortedAccordingTo(Comparator
                .comparing((Relative k) -> k.downloads() == null ? -1L : k.downloads(), Comparator.reverseOrder())
                .thenComparing(Relative::name, String.CASE_INSENSITIVE_ORDER));
        assertThat(whole).extracting(Relative::id).doesNotContain("x/outsider");
    }

    @Test
    void cousinsAreJoinedThroughTheirNearestCommonAncestor(Graph graph) {
        LineageWriter writer = new LineageWriter(graph);
        writer.upsertModels(List.of(hubModel("o/root", 1L), hubModel("o/mid", 1L), hubModel("o/left", 1L),
                hubModel("o/right", 1L), hubModel("p/other", 1L), hubModel("p/merge", 1L)), NOW);
        writer.upsertDerivations(List.of(
                new Derivation("o/mid", "o/root", Relation.FINETUNE, List.of(), "hf-card"),
                new Derivation("o/left", "o/mid", Relation.QUANTIZED, List.of(), "hf-card"),
                new Derivation("o/right", "o/mid", Relation.ADAPTER, List.of(), "hf-card"),
                new Derivation("p/merge", "o/left", Relation.MERGE, List.of(), "hf-card"),
                new Derivation("p/merge", "p/other", Relation.MERGE, List.of(), "hf-card")), NOW);
        LineageQueries queries = new LineageQueries(graph);

        LineagePath cousins = queries.path("o/left", "o/right").orElseThrow();
        assertThat(cousins.nodes()).extracting(LineagePath.Step::id).containsExactly("o/left", "o/mid", "o/right");
        assertThat(cousins.links()).containsExactly(new LineagePath.Link("o/left", "o/mid", "QUANTIZED"),
                new LineagePath.Link("o/right", "o/mid", "ADAPTER"));

        LineagePath upwards = queries.path("p/merge", "o/root").orElseThrow();
        assertThat(upwards.nodes()).extracting(LineagePath.Step::id)
                .containsExactly("p/merge", "o/left", "o/mid", "o/root");

        // No shared ancestor: only the merge joins these two families.
        LineagePath acrossAMerge = queries.path("o/right", "p/other").orElseThrow();
        assertThat(acrossAMerge.nodes()).extracting(LineagePath.Step::id)
                .containsExactly("o/right", "o/mid", "o/left", "p/merge", "p/other");
    }

    @Test
    void aModelAndTheRootItDerivesFromAreJoinedStraightUpEvenWhenAShorterWayRoundExists(Graph graph) {
        LineageWriter writer = new LineageWriter(graph);
        writer.upsertModels(List.of(hubModel("o/root", 1L), hubModel("o/a", 1L), hubModel("o/b", 1L),
                hubModel("o/c", 1L), hubModel("o/merge", 1L)), NOW);
        writer.upsertDerivations(List.of(
                new Derivation("o/a", "o/root", Relation.FINETUNE, List.of(), "hf-card"),
                new Derivation("o/b", "o/a", Relation.FINETUNE, List.of(), "hf-card"),
                new Derivation("o/c", "o/b", Relation.QUANTIZED, List.of(), "hf-card"),
                // Two links either way (root <- merge -> c) against three straight up.
                new Derivation("o/merge", "o/c", Relation.MERGE, List.of(), "hf-card"),
                new Derivation("o/merge", "o/root", Relation.MERGE, List.of(), "hf-card")), NOW);
        LineageQueries queries = new LineageQueries(graph);

        assertThat(queries.path("o/c", "o/root").orElseThrow().nodes()).extracting(LineagePath.Step::id)
                .containsExactly("o/c", "o/b", "o/a", "o/root");
        assertThat(queries.path("o/root", "o/c").orElseThrow().nodes()).extracting(LineagePath.Step::id)
                .containsExactly("o/root", "o/a", "o/b", "o/c");
    }

    private static <T> T pick(List<T> items, Random random) {
        return items.get(random.nextInt(items.size()));
    }

    private static <T> T pick(T[] items, Random random) {
        return items[random.nextInt(items.length)];
    }

    private static HubModel hubModel(String id, Long downloads) {
        return new HubModel(id, id.substring(0, id.indexOf('/')), downloads, null, null, null, null, null, null, null,
                null);
    }
}
