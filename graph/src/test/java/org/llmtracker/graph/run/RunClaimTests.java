package org.llmtracker.graph.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;

/**
 * A job claimed by one instance of a shared store is not started by another: the second claim
 * answers with the run under way, until that run is finished or closed as abandoned.
 */
@Neo4jTest
class RunClaimTests {

    private static final Instant T = Instant.parse("2026-11-23T08:00:00Z");

    private static CrawlRun running(String id, String job) {
        return new CrawlRun(id, job, CrawlStatus.RUNNING, T, null, Map.of(), 0, List.of(), null);
    }

    @Test
    void aSecondInstanceClaimingTheSameJobGetsTheRunUnderWayAndAnotherJobIsFree(Graph graph) {
        CrawlRunStore a = new CrawlRunStore(graph, "1@node-a");
        CrawlRunStore b = new CrawlRunStore(graph, "2@node-b");

        assertThat(a.claim(running("claim-a", "claim-sweep"))).isEmpty();
        Optional<CrawlRun> refused = b.claim(running("claim-b", "claim-sweep"));

        assertThat(refused).get().extracting(CrawlRun::id, CrawlRun::status).containsExactly("claim-a", CrawlStatus.RUNNING);
        assertThat(b.find("claim-b")).isEmpty();
        assertThat(b.claim(running("claim-c", "claim-other"))).isEmpty();
    }

    @Test
    void aFinishedOrAbandonedRunFreesItsJob(Graph graph) {
        CrawlRunStore a = new CrawlRunStore(graph, "1@node-a");
        CrawlRunStore b = new CrawlRunStore(graph, "2@node-b");
        a.claim(running("free-1", "free-job"));
        a.save(new CrawlRun("free-1", "free-job", CrawlStatus.SUCCEEDED, T, T.plusSeconds(5), Map.of("pages", 3L), 3,
                List.of(), null));

        assertThat(b.claim(running("free-2", "free-job"))).isEmpty();
        Instant later = T.plus(Duration.ofMinutes(10));
        assertThat(a.abortAbandoned(List.of(), later.minus(Duration.ofMinutes(2)), later)).contains("free-2");

        assertThat(a.claim(running("free-3", "free-job"))).isEmpty();
        assertThat(a.find("free-2").orElseThrow().status()).isEqualTo(CrawlStatus.ABORTED);
    }

    @Test
    void ofEightInstancesClaimingAtOnceExactlyOneWins(Graph graph) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Optional<CrawlRun>>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            CrawlRunStore instance = new CrawlRunStore(graph, i + "@node-" + i);
            CrawlRun mine = running("race-" + i, "race-job");
            Callable<Optional<CrawlRun>> claim = () -> {
                go.await();
                return instance.claim(mine);
            };
            answers.add(pool.submit(claim));
        }
        go.countDown();
        List<String> refusedWith = new ArrayList<>();
        int won = 0;
        for (Future<Optional<CrawlRun>> answer : answers) {
            Optional<CrawlRun> other = answer.get();
            if (other.isEmpty()) {
                won++;
            } else {
                refusedWith.add(other.get().id());
            }
        }
        pool.shutdown();

        assertThat(won).isOne();
        assertThat(refusedWith).hasSize(7).containsOnly(refusedWith.get(0));
        long stored = graph.read(tx -> tx.run("MATCH (c:CrawlRun {job: 'race-job'}) RETURN count(c) AS n").single()
                .get("n").asLong());
        assertThat(stored).isOne();
    }
}
