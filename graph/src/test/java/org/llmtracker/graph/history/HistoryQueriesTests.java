package org.llmtracker.graph.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmtracker.graph.testing.Entries.model;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;

@Neo4jTest
class HistoryQueriesTests {

    private Graph graph;
    private HistoryQueries history;

    @BeforeEach
    void snapshots(Graph graph) {
        this.graph = graph;
        this.history = new HistoryQueries(graph);
        new CatalogWriter(graph).applyFile(List.of(model("llama")), Instant.parse("2026-11-01T00:00:00Z"));
        // Written out of order: reads sort them.
        graph.write(tx -> tx.run("""
                MATCH (m:Model {id: 'llama'})
                CREATE (m)-[:HAD]->(:Snapshot {at: datetime('2026-11-03T02:00:00Z'), downloads: 300, likes: 3})
                CREATE (m)-[:HAD]->(:Snapshot {at: datetime('2026-11-01T02:00:00Z'), downloads: 100, likes: 1})
                CREATE (r:Repository {fullName: 'facebookresearch/llama', name: 'facebookresearch/llama',
                                      aliases: ['facebookresearch/llama-old']})
                CREATE (r)-[:HAD]->(:Snapshot {at: datetime('2026-11-02T00:00:00Z'), stars: 20, forks: 2})
                CREATE (r)-[:HAD]->(:Snapshot {at: datetime('2026-11-01T00:00:00Z'), stars: 10, forks: 1})
                CREATE (:Repository {fullName: 'quiet/repo'})
                """).consume());
    }

    @Test
    void aModelsHistoryIsOldestFirst() {
        ModelHistory found = history.model("llama").orElseThrow();

        assertThat(found.points()).extracting(ModelHistory.Point::downloads).containsExactly(100L, 300L);
        assertThat(found.points().get(0).at()).isEqualTo(Instant.parse("2026-11-01T02:00:00Z"));
        assertThat(found.points()).extracting(ModelHistory.Point::likes).containsExactly(1L, 3L);
    }

    @Test
    void aRepositoryIsFoundInAnyCaseAndByItsOldNameAfterARename() {
        assertThat(history.repository("FacebookResearch/LLaMA").orElseThrow().points())
                .extracting(RepositoryHistory.Point::stars).containsExactly(10L, 20L);
        RepositoryHistory renamed = history.repository("facebookresearch/llama-old").orElseThrow();
        assertThat(renamed.fullName()).isEqualTo("facebookresearch/llama");
        assertThat(renamed.points()).extracting(RepositoryHistory.Point::forks).containsExactly(1L, 2L);
    }

    @Test
    void noSnapshotsIsAnEmptyHistoryAndNoSuchThingIsNone() {
        assertThat(history.repository("quiet/repo").orElseThrow().points()).isEmpty();
        assertThat(history.repository("nobody/nothing")).isEmpty();
        assertThat(history.model("nobody")).isEmpty();
    }
}
