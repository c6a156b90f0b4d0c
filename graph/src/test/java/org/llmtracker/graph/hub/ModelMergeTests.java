package org.llmtracker.graph.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmtracker.graph.testing.Entries.base;
import static org.llmtracker.graph.testing.Entries.model;
import static org.llmtracker.graph.testing.Entries.withHosting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.hub.CardVersions.CardVersion;
import org.llmtracker.graph.model.ModelQueries;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.llmtracker.graph.lineage.Relative;
import org.llmtracker.graph.lineage.RelativeFilter;
import org.llmtracker.graph.lineage.LineageQueries;

/** A Hub id stored as a model of its own (by a crawl) that the catalogue later lists for an entry. */
@Neo4jTest
class ModelMergeTests {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final String HUB_ID = "meta-llama/Llama-2-7b-hf";

    @Test
    void theCatalogueEntryTakesOverTheHubModelItsAliasNamed(Graph graph) {
        LineageWriter writer = new LineageWriter(graph);
        writer.upsertModels(List.of(hub(HUB_ID, 900L), hub("o/chat", 50L), hub("o/chat-gguf", 5L), hub("o/older", 1L)), T0);
        writer.upsertDerivations(List.of(
                new Derivation("o/chat", HUB_ID, Relation.FINETUNE, List.of(), "hf-tag"),
                new Derivation("o/chat-gguf", "o/chat", Relation.QUANTIZED, List.of(), "hf-tag")), T0);
        new CardVersions(graph).write(List.of(new CardVersion("o/older", HUB_ID)), T0);
        graph.write(tx -> tx.run("""
                MATCH (m:Model {id: 'meta-llama/llama-2-7b-hf'}) CREATE (m)-[:HAD]->(:Snapshot {at: $at, downloads: 900})""",
                Map.of("at", T0.atZone(java.time.ZoneOffset.UTC))).consume());
        new CatalogWriter(graph).applyFile(List.of(model("llama"),
                withHosting(model("llama-2", base("llama", Relation.FINETUNE)), List.of(), List.of(HUB_ID))), T0);

        assertThat(count(graph, "MATCH (m:Model {id: 'meta-llama/llama-2-7b-hf'}) RETURN count(m) AS n")).isZero();
        assertThat(new ModelQueries(graph).resolve(HUB_ID)).contains("llama-2");
        assertThat(new ModelQueries(graph).detail("llama-2").orElseThrow()).satisfies(d -> {
            assertThat(d.downloads()).isEqualTo(900L);
            assertThat(d.catalogued()).isTrue();
        });
        LineageQueries lineage = new LineageQueries(graph);
        assertThat(lineage.descendants("llama-2", RelativeFilter.depth(10), 0, 10).items())
                .extracting(Relative::id, Relative::depth).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("o/chat", 1), org.assertj.core.groups.Tuple.tuple("o/chat-gguf", 2));
        assertThat(lineage.descendants("llama", RelativeFilter.depth(10), 0, 10).items()).extracting(Relative::id)
                .containsExactlyInAnyOrder("llama-2", "o/chat", "o/chat-gguf");
        assertThat(count(graph, "MATCH (:Model {id: 'llama-2'})-[:HAD]->(s:Snapshot) RETURN count(s) AS n")).isOne();
        assertThat(count(graph, "MATCH (:Model {id: 'llama-2'})-[:NEW_VERSION_OF]->(:Model {id: 'o/older'}) RETURN count(*) AS n"))
                .isOne();
    }

    @Test
    void linksBothModelsHadAreJoinedNotDoubled(Graph graph) {
        new CatalogWriter(graph).applyFile(List.of(model("llama-2"), model("alpaca", base("llama-2", Relation.FINETUNE))), T0);
        LineageWriter writer = new LineageWriter(graph);
        writer.upsertModels(List.of(hub(HUB_ID, 900L), hub("o/chat", 50L)), T0);
        writer.upsertDerivations(List.of(new Derivation("o/chat", HUB_ID, Relation.FINETUNE, List.of(), "hf-tag"),
                new Derivation("o/chat", "llama-2", Relation.FINETUNE, List.of(), "hf-card")), T0);

        new CatalogWriter(graph).applyFile(List.of(withHosting(model("llama-2"), List.of(), List.of(HUB_ID)),
                model("alpaca", base("llama-2", Relation.FINETUNE))), T0);

        List<Map<String, Object>> links = graph.read(tx -> tx.run("""
                MATCH (:Model {id: 'o/chat'})-[d:DERIVED_FROM]->(p:Model)
                RETURN p.id AS parent, d.sources AS sources""").list(r -> r.asMap()));
        assertThat(links).hasSize(1).first().satisfies(l -> {
            assertThat(l).containsEntry("parent", "llama-2");
            assertThat(l.get("sources")).isInstanceOf(List.class);
            assertThat(((List<?>) l.get("sources")).stream().map(String::valueOf).toList())
                    .containsExactlyInAnyOrder("hf-card", "hf-tag");
        });
        assertThat(new LineageQueries(graph).descendants("llama-2", RelativeFilter.depth(10), 0, 10).total()).isEqualTo(2);
    }

    private static HubModel hub(String id, Long downloads) {
        return new HubModel(id, id.substring(0, id.indexOf('/')), downloads, null, null, null, null, null, null, null, null);
    }

    private static long count(Graph graph, String cypher) {
        return graph.read(tx -> tx.run(cypher).single().get("n").asLong());
    }
}
