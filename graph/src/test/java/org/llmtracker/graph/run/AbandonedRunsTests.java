package org.llmtracker.graph.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;

/** Runs a dead process left RUNNING are closed as ABORTED; live ones and finished ones are left alone. */
@Neo4jTest
class AbandonedRunsTests {

    private static final Instant T = Instant.parse("2026-11-23T08:00:00Z");

    private static CrawlRun run(String id, CrawlStatus status, Instant started) {
        return new CrawlRun(id, "github", status, started, status == CrawlStatus.RUNNING ? null : started.plusSeconds(5),
                Map.of(), 0, List.of(), null);
    }

    @Test
    void onAStoreOnlyThisProcessOpensEveryRunningRunButItsOwnIsAborted(Graph graph) {
        CrawlRunStore store = new CrawlRunStore(graph, "42@old-host");
        store.save(run("dead", CrawlStatus.RUNNING, T));
        store.save(run("mine", CrawlStatus.RUNNING, T));
        store.save(run("done", CrawlStatus.SUCCEEDED, T));

        List<String> aborted = new CrawlRunStore(graph, "43@new-host").abortAbandoned(List.of("mine"), null, T.plusSeconds(60));

        assertThat(aborted).containsExactly("dead");
        CrawlRun dead = store.find("dead").orElseThrow();
        assertThat(dead.status()).isEqualTo(CrawlStatus.ABORTED);
        assertThat(dead.finishedAt()).isEqualTo(T.plusSeconds(60));
        assertThat(dead.note()).contains("42@old-host").contains("43@new-host");
        assertThat(store.find("mine").orElseThrow().status()).isEqualTo(CrawlStatus.RUNNING);
        assertThat(store.find("done").orElseThrow().status()).isEqualTo(CrawlStatus.SUCCEEDED);
    }

    @Test
    void onASharedStoreOnlyRunsSilentLongerThanTheLimitAreAbandoned(Graph graph) {
        CrawlRunStore other = new CrawlRunStore(graph, "7@node-b");
        other.save(run("beating", CrawlStatus.RUNNING, T));
        other.save(run("silent", CrawlStatus.RUNNING, T));
        other.heartbeat(List.of("beating"), T.plus(Duration.ofMinutes(9)));

        Instant now = T.plus(Duration.ofMinutes(10));
        List<String> aborted = new CrawlRunStore(graph, "8@node-a").abortAbandoned(List.of(), now.minus(Duration.ofMinutes(2)), now);

        assertThat(aborted).containsExactly("silent");
        assertThat(other.find("beating").orElseThrow().status()).isEqualTo(CrawlStatus.RUNNING);
    }

    @Test
    void aHeartbeatNeverRevivesAFinishedRun(Graph graph) {
        CrawlRunStore store = new CrawlRunStore(graph, "1@host");
        store.save(run("r", CrawlStatus.RUNNING, T));
        store.save(run("r", CrawlStatus.SUCCEEDED, T));

        store.heartbeat(List.of("r"), T.plusSeconds(30));

        assertThat(store.find("r").orElseThrow().status()).isEqualTo(CrawlStatus.SUCCEEDED);
        assertThat(store.abortAbandoned(List.of(), null, T.plusSeconds(60))).isEmpty();
    }
}
