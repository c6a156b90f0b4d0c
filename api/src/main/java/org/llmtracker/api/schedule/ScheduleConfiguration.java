package org.llmtracker.api.schedule;

import java.time.Clock;

import org.llmtracker.api.licenses.LicenseProperties;
import org.llmtracker.crawler.run.CrawlRunner;
import org.llmtracker.graph.run.CrawlRunStore;
import org.llmtracker.graph.store.Graph;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The schedule, unless {@code tracker.schedule.enabled=false}. Jobs are put on it once the
 * application is ready (catalogue loaded), so no fire races the start-up.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tracker.schedule.enabled", havingValue = "true", matchIfMissing = true)
class ScheduleConfiguration {

    private final ScheduleProperties properties;
    private final LicenseProperties licenses;

    ScheduleConfiguration(ScheduleProperties properties, LicenseProperties licenses) {
        this.properties = properties;
        this.licenses = licenses;
    }

    @Bean
    CrawlSchedule crawlSchedule(Scheduler scheduler, CrawlRunner runner, CrawlRunStore runs, Clock clock, Graph graph) {
        return new CrawlSchedule(scheduler, runner, runs, clock, graph);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startSchedule(ApplicationReadyEvent event) throws SchedulerException {
        event.getApplicationContext().getBean(CrawlSchedule.class).start(crons());
    }

    /** The crawls' crons and the licence job's (its own settings group). */
    private java.util.Map<String, String> crons() {
        java.util.Map<String, String> crons = new java.util.HashMap<>(properties.crons().byJob());
        crons.put("licenses", licenses.cron());
        return crons;
    }
}
