package org.llmtracker.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmtracker.graph.store.Graph;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application restarted on the same store keeps its data and, with an unchanged
 * catalogue, writes nothing. This class starts its own applications on purpose.
 */
class RestartIT {

    @Test
    void aRestartKeepsTheDataAndLeavesNodeAndEdgeCountsUnchanged(@TempDir Path store) {
        long[] first;
        try (ConfigurableApplicationContext app = start(store)) {
            first = counts(app.getBean(Graph.class));
        }
        try (ConfigurableApplicationContext app = start(store)) {
            assertThat(counts(app.getBean(Graph.class))).containsExactly(first);
            assertThat(first[0]).isGreaterThanOrEqualTo(46);
        }
    }

    private static ConfigurableApplicationContext start(Path store) {
        return new SpringApplicationBuilder(LlmTrackerApplication.class).run(
                "--server.port=0",
                "--tracker.neo4j.data-dir=" + store,
                "--tracker.neo4j.bolt-port=0",
                "--tracker.neo4j.page-cache-mb=32",
                "--tracker.schedule.enabled=false");
    }

    private static long[] counts(Graph graph) {
        return graph.read(tx -> new long[] {
                tx.run("MATCH (n) RETURN count(n) AS n").single().get("n").asLong(),
                tx.run("MATCH ()-[r]->() RETURN count(r) AS n").single().get("n").asLong()});
    }
}
