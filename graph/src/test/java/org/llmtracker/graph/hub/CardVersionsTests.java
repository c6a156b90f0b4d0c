package org.llmtracker.graph.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmtracker.graph.testing.Entries.model;
import static org.llmtracker.graph.testing.Entries.withHosting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.hub.CardVersions.CardVersion;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.neo4j.driver.Value;

@Neo4jTest
class CardVersionsTests {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void aCardsNewVersionLinksTheNewerModelAsAVersionNeverAsADerivation(Graph graph) {
        hub(graph, "o/layla-v3", "o/layla-v4");

        new CardVersions(graph).write(List.of(new CardVersion("o/Layla-v3", "o/layla-v4")), NOW);

        assertThat(versions(graph)).containsExactly(Map.of("newer", "o/layla-v4", "older", "o/layla-v3", "sources", List.of("hf-card")));
        long derivations = graph.read(tx -> tx.run("MATCH ()-[d:DERIVED_FROM]->() RETURN count(d) AS n").single().get("n").asLong());
        assertThat(derivations).isZero();
    }

    @Test
    void aNewerModelNotYetStoredBecomesAStubThatKeepsTheHubSpelling(Graph graph) {
        hub(graph, "o/layla-v3");

        new CardVersions(graph).write(List.of(new CardVersion("o/layla-v3", "o/Layla-V4")), NOW);

        assertThat(versions(graph)).extracting(v -> v.get("newer")).containsExactly("o/layla-v4");
        Map<String, Object> stub = graph.read(tx -> tx.run(
                "MATCH (m:Model {id: 'o/layla-v4'}) RETURN m.hfId AS hfId, m.catalogued AS c").single().asMap());
        assertThat(stub).containsEntry("hfId", "o/Layla-V4").containsEntry("c", false);
    }

    @Test
    void aCardThatNoLongerNamesTheVersionWithdrawsItsClaimButKeepsTheCatalogues(Graph graph) {
        new CatalogWriter(graph).applyFile(List.of(
                withHosting(model("llama-2"), List.of(), List.of("meta-llama/Llama-2-7b-hf")),
                withHosting(model("llama-3"), List.of(), List.of("meta-llama/Meta-Llama-3-8B"))), NOW);
        graph.write(tx -> tx.run("""
                MATCH (a:Model {id: 'llama-3'}), (b:Model {id: 'llama-2'})
                CREATE (a)-[:NEW_VERSION_OF {sources: ['catalog']}]->(b)""").consume());
        hub(graph, "o/other-v1", "o/other-v2");
        CardVersions cards = new CardVersions(graph);
        cards.write(List.of(new CardVersion("meta-llama/Llama-2-7b-hf", "meta-llama/Meta-Llama-3-8B"),
                new CardVersion("o/other-v1", "o/other-v2")), NOW);
        assertThat(versions(graph)).contains(Map.of("newer", "llama-3", "older", "llama-2", "sources", List.of("catalog", "hf-card")));

        cards.write(List.of(new CardVersion("meta-llama/Llama-2-7b-hf", null), new CardVersion("o/other-v1", null)), NOW);

        assertThat(versions(graph)).containsExactly(Map.of("newer", "llama-3", "older", "llama-2", "sources", List.of("catalog")));
    }

    @Test
    void aCardNamingItselfLinksNothing(Graph graph) {
        hub(graph, "o/self");

        new CardVersions(graph).write(List.of(new CardVersion("o/self", "O/Self")), NOW);

        assertThat(versions(graph)).isEmpty();
    }

    private static void hub(Graph graph, String... ids) {
        new LineageWriter(graph).upsertModels(List.of(ids).stream()
                .map(id -> new HubModel(id, "o", 1L, null, null, null, null, null, null, null, null)).toList(), NOW);
    }

    private static List<Map<String, Object>> versions(Graph graph) {
        return graph.read(tx -> tx.run("""
                MATCH (n:Model)-[v:NEW_VERSION_OF]->(o:Model)
                RETURN n.id AS newer, o.id AS older, v.sources AS sources ORDER BY newer""")
                .list(r -> Map.<String, Object>of("newer", r.get("newer").asString(), "older", r.get("older").asString(),
                        "sources", r.get("sources").asList(Value::asString))));
    }
}
