package org.llmtracker.api.schedule;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;

import org.llmtracker.crawler.run.CrawlRunner;
import org.llmtracker.crawler.sweep.HubSweep;
import org.llmtracker.graph.ancestry.Ancestry;
import org.llmtracker.graph.run.CrawlRun;
import org.llmtracker.graph.run.CrawlRunStore;
import org.llmtracker.graph.store.Graph;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts every known job on its cron (UTC) and makes up for fires missed while the app was down.
 *
 * <p>With the JDBC job store the stored trigger remembers its next fire time, and its misfire
 * instruction (fire once now) runs a missed fire once when a node starts. The in-memory store
 * forgets everything at shutdown, so there the job's recorded {@code :CrawlRun}s stand in: a job
 * whose last run started more than one period ago (or that never ran) runs once at start. So does
 * the Hub sweep when a first fill it began is still unended (the app stopped during it).
 */
final class CrawlSchedule {

    static final String GROUP = "llm-tracker";

    private static final Logger log = LoggerFactory.getLogger(CrawlSchedule.class);
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private final Scheduler scheduler;
    private final CrawlRunner runner;
    private final CrawlRunStore runs;
    private final Clock clock;
    private final Graph graph;

    CrawlSchedule(Scheduler scheduler, CrawlRunner runner, CrawlRunStore runs, Clock clock, Graph graph) {
        this.scheduler = scheduler;
        this.runner = runner;
        this.runs = runs;
        this.clock = clock;
        this.graph = graph;
    }

    /** @param crons cron expression by job name; jobs this build has no crawl for are skipped */
    void start(Map<String, String> crons) throws SchedulerException {
        boolean persistent = scheduler.getMetaData().isJobStoreSupportsPersistence();
        for (Map.Entry<String, String> entry : new TreeMap<>(crons).entrySet()) {
            String job = entry.getKey();
            if (!runner.knows(job)) {
                log.info("No crawl named '{}' in this application; its schedule '{}' is skipped", job, entry.getValue());
                continue;
            }
            CronExpression cron = cron(job, entry.getValue());
            schedule(job, cron);
            if (!persistent && missedAFire(job, cron)) {
                log.info("Job {} missed a scheduled fire while the app was down; running it once now", job);
                scheduler.triggerJob(JobKey.jobKey(job, GROUP));
            } else if (job.equals(HubSweep.NAME) && firstFillUnended()) {
                // Lineage reads answer 503 while a first fill defers the index, and the sweep builds it only
                // when its run ends: a run the app's stop cut short would otherwise leave it so until the next fire.
                log.info("Job {} stopped during a first fill, which defers the ancestry index; running it once now "
                        + "to finish the pass and build the index", job);
                scheduler.triggerJob(JobKey.jobKey(job, GROUP));
            }
        }
    }

    private boolean firstFillUnended() {
        return Ancestry.progress(graph).filter(p -> "deferred".equals(p.phase())).isPresent();
    }

    private void schedule(String job, CronExpression cron) throws SchedulerException {
        JobKey key = JobKey.jobKey(job, GROUP);
        scheduler.addJob(JobBuilder.newJob(ScheduledFire.class).withIdentity(key).usingJobData(ScheduledFire.JOB, job)
                .storeDurably().build(), true);
        CronTrigger trigger = TriggerBuilder.newTrigger().withIdentity(job, GROUP).forJob(key)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(UTC)
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        Trigger existing = scheduler.getTrigger(trigger.getKey());
        try {
            if (existing == null) {
                scheduler.scheduleJob(trigger);
            } else if (!(existing instanceof CronTrigger stored && stored.getCronExpression().equals(cron.getCronExpression()))) {
                scheduler.rescheduleJob(trigger.getKey(), trigger);
            }
            // An unchanged stored trigger is kept as it is: it remembers a fire every node missed.
        } catch (ObjectAlreadyExistsException e) {
            log.debug("Another node scheduled {} first", job);
        }
        Trigger current = scheduler.getTrigger(trigger.getKey());
        log.info("Job {} scheduled on '{}' (UTC); next fire {}", job, cron.getCronExpression(),
                current == null ? "unknown" : current.getNextFireTime().toInstant());
    }

    private boolean missedAFire(String job, CronExpression cron) {
        Instant now = clock.instant();
        Date next = cron.getNextValidTimeAfter(Date.from(now));
        Date after = next == null ? null : cron.getNextValidTimeAfter(next);
        if (after == null) {
            return false;
        }
        Duration period = Duration.between(next.toInstant(), after.toInstant());
        return runs.list(job, 1).stream().findFirst().map(CrawlRun::startedAt)
                .map(last -> last.isBefore(now.minus(period))).orElse(true);
    }

    private static CronExpression cron(String job, String expression) {
        try {
            CronExpression cron = new CronExpression(expression);
            cron.setTimeZone(UTC);
            return cron;
        } catch (ParseException e) {
            throw new IllegalArgumentException("tracker.schedule.crons." + job + " '" + expression
                    + "' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week): " + e.getMessage(), e);
        }
    }
}
