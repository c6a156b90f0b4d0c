package org.llmtracker.api.crawls;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.llmtracker.api.config.Neo4jProperties;
import org.llmtracker.crawler.run.CrawlRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's runs visibly alive, and closes those of instances that died. At start
 * (before the schedule or any request can begin a run) runs left RUNNING become ABORTED: all of
 * them on an embedded store, which only this process can open; on a shared server only those
 * silent for {@code tracker.runs.abandoned-after}, and the rest as they fall silent, checked at
 * every heartbeat.
 */
@Component
class RunHeartbeat implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RunHeartbeat.class);

    private final CrawlRunner runner;
    private final RunsProperties settings;
    private final boolean exclusiveStore;
    private ScheduledExecutorService beats;

    RunHeartbeat(CrawlRunner runner, RunsProperties settings, Neo4jProperties neo4j) {
        this.runner = runner;
        this.settings = settings;
        this.exclusiveStore = neo4j.mode() == Neo4jProperties.Mode.EMBEDDED;
    }

    @Override
    public synchronized void start() {
        runner.abortAbandoned(exclusiveStore ? null : settings.abandonedAfter());
        beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "run-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.heartbeatInterval().toMillis();
        beats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            runner.heartbeat();
            if (!exclusiveStore) {
                runner.abortAbandoned(settings.abandonedAfter());
            }
        } catch (RuntimeException e) {
            // The store may be away for a moment; the next beat tries again, and abandonedAfter spans several.
            log.warn("Run heartbeat failed: {}", e.toString());
        }
    }

    /** SIGTERM: the runs under way here end ABORTED with their counts (Quartz, a later phase, has stopped firing). */
    @Override
    public synchronized void stop() {
        runner.shutDown("shut down");
        if (beats != null) {
            beats.shutdownNow();
            beats = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return beats != null;
    }

    /** Before Quartz (which starts last) can fire a job. */
    @Override
    public int getPhase() {
        return 0;
    }
}
