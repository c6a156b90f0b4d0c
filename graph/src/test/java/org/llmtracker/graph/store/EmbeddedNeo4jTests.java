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

    @Test
    void boltBeyondLoopbackWithoutAPasswordIsRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> new BoltAccess("0.0.0.0", 0, ""))
                .isInstanceOf(GraphException.class).hasMessageContaining("0.0.0.0").hasMessageContaining("bolt-password");
        assertThat(new BoltAccess("localhost", 0, null).authenticated()).isFalse();
        assertThatThrownBy(() -> new BoltAccess("0.0.0.0", 0, "short"))
                .isInstanceOf(GraphException.class).hasMessageContaining("at least 8").hasMessageNotContaining("short");
        assertThat(new BoltAccess("0.0.0.0", 0, "s3cret-pass")).hasToString("Bolt on 0.0.0.0:0 with authentication");
    }

    @Test
    void withAPasswordBoltClientsMustLogIn(@TempDir Path dir) {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dir, new BoltAccess("0.0.0.0", 0, "s3cret-pass"), 32)) {
            try (Driver anonymous = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
                assertThatThrownBy(anonymous::verifyConnectivity).isInstanceOf(org.neo4j.driver.exceptions.SecurityException.class);
            }
            try (Driver admin = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", "s3cret-pass"))) {
                admin.verifyConnectivity();
            }
        }
    }
}
