package org.llmtracker.crawler.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.llmtracker.crawler.run.CrawlRecorder;
import org.llmtracker.crawler.sweep.testing.HubShape;
import org.llmtracker.crawler.sweep.testing.ListedModel;
import org.llmtracker.crawler.sweep.testing.MutableHub;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;

/**
 * What a sweep costs in Hub requests, run against the listing stand-in into the embedded Neo4j,
 * and the bounds it must keep: a full pass of N models at most {@code ceil(N / page) + 2}
 * requests, an incremental pass after k changed models at most {@code ceil(k / page) + 2}.
 * It runs in every build; alone, with
 *
 * <pre>mvn -B test -pl graph,crawler -Dtest=HubSweepCostReportTests -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * It prints the table docs/hub-sweep.md shows and fails when a bound is broken.
 */
@Neo4jTest
class HubSweepCostReportTests {

    private static final int PAGE = 1000;

    @Test
    void requestsPerPass(Graph graph) {
        List<String> rows = new ArrayList<>();
        rows.add("| pass | models listed (full) or changed (incremental) | requests | bound ceil(n / 1000) + 2 |");
        rows.add("|---|---|---|---|");
        for (int size : List.of(999, 1_000, 10_000, 50_000)) {
            graph.write(tx -> tx.run("MATCH (n) DETACH DELETE n").consume());
            HubShape shape = new HubShape(size);
            MutableHub hub = HubSweepTests.hub(shape);
            try (SweepRig rig = new SweepRig(graph, hub, 100_000)) {
                long t0 = System.nanoTime();
                CrawlRecorder full = rig.run();
                rows.add(row("full", size, full.requests(), size) + " " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                if (size != 50_000) {
                    continue;
                }
                Instant at = HubShape.NEWEST;
                for (int changed : List.of(0, 1, 999, 1_000, 1_001, 5_000)) {
                    rig.clock.advance(Duration.ofDays(1));
                    at = at.plus(Duration.ofDays(1));
                    for (int k = 0; k < changed; k++) {
                        ListedModel m = shape.model(3 * k + 7);
                        hub.put(m.modified(at.plusSeconds(k), m.downloads() + 1, m.tags()));
                    }
                    long t1 = System.nanoTime();
                    CrawlRecorder incremental = rig.run();
                    assertThat(incremental.counts()).containsEntry("incrementalPasses", 1L);
                    rows.add(row("incremental", changed, incremental.requests(), changed) + " "
                            + (System.nanoTime() - t1) / 1_000_000 + " ms " + incremental.counts().get("models") + " models");
                }
            }
        }
        System.out.println(String.join("\n", rows));
    }

    private static String row(String pass, int models, long requests, int bounded) {
        long bound = (long) Math.ceil(bounded / (double) PAGE) + 2;
        assertThat(requests).as("%s pass over %d models", pass, models).isLessThanOrEqualTo(bound);
        return String.format(Locale.ROOT, "| %s | %,d | %d | %d |", pass, models, requests, bound);
    }
}
