package org.llmtracker.api.crawls;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Runs cut short by a dead process ({@code tracker.runs.*}). An embedded store is locked to one
 * process, so at start every run still RUNNING is abandoned. On a shared server each instance
 * marks its runs alive every {@code heartbeatInterval}; any instance closes a RUNNING run whose
 * last heartbeat is older than {@code abandonedAfter} (at start and then at every heartbeat).
 *
 * @param heartbeatInterval how often this instance marks its runs alive
 * @param abandonedAfter    a run silent this long belongs to no live instance; keep it several
 *                          intervals, plus the clock difference between machines
 * @param deadline          every job's overall deadline: a run still going after this long stops at its next
 *                          item, PARTIAL, and the next run goes on
 * @param deadlines         a job's own deadline, by job name ({@code tracker.runs.deadlines.hub-sweep=12h}),
 *                          instead of {@code deadline}
 */
@Validated
@ConfigurationProperties("tracker.runs")
public record RunsProperties(
        @DefaultValue("30s") @NotNull Duration heartbeatInterval,
        @DefaultValue("2m") @NotNull Duration abandonedAfter,
        @DefaultValue("6h") @NotNull Duration deadline,
        @DefaultValue java.util.Map<String, Duration> deadlines) {

    /** The deadline of {@code job}. */
    public Duration deadlineOf(String job) {
        return deadlines == null ? deadline : deadlines.getOrDefault(job, deadline);
    }
}
