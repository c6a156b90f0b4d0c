package org.llmtracker.api.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.api.testing.ApiTest;
import org.llmtracker.api.testing.Http;
import org.llmtracker.graph.store.Graph;
import org.springframework.beans.factory.annotation.Autowired;

/** Figures over time as JSON, and the lineage graph a page draws. */
@ApiTest
class HistoryApiIT {

    @Autowired
    Http http;
    @Autowired
    Graph graph;

    @AfterEach
    void removeSnapshots() {
        graph.write(tx -> tx.run("MATCH (s:Snapshot {fixture: 'history-api'}) DETACH DELETE s").consume());
    }

    @Test
    void aModelsHistoryIsFoundByAnAliasAndListsItsSnapshotsOldestFirst() {
        graph.write(tx -> tx.run("""
                MATCH (m:Model {id: 'llama'})
                UNWIND [[datetime('2026-11-02T00:00:00Z'), 20], [datetime('2026-11-01T00:00:00Z'), 10]] AS s
                CREATE (m)-[:HAD]->(:Snapshot {at: s[0], downloads: s[1], likes: 1, fixture: 'history-api'})
                """).consume());

        var history = http.get("/api/models/huggyllama/llama-7b/history").json();

        assertThat(history.path("id").asString()).isEqualTo("llama");
        assertThat(history.path("points").valueStream().map(p -> p.path("downloads").asLong())).containsSubsequence(10L, 20L);
        assertThat(history.path("points").get(0).path("at").asString()).startsWith("2026-11-01");
    }

    @Test
    void unknownModelsAndRepositoriesAreNotFound() {
        assertThat(http.get("/api/models/nobody/history").status()).isEqualTo(404);
        var missing = http.get("/api/repositories/nobody/nothing/history");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("detail").asString()).contains("nobody/nothing");
        assertThat(http.get("/api/repositories/FacebookResearch/LLaMA/history").json().path("fullName").asString())
                .isEqualTo("facebookresearch/llama");
    }

    @Test
    void theGraphRouteDrawsAFamilyAndRefusesAnUnboundedOne() {
        var drawn = http.get("/api/models/llama/graph?depth=2&maxNodes=5").json();

        assertThat(drawn.path("nodes").size()).isLessThanOrEqualTo(5);
        assertThat(drawn.path("shown").asInt()).isLessThan(drawn.path("descendants").asInt());
        assertThat(drawn.path("truncated").asBoolean()).isTrue();
        assertThat(http.get("/api/models/llama/graph?maxNodes=5000").json().path("parameter").asString()).isEqualTo("maxNodes");
        assertThat(http.get("/api/models/llama/graph?depth=7").status()).isEqualTo(400);
        assertThat(http.get("/api/models/nobody/graph").status()).isEqualTo(404);
    }
}
