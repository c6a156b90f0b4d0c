package org.llmtracker.api.schedule;

import org.llmtracker.crawler.run.CrawlRunner;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * One scheduled fire of a job: hands off to the {@link CrawlRunner}, which records the run
 * (FAILED when it breaks). Quartz keeps two fires of one job apart, across a cluster too; the
 * runner keeps a fire apart from a run requested over HTTP,
 * on this or any other instance sharing the store. Nothing is thrown back to Quartz,
 * so a failed run never changes when the next fire happens.
 */
@DisallowConcurrentExecution
class ScheduledFire extends QuartzJobBean {

    static final String JOB = "job";

    private static final Logger log = LoggerFactory.getLogger(ScheduledFire.class);

    private final CrawlRunner runner;

    ScheduledFire(CrawlRunner runner) {
        this.runner = runner;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        String job = context.getMergedJobDataMap().getString(JOB);
        // A fire can start late (held back by a run still under way, or recovered from a dead node);
        // its scheduled time tells which fire this is.
        log.info("Scheduled {} fire of {} starting", job, context.getScheduledFireTime().toInstant());
        try {
            runner.run(job).ifPresentOrElse(
                    run -> log.info("Scheduled {} run {} ended {}", job, run.id(), run.status()),
                    () -> log.info("Scheduled {} fire skipped: a run of it is already under way", job));
        } catch (RuntimeException e) {
            log.warn("Scheduled {} fire could not run: {}", job, e.toString(), e);
        }
    }
}
