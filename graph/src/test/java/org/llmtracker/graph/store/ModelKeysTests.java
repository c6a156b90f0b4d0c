package org.llmtracker.graph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.testing.Neo4jTest;

/** A store written before the search text, name key and short name existed gets them at start, in batches, and a filled store is left alone. */
@Neo4jTest
class ModelKeysTests {

    // more than two batches, ids not in creation order, names and Hub ids in any case or missing
    private static final String OLD_STORE = """
            UNWIND range(1, $n) AS i
            CREATE (:Model {id: 'org' + (i % 7) + '/model-' + ((i * 7919) % $n),
                            name: CASE WHEN i % 3 = 0 THEN null ELSE 'Model-' + i + '-ÄB' END,
                            hfId: CASE WHEN i % 2 = 0 THEN null ELSE 'Org/Model-' + i END})
            """;

    @Test
    void theSchemaFillsEveryModelOfAnOlderStoreAndThenCostsNothing(Graph graph) {
        int n = 2 * ModelKeys.FILL_BATCH + 17;
        graph.write(tx -> tx.run(OLD_STORE, Map.of("n", n)).consume());

        Schema.apply(graph);

        long wrong = graph.read(tx -> tx.run("""
                MATCH (m:Model)
                WHERE m.searchText IS NULL
                   OR m.searchText <> m.id + '\\n' + toLower(coalesce(m.name, '')) + '\\n' + toLower(coalesce(m.hfId, ''))
                   OR m.nameKey IS NULL OR m.nameKey <> toLower(coalesce(m.name, m.id))
                   OR m.shortName IS NULL OR m.shortName <> split(m.id, '/')[1]
                RETURN count(m) AS n
                """).single().get("n").asLong());
        assertThat(wrong).isZero();
        long found = graph.read(tx -> tx.run("""
                MATCH (m:Model) WHERE m.searchText CONTAINS 'model-4-äb' RETURN count(m) AS n
                """).single().get("n").asLong());
        assertThat(found).isOne();
        assertThat(ModelKeys.fill(graph)).isZero();
    }

    @Test
    void aStoreWithTheSearchTextAndNameKeyButNoShortNameGetsItAtStart(Graph graph) {
        int n = ModelKeys.FILL_BATCH + 3;
        graph.write(tx -> tx.run(OLD_STORE, Map.of("n", n)).consume());
        graph.write(tx -> tx.run("MATCH (m:Model) SET m.searchText = m.id, m.nameKey = toLower(coalesce(m.name, m.id))")
                .consume());

        Schema.apply(graph);

        long unnamed = graph.read(tx -> tx.run("MATCH (m:Model) WHERE m.shortName IS NULL RETURN count(m) AS n")
                .single().get("n").asLong());
        assertThat(unnamed).isZero();
    }
}
