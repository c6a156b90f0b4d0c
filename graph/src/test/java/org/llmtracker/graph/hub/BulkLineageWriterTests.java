package org.llmtracker.graph.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmtracker.graph.testing.Entries.model;
import static org.llmtracker.graph.testing.Entries.withHosting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;

@Neo4jTest
class BulkLineageWriterTests {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-02T00:00:00Z");

    private static final String GRAPH = """
            MATCH (m:Model)
            OPTIONAL MATCH (m)-[:PUBLISHED_BY]->(o:Organisation)
            RETURN m.id AS id, properties(m) AS model, collect(properties(o)) AS organisations
            ORDER BY id
            """;

    @Test
    void theBulkPathLeavesTheGraphAsTheUpsertDoes(Graph graph) {
        List<HubModel> models = List.of(hub("huggyllama/llama-7b", 900L), hub("TheBloke/llama-7B-GGUF", 50L),
                hub("thebloke/LLAMA-7b-gguf", 60L), hub("a/new", null));

        catalogue(graph);
        new LineageWriter(graph).upsertModels(models, NOW);
        new LineageWriter(graph).upsertModels(models.subList(1, 3), LATER);
        List<Map<String, Object>> upserted = snapshot(graph);

        graph.write(tx -> tx.run("MATCH (n) DETACH DELETE n").consume());
        catalogue(graph);
        new LineageWriter(graph).upsertModelsInBulk(models, NOW);
        new LineageWriter(graph).upsertModelsInBulk(models.subList(1, 3), LATER);

        assertThat(snapshot(graph)).isEqualTo(upserted);
        assertThat(upserted).extracting(row -> row.get("id"))
                .containsExactly("a/new", "llama", "thebloke/llama-7b-gguf");
    }

    private static void catalogue(Graph graph) {
        new CatalogWriter(graph).applyFile(List.of(withHosting(model("llama"), List.of(), List.of("huggyllama/llama-7b"))), NOW);
    }

    private static List<Map<String, Object>> snapshot(Graph graph) {
        return graph.read(tx -> tx.run(GRAPH).list(r -> r.asMap()));
    }

    private static HubModel hub(String id, Long downloads) {
        return new HubModel(id, id.substring(0, id.indexOf('/')), downloads, 1L, "text-generation", null, 7_000_000_000L,
                "apache-2.0", NOW, null, false);
    }
}
