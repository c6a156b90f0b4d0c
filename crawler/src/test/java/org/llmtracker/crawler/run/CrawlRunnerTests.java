package org.llmtracker.crawler.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.run.CrawlRun;
import org.llmtracker.graph.run.CrawlRunStore;
import org.llmtracker.graph.run.CrawlStatus;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;

@Neo4jTest
class CrawlRunnerTests {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void recordsWhatARunDid(Graph graph) {
        CrawlRunStore store = new CrawlRunStore(graph);
        CrawlRunner runner = new CrawlRunner(List.of(crawl("github", r -> {
            r.request();
            r.request();
            r.count("fetched");
            r.itemDone();
            r.itemFailed("openai/missing", "404 Not Found");
        })), store, clock);

        CrawlRun run = runner.run("github").orElseThrow();

        assertThat(run.status()).isEqualTo(CrawlStatus.PARTIAL);
        assertThat(store.list(null, 10)).singleElement().satisfies(stored -> {
            assertThat(stored.requests()).isEqualTo(2);
            assertThat(stored.counts()).containsEntry("fetched", 1L).containsEntry("failed", 1L);
            assertThat(stored.errors()).containsExactly("openai/missing: 404 Not Found");
        });
    }

    @Test
    void aRunThatStopsEarlyIsPartialWithItsReason(Graph graph) {
        CrawlRunner runner = new CrawlRunner(List.of(crawl("github", r -> r.stopEarly("rate limit: resets in 40 min"))),
                new CrawlRunStore(graph), clock);

        CrawlRun run = runner.run("github").orElseThrow();

        assertThat(run.status()).isEqualTo(CrawlStatus.PARTIAL);
        assertThat(run.note()).contains("rate limit");
    }

    @Test
    void aRunThatBreaksIsRecordedFailedAndTheNextRunStillHappens(Graph graph) {
        CrawlRunStore store = new CrawlRunStore(graph);
        int[] calls = {0};
        CrawlRunner runner = new CrawlRunner(List.of(crawl("pages", r -> {
            if (calls[0]++ == 0) {
                throw new IllegalStateException("upstream returned garbage");
            }
        })), store, clock);

        assertThat(runner.run("pages").orElseThrow().status()).isEqualTo(CrawlStatus.FAILED);
        assertThat(runner.run("pages").orElseThrow().status()).isEqualTo(CrawlStatus.SUCCEEDED);
        assertThat(store.list("pages", 10)).extracting(CrawlRun::status)
                .containsExactlyInAnyOrder(CrawlStatus.FAILED, CrawlStatus.SUCCEEDED);
    }

    @Test
    void theSameJobNeverOverlapsItself(Graph graph) throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CrawlRunner runner = new CrawlRunner(List.of(crawl("huggingface", r -> {
            inside.countDown();
            await(release);
        })), new CrawlRunStore(graph), clock);
        Thread first = new Thread(() -> runner.run("huggingface"));
        first.start();
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(runner.run("huggingface")).isEmpty();

        release.countDown();
        first.join(10_000);
    }

    @Test
    void anUnknownJobIsAProgrammerError(Graph graph) {
        CrawlRunner runner = new CrawlRunner(List.of(), new CrawlRunStore(graph), clock);

        assertThatThrownBy(() -> runner.run("nope")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }

    @Test
    void aShutdownClosesTheRunUnderWayAbortedWithItsCountsSoFar(Graph graph) throws Exception {
        CrawlRunStore store = new CrawlRunStore(graph);
        CountDownLatch counted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CrawlRunner runner = new CrawlRunner(List.of(crawl("hub-sweep", r -> {
            r.add("pages", 7);
            r.addRequests(7);
            counted.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })), store, clock);
        Thread sweep = new Thread(() -> runner.run("hub-sweep"));
        sweep.start();
        assertThat(counted.await(30, TimeUnit.SECONDS)).isTrue();

        List<String> closed = runner.shutDown("shut down");

        assertThat(closed).hasSize(1);
        assertThat(store.find(closed.get(0)).orElseThrow()).satisfies(run -> {
            assertThat(run.status()).isEqualTo(CrawlStatus.ABORTED);
            assertThat(run.note()).isEqualTo("shut down");
            assertThat(run.counts()).containsEntry("pages", 7L);
            assertThat(run.requests()).isEqualTo(7);
            assertThat(run.finishedAt()).isNotNull();
        });
        release.countDown();
        sweep.join(30_000);
    }

    @Test
    void aRunPastItsDeadlineStopsAtItsNextItemPartial(Graph graph) {
        org.llmtracker.graph.testing.SteppingClock stepping = new org.llmtracker.graph.testing.SteppingClock(
                Instant.parse("2026-11-23T08:00:00Z"), java.time.Duration.ZERO);
        int[] items = {0};
        CrawlRunner runner = new CrawlRunner(List.of(crawl("pages", r -> {
            while (!r.overDeadline()) {
                items[0]++;
                r.itemDone();
                stepping.advance(java.time.Duration.ofMinutes(1));
            }
        })), new CrawlRunStore(graph), stepping, job -> "pages".equals(job) ? java.time.Duration.ofMinutes(10) : null);

        CrawlRun run = runner.run("pages").orElseThrow();

        assertThat(items[0]).isEqualTo(10);
        assertThat(run.status()).isEqualTo(CrawlStatus.PARTIAL);
        assertThat(run.note()).contains("deadline of PT10M").contains("tracker.runs.deadline");
    }

    @Test
    void aStoreErrorNeverReachesThePublicNoteVerbatim(Graph graph) {
        CrawlRunner runner = new CrawlRunner(List.of(crawl("hub-sweep", r -> graph.write(tx -> tx.run(
                "CREATE (:Model {id: $id})", java.util.Map.of("id", "x".repeat(40_000))).consume()))),
                new CrawlRunStore(graph), clock);

        CrawlRun run = runner.run("hub-sweep").orElseThrow();

        assertThat(run.status()).isEqualTo(CrawlStatus.FAILED);
        assertThat(run.note()).contains("the graph store").doesNotContain("xxxxxxxxxx").hasSizeLessThan(200);
    }

    private static Job crawl(String job, java.util.function.Consumer<CrawlRecorder> body) {
        return new Job() {
            @Override
            public String job() {
                return job;
            }

            @Override
            public void run(CrawlRecorder recorder) {
                body.accept(recorder);
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
