package org.llmtracker.graph.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.testing.Neo4jTest;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.ClientException;

/** Which store faults callers see as "unavailable, try later" and which as their own mistake. */
@Neo4jTest
class GraphFaultTests {

    @Test
    void aServerThatIsNotThereIsUnavailableForReadsAndWrites() throws IOException {
        try (Driver driver = GraphDatabase.driver("neo4j://127.0.0.1:" + closedPort(), AuthTokens.none(),
                Config.builder().withMaxTransactionRetryTime(0, TimeUnit.MILLISECONDS).build())) {
            Graph graph = Graph.overBolt(driver, null);

            assertThatThrownBy(() -> graph.read(tx -> tx.run("RETURN 1").consume()))
                    .isInstanceOf(GraphUnavailableException.class).hasMessageContaining("unavailable");
            assertThatThrownBy(() -> graph.write(tx -> tx.run("CREATE (:X)").consume()))
                    .isInstanceOf(GraphUnavailableException.class);
        }
    }

    @Test
    void aBadQueryIsTheCallersFaultNotAnOutage(Graph graph) {
        assertThatThrownBy(() -> graph.read(tx -> tx.run("MATCH (n RETURN n").consume()))
                .isInstanceOf(ClientException.class)
                .isNotInstanceOf(GraphUnavailableException.class);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
