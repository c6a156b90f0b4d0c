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
 */
@Validated
@ConfigurationProperties("tracker.runs")
public record RunsProperties(
        @DefaultValue("30s") @NotNull Duration heartbeatInterval,
        @DefaultValue("2m") @NotNull Duration abandonedAfter) {
}
