package org.llmtracker.api.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.crawler.run.Job;
import org.llmtracker.crawler.run.CrawlRecorder;
import org.llmtracker.crawler.run.CrawlRunner;
import org.llmtracker.crawler.sweep.HubSweep;
import org.llmtracker.graph.ancestry.Ancestry;
import org.llmtracker.graph.run.CrawlRun;
import org.llmtracker.graph.run.CrawlRunStore;
import org.llmtracker.graph.run.CrawlStatus;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.llmtracker.graph.testing.SteppingClock;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;

/** The in-memory schedule, as the embedded default runs it, on a real Quartz scheduler and graph. */
@Neo4jTest
class CrawlScheduleTests {

    private static final String RARELY = "0 0 8 ? * MON";

    /** Moves a millisecond per reading, so runs recorded one after another have ordered times, without the wall clock. */
    private final Clock clock = new SteppingClock(Instant.parse("2026-11-23T08:00:00Z"), Duration.ofMillis(1));
    private Scheduler scheduler;

    @AfterEach
    void stop() throws Exception {
        if (scheduler != null) {
            scheduler.shutdown(true);
        }
    }

    @Test
    void everyKnownJobIsScheduledAndJobsWithoutACrawlAreSkipped(Graph graph) throws Exception {
        CrawlRunStore runs = new CrawlRunStore(graph);
        recordRun(runs, "digest", clock.instant());
        CrawlSchedule schedule = schedule(runs, graph, new Quiet("digest"), new Quiet("github"));

        schedule.start(Map.of("github", RARELY, "huggingface", RARELY, "pages", RARELY, "digest", RARELY));

        assertThat(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(CrawlSchedule.GROUP)))
                .extracting(JobKey::getName).containsExactlyInAnyOrder("digest", "github");
    }

    @Test
    void aJobWhoseLastRunIsOlderThanOnePeriodRunsOnceAtStart(Graph graph) {
        CrawlRunStore runs = new CrawlRunStore(graph);
        Instant now = clock.instant();
        recordRun(runs, "github", now.minus(Duration.ofHours(7)));
        recordRun(runs, "digest", now.minus(Duration.ofDays(1)));
        Quiet github = new Quiet("github");
        Quiet digest = new Quiet("digest");
        CrawlSchedule schedule = schedule(runs, graph, github, digest);

        start(schedule, Map.of("github", "0 0 */6 * * ?", "digest", RARELY));

        await().atMost(Duration.ofSeconds(60)).until(() -> runs.list("github", 10).size() == 2
                && runs.list("github", 1).get(0).status() == CrawlStatus.SUCCEEDED);
        assertThat(github.runs.get()).isEqualTo(1);
        // Within its weekly period: nothing was missed, so it waits for Monday.
        assertThat(digest.runs.get()).isZero();
        assertThat(runs.list("digest", 10)).hasSize(1);
    }

    @Test
    void aHubSweepStoppedDuringAFirstFillRunsOnceAtStartSoTheDeferredIndexGetsBuilt(Graph graph) {
        CrawlRunStore runs = new CrawlRunStore(graph);
        Instant now = clock.instant();
        recordRun(runs, HubSweep.NAME, now.minus(Duration.ofHours(1))); // within its daily period: no fire missed
        Ancestry.defer(graph); // what the stopped run left: a first fill still deferring the index
        Quiet sweep = new Quiet(HubSweep.NAME);
        CrawlSchedule schedule = schedule(runs, graph, sweep);

        start(schedule, Map.of(HubSweep.NAME, "0 0 3 * * ?"));

        await().atMost(Duration.ofSeconds(60)).until(() -> runs.list(HubSweep.NAME, 10).size() == 2
                && runs.list(HubSweep.NAME, 1).get(0).status() == CrawlStatus.SUCCEEDED);
        assertThat(sweep.runs.get()).isEqualTo(1);
        Ancestry.build(graph);
    }

    @Test
    void aFinishedFirstFillLeavesTheHubSweepToItsSchedule(Graph graph) throws Exception {
        CrawlRunStore runs = new CrawlRunStore(graph);
        recordRun(runs, HubSweep.NAME, clock.instant().minus(Duration.ofHours(1)));
        recordRun(runs, "github", clock.instant());
        Quiet sweep = new Quiet(HubSweep.NAME);
        CrawlSchedule schedule = schedule(runs, graph, sweep, new Quiet("github"));

        start(schedule, Map.of(HubSweep.NAME, "0 0 3 * * ?", "github", RARELY));
        fire("github"); // fired after anything the start fired: once it has run, a sweep fired at start would have begun

        await().atMost(Duration.ofSeconds(60)).until(() -> runs.list("github", 10).size() == 2
                && runs.list("github", 1).get(0).status() == CrawlStatus.SUCCEEDED);
        assertThat(sweep.runs.get()).isZero();
        assertThat(runs.list(HubSweep.NAME, 10)).hasSize(1);
    }

    @Test
    void aFailingJobIsRecordedAsFailedAndTheNextFireStillHappens(Graph graph) throws Exception {
        CrawlRunStore runs = new CrawlRunStore(graph);
        recordRun(runs, "github", clock.instant());
        Job failing = new Job() {
            @Override
            public String job() {
                return "github";
            }

            @Override
            public void run(CrawlRecorder recorder) {
                throw new IllegalStateException("upstream broke");
            }
        };
        start(schedule(runs, graph, failing), Map.of("github", RARELY));

        fire("github");
        await().atMost(Duration.ofSeconds(60)).until(() -> count(runs, CrawlStatus.FAILED) == 1);
        fire("github");

        await().atMost(Duration.ofSeconds(60)).until(() -> count(runs, CrawlStatus.FAILED) == 2);
        assertThat(runs.list("github", 10).stream().filter(r -> r.status() == CrawlStatus.FAILED))
                .allSatisfy(r -> assertThat(r.note()).contains("upstream broke"));
    }

    @Test
    void aJobFiredAgainWhileItRunsWaitsForTheRunningOneToEnd(Graph graph) throws Exception {
        CrawlRunStore runs = new CrawlRunStore(graph);
        recordRun(runs, "github", clock.instant());
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        AtomicInteger entered = new AtomicInteger();
        Job slow = new Job() {
            @Override
            public String job() {
                return "github";
            }

            @Override
            public void run(CrawlRecorder recorder) {
                mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
                try {
                    if (entered.incrementAndGet() == 1) {
                        firstMayEnd.await();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inside.decrementAndGet();
                }
            }
        };
        start(schedule(runs, graph, slow), Map.of("github", RARELY));

        fire("github");
        await().atMost(Duration.ofSeconds(60)).until(() -> inside.get() == 1);
        fire("github");
        fire("github");
        firstMayEnd.countDown();

        await().atMost(Duration.ofSeconds(60)).until(() -> count(runs, CrawlStatus.SUCCEEDED) >= 4);
        assertThat(entered.get()).isEqualTo(3);
        assertThat(mostAtOnce.get()).isEqualTo(1);
        List<CrawlRun> finished = runs.list("github", 10).stream().filter(r -> r.finishedAt() != null).toList();
        for (int i = 1; i < finished.size(); i++) {
            assertThat(finished.get(i).finishedAt()).isBeforeOrEqualTo(finished.get(i - 1).startedAt());
        }
    }

    /** One fire now, as Quartz would make it: the job's own trigger rules (no overlap) apply. */
    private void fire(String job) throws org.quartz.SchedulerException {
        scheduler.triggerJob(JobKey.jobKey(job, CrawlSchedule.GROUP));
    }

    private static long count(CrawlRunStore runs, CrawlStatus status) {
        return runs.list("github", 10).stream().filter(r -> r.status() == status).count();
    }

    private CrawlSchedule schedule(CrawlRunStore runs, Graph graph, Job... crawls) {
        CrawlRunner runner = new CrawlRunner(List.of(crawls), runs, clock);
        try {
            Properties properties = new Properties();
            properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "test-" + UUID.randomUUID());
            properties.setProperty("org.quartz.threadPool.threadCount", "3");
            properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            scheduler = new StdSchedulerFactory(properties).getScheduler();
            scheduler.setJobFactory((bundle, s) -> new ScheduledFire(runner));
            scheduler.start();
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException(e);
        }
        return new CrawlSchedule(scheduler, runner, runs, clock, graph);
    }

    private static void start(CrawlSchedule schedule, Map<String, String> crons) {
        try {
            schedule.start(crons);
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void recordRun(CrawlRunStore runs, String job, Instant at) {
        runs.save(new CrawlRun(UUID.randomUUID().toString(), job, CrawlStatus.SUCCEEDED, at, at, Map.of(), 0, List.of(), null));
    }

    private static final class Quiet implements Job {
        private final String job;
        final AtomicInteger runs = new AtomicInteger();

        Quiet(String job) {
            this.job = job;
        }

        @Override
        public String job() {
            return job;
        }

        @Override
        public void run(CrawlRecorder recorder) {
            runs.incrementAndGet();
        }
    }
}
