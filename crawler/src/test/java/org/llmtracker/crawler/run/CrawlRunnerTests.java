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
