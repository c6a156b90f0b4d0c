package org.llmtracker.graph.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmtracker.graph.testing.Entries.model;
import static org.llmtracker.graph.testing.Entries.withHosting;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.llmtracker.graph.lineage.RelativeFilter;
import org.llmtracker.graph.lineage.LineageQueries;

@Neo4jTest
class LineageWriterTests {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void aHubModelTheCatalogueListsLandsOnTheCataloguedModel(Graph graph) {
        new CatalogWriter(graph).applyFile(List.of(withHosting(model("llama"), List.of(), List.of("huggyllama/llama-7b"))), NOW);
        LineageWriter writer = new LineageWriter(graph);

        writer.upsertModels(List.of(hub("huggyllama/llama-7b", 900L), hub("TheBloke/llama-7B-GGUF", 50L)), NOW);
        writer.upsertDerivations(List.of(new Derivation("TheBloke/llama-7B-GGUF", "HuggyLlama/LLaMA-7b", Relation.QUANTIZED, List.of(), "hf-tag")), NOW);

        var page = new LineageQueries(graph).descendants("llama", RelativeFilter.depth(5), 0, 10);
        assertThat(page.items()).singleElement().satisfies(k -> {
            assertThat(k.id()).isEqualTo("thebloke/llama-7b-gguf");
            assertThat(k.relation()).isEqualTo("QUANTIZED");
            assertThat(k.catalogued()).isFalse();
        });
        long downloads = graph.read(tx -> tx.run("MATCH (m:Model {id:'llama'}) RETURN m.downloads AS d").single().get("d").asLong());
        assertThat(downloads).isEqualTo(900L);
    }

    @Test
    void writingTheSameModelsAndDerivationsTwiceChangesNoCounts(Graph graph) {
        LineageWriter writer = new LineageWriter(graph);
        List<HubModel> models = List.of(hub("a/base", 1L), hub("b/tune", 2L));
        List<Derivation> derivations = List.of(new Derivation("b/tune", "a/base", Relation.FINETUNE, List.of(), "hf-card"),
                new Derivation("b/tune", "b/tune", Relation.FINETUNE, List.of(), "hf-card"));

        for (int i = 0; i < 2; i++) {
            writer.upsertModels(models, NOW);
            writer.upsertDerivations(derivations, NOW);
        }

        long nodes = graph.read(tx -> tx.run("MATCH (n) RETURN count(n) AS n").single().get("n").asLong());
        long edges = graph.read(tx -> tx.run("MATCH ()-[d:DERIVED_FROM]->() RETURN count(d) AS n").single().get("n").asLong());
        assertThat(nodes).isEqualTo(4); // two models, organisations 'a' and 'b'
        assertThat(edges).isEqualTo(1);
    }

    @Test
    void aHubClaimNeverOverridesTheCatalogueRelation(Graph graph) {
        new CatalogWriter(graph).applyFile(List.of(model("llama"),
                model("alpaca", org.llmtracker.graph.testing.Entries.base("llama", Relation.FINETUNE))), NOW);

        new LineageWriter(graph).upsertDerivations(List.of(new Derivation("alpaca", "llama", Relation.ADAPTER, List.of(), "hf-tag")), NOW);

        var edge = graph.read(tx -> tx.run("MATCH (:Model {id:'alpaca'})-[d:DERIVED_FROM]->() RETURN d {.*} AS d").single().get("d"));
        assertThat(edge.get("relation").asString()).isEqualTo("FINETUNE");
        assertThat(edge.get("hubRelation").asString()).isEqualTo("ADAPTER");
        assertThat(edge.get("sources").asList(v -> v.asString())).containsExactly("catalog", "hf-tag");
    }

    private static HubModel hub(String id, Long downloads) {
        return new HubModel(id, id.substring(0, id.indexOf('/')), downloads, 0L, null, null, null, null, null, null, null);
    }
}
