package org.llmtracker.graph.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmtracker.graph.testing.Entries.model;
import static org.llmtracker.graph.testing.Entries.withHosting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.model.ModelQueries;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.llmtracker.graph.lineage.Relative;
import org.llmtracker.graph.lineage.RelativeFilter;
import org.llmtracker.graph.lineage.LineageQueries;
import org.llmtracker.graph.ancestry.IndexCheck;

@Neo4jTest
class HubListingWriterTests {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    /** What both write paths must agree on (the listing path also stamps Hub statuses, the per-item one does not). */
    private static final String GRAPH = """
            MATCH (m:Model)
            OPTIONAL MATCH (m)-[:PUBLISHED_BY]->(o:Organisation)
            OPTIONAL MATCH (m)-[d:DERIVED_FROM]->(p:Model)
            WITH m, o, d, p ORDER BY p.id
            RETURN m.id AS id, m{.name, .hfId, .kind, .catalogued, .downloads, .likes, .firstSeenAt} AS model,
                   o.key AS organisation,
                   collect({parent: p.id, relation: d.relation, stages: d.stages, sources: d.sources}) AS parents,
                   COUNT { (:Alias)-[:ALIAS_OF]->(m) } AS aliases
            ORDER BY id
            """;

    @Test
    void pagesInAnyOrderLeaveTheGraphThePerItemWritersLeave(Graph graph) {
        Random random = new Random(11);
        List<HubModel> models = IntStream.range(0, 60).mapToObj(i -> hub("o" + (i % 4) + "/m" + i, (long) random.nextInt(50)))
                .toList();
        List<Derivation> links = new ArrayList<>();
        for (int i = 1; i < models.size(); i++) {
            links.add(link(models.get(i), models.get(random.nextInt(i)), random));
            if (random.nextInt(5) == 0) {
                links.add(link(models.get(i), models.get(random.nextInt(i)), random));
            }
        }
        catalogue(graph);
        new LineageWriter(graph).upsertModels(models, NOW);
        new LineageWriter(graph).upsertDerivations(links, NOW);
        List<Map<String, Object>> perItem = snapshot(graph);

        for (long seed = 1; seed <= 2; seed++) {
            graph.write(tx -> tx.run("MATCH (n) DETACH DELETE n").consume());
            catalogue(graph);
            List<HubModel> shuffled = new ArrayList<>(models);
            Collections.shuffle(shuffled, new Random(seed));
            for (int from = 0; from < shuffled.size(); from += 7) {
                new HubListingStore(graph).store(page(shuffled.subList(from, Math.min(from + 7, shuffled.size())), links),
                        NOW);
            }

            assertThat(snapshot(graph)).as("pages in order %d", seed).isEqualTo(perItem);
            IndexCheck.assertIndexAgreesWithTheLinks(graph, ids(graph));
        }
    }

    @Test
    void theCardFieldsAListingCarriesAreKeptAndAnItemWithoutACardLeavesThem(Graph graph) {
        HubListingStore writer = new HubListingStore(graph);
        HubCard card = new HubCard("Caldera AI", "TheBloke", List.of("13B BlueMethod"), "llama2", "LICENSE.txt");
        HubModel quant = new HubModel("TheBloke/13B-BlueMethod-GGUF", "TheBloke", 900L, 3L, null, null, 13_015_864_320L, "other",
                NOW, NOW, false, card, null, "llama");
        writer.store(page(List.of(quant), List.of()), NOW);
        writer.store(page(List.of(hub("TheBloke/13B-BlueMethod-GGUF", 950L)), List.of()), NOW.plusSeconds(60));

        Map<String, Object> stored = graph.read(tx -> tx.run("""
                MATCH (m:Model {id: 'thebloke/13b-bluemethod-gguf'})
                RETURN m.cardCreator AS creator, m.cardQuantizedBy AS quantizedBy, m.cardBaseMentions AS mentions,
                       m.cardLicenseName AS licenseName, m.cardLicenseLink AS licenseLink, m.ggufArchitecture AS gguf, m.downloads AS downloads
                """).single().asMap());
        assertThat(stored).containsEntry("creator", "Caldera AI").containsEntry("quantizedBy", "TheBloke")
                .containsEntry("mentions", List.of("13B BlueMethod")).containsEntry("licenseName", "llama2")
                .containsEntry("licenseLink", "LICENSE.txt").containsEntry("gguf", "llama").containsEntry("downloads", 950L);

        writer.store(page(List.of(new HubModel("TheBloke/13B-BlueMethod-GGUF", "TheBloke", 990L, 3L, null, null, null, null, NOW, NOW,
                false, new HubCard(null, "TheBloke", List.of(), null, null), null, null)), List.of()), NOW.plusSeconds(120));
        Boolean cleared = graph.read(tx -> tx.run("MATCH (m:Model {id: 'thebloke/13b-bluemethod-gguf'}) RETURN m.cardCreator AS c")
                .single().get("c").isNull());
        assertThat(cleared).as("a card that dropped the field").isTrue();
    }

