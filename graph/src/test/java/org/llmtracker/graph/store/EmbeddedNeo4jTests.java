package org.llmtracker.graph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmtracker.graph.testing.Neo4jTest;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

@Neo4jTest
class EmbeddedNeo4jTests {

    @Test
    void applyingTheSchemaTwiceChangesNothing(Graph graph) {
        long before = graph.read(tx -> tx.run("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n").single().get("n").asLong());
        Schema.apply(graph);
        long after = graph.read(tx -> tx.run("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n").single().get("n").asLong());
        assertThat(after).isEqualTo(before).isGreaterThanOrEqualTo(8);
    }

    @Test
    void keepsDataAcrossARestartOfTheSameStore(@TempDir Path dir) {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dir, 0, 32);
                Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
            Graph.overBolt(driver, null).write(tx -> tx.run("CREATE (:Model {id: 'kept'})").consume());
        }
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dir, 0, 32);
                Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
            long n = Graph.overBolt(driver, null).read(tx -> tx.run("MATCH (m:Model {id: $id}) RETURN count(m) AS n",
                    Map.of("id", "kept")).single().get("n").asLong());
            assertThat(n).isEqualTo(1);
        }
    }

    @Test
    void listensOnLoopbackOnly(@TempDir Path dir) {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dir, 0, 32)) {
            assertThat(neo4j.boltUri().getHost()).isEqualTo("127.0.0.1");
            assertThat(neo4j.boltUri().getPort()).isPositive();
        }
    }

    @Test
    void refusesAPortOutOfRange(@TempDir Path dir) {
        assertThatThrownBy(() -> EmbeddedNeo4j.start(dir, 70000, 32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("70000");
    }
}
