package org.llmtracker.api.config;

import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param fixed run as if it were this instant (replays, demos, tests); unset uses the system clock */
@ConfigurationProperties("tracker.clock")
public record ClockProperties(Instant fixed) {
}