    @Test
    void aParentNotListedYetIsAStubUntilItsOwnItemFillsIt(Graph graph) {
        HubListingStore writer = new HubListingStore(graph);
        HubModel base = hub("Meta/Base", 900L);
        HubModel child = hub("someone/child", 5L);

        assertThat(writer.store(new HubListingPage(List.of(child),
                List.of(new Derivation(child.hfId(), base.hfId(), Relation.QUANTIZED, List.of(), "hf-tag"))), NOW)).isOne();
        ModelQueries models = new ModelQueries(graph);
        assertThat(models.detail("meta/base").orElseThrow()).satisfies(stub -> {
            assertThat(stub.downloads()).isNull();
            assertThat(stub.hfStatus()).isNull();
            assertThat(stub.catalogued()).isFalse();
        });

        assertThat(writer.store(new HubListingPage(List.of(base), List.of()), NOW)).isZero();
        assertThat(models.detail("meta/base").orElseThrow()).satisfies(filled -> {
            assertThat(filled.downloads()).isEqualTo(900L);
            assertThat(filled.hfStatus()).isEqualTo("ok");
        });
        assertThat(new LineageQueries(graph).descendants("meta/base", new RelativeFilter(Relation.QUANTIZED, null, 5, null),
                0, 10).items()).extracting(Relative::id).containsExactly("someone/child");
    }

    @Test
    void idsTheCatalogueKnowsLandOnItsModelAndAPageStoredTwiceChangesNothing(Graph graph) {
        catalogue(graph);
        HubListingStore writer = new HubListingStore(graph);
        HubListingPage page = new HubListingPage(List.of(hub("HuggyLlama/llama-7b", 700L), hub("a/alpaca-lora", 3L)),
                List.of(new Derivation("a/alpaca-lora", "huggyllama/LLAMA-7b", Relation.ADAPTER, List.of(Stage.SFT),
                        "hf-tag")));

        writer.store(page, NOW);
        List<Map<String, Object>> once = snapshot(graph);
        writer.store(page, NOW);

        assertThat(snapshot(graph)).isEqualTo(once);
        assertThat(once).extracting(row -> row.get("id")).containsExactly("a/alpaca-lora", "llama");
        assertThat(new ModelQueries(graph).detail("llama").orElseThrow().downloads()).isEqualTo(700L);
        IndexCheck.assertIndexAgreesWithTheLinks(graph, ids(graph));
    }

    @Test
    void writersRacingOverTheSameNewModelsLeaveOneNodeEachAndAnExactIndex(Graph graph) throws Exception {
        List<HubModel> models = IntStream.range(0, 200).mapToObj(i -> hub("race/m" + i, (long) i)).toList();
        Random random = new Random(3);
        List<Derivation> links = new ArrayList<>();
        for (int i = 1; i < models.size(); i++) {
            links.add(link(models.get(i), models.get(random.nextInt(i)), random));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int writer = 0; writer < 3; writer++) {
                List<HubModel> order = new ArrayList<>(models);
                Collections.shuffle(order, new Random(writer));
                writes.add(pool.submit(() -> {
                    for (int from = 0; from < order.size(); from += 25) {
                        new HubListingStore(graph).store(page(order.subList(from, from + 25), links), NOW);
                    }
                }));
            }
            writes.add(pool.submit(() -> new LineageWriter(graph).upsertModels(models, NOW)));
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }

        long stored = graph.read(tx -> tx.run("MATCH (m:Model) RETURN count(m) AS n").single().get("n").asLong());
        assertThat(stored).isEqualTo(models.size());
        IndexCheck.assertIndexAgreesWithTheLinks(graph, ids(graph));
    }

    /** The page of these models, with the links they declare. */
    private static HubListingPage page(List<HubModel> models, List<Derivation> links) {
        List<String> children = models.stream().map(HubModel::hfId).toList();
        return new HubListingPage(models, links.stream().filter(d -> children.contains(d.child())).toList());
    }

    private static Derivation link(HubModel child, HubModel parent, Random random) {
        Relation relation = Relation.values()[random.nextInt(Relation.values().length)];
        List<Stage> stages = random.nextBoolean() ? List.of() : List.of(Stage.values()[random.nextInt(Stage.values().length)]);
        return new Derivation(child.hfId(), parent.hfId(), relation, stages, "hf-tag");
    }

    private static void catalogue(Graph graph) {
        new CatalogWriter(graph).applyFile(List.of(withHosting(model("llama"), List.of(), List.of("huggyllama/llama-7b"))), NOW);
    }

    private static List<Map<String, Object>> snapshot(Graph graph) {
        return graph.read(tx -> tx.run(GRAPH).list(r -> r.asMap()));
    }

    private static List<String> ids(Graph graph) {
        return graph.read(tx -> tx.run("MATCH (m:Model) RETURN m.id AS id").list(r -> r.get("id").asString()));
    }

    private static HubModel hub(String id, Long downloads) {
        return new HubModel(id, id.substring(0, id.indexOf('/')), downloads, 1L, null, null, null, null, null, null, null);
    }
}
