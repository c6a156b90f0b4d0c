package org.llmtracker.api.lineage;

import org.llmtracker.graph.ancestry.Ancestry;
import org.llmtracker.graph.store.Graph;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The ancestry index in {@code /actuator/health}: {@code current}, or how far a first fill's build
 * has come. The application stays UP meanwhile (everything else answers; lineage reads answer 503).
 */
@Component("ancestry")
class AncestryHealth implements HealthIndicator {

    private final Graph graph;

    AncestryHealth(Graph graph) {
        this.graph = graph;
    }

    @Override
    public Health health() {
        try {
            return Ancestry.progress(graph)
                    .map(p -> Health.up().withDetail("index", "building").withDetail("phase", p.phase())
                            .withDetail("batchesDone", p.done()).withDetail("batches", p.total()).build())
                    .orElseGet(() -> Health.up().withDetail("index", "current").build());
        } catch (RuntimeException e) {
            // The store's own indicator says DOWN; this one must not turn the whole health answer into an error.
            return Health.unknown().withDetail("index", "the graph store did not answer").build();
        }
    }
}
