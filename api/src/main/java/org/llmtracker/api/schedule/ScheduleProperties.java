package org.llmtracker.api.schedule;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The schedule ({@code tracker.schedule.*}).
 *
 * @param enabled false runs no job by itself: crawls then run only on request
 * @param crons   Quartz cron expressions (seconds first), evaluated in UTC, by job name
 */
@Validated
@ConfigurationProperties("tracker.schedule")
public record ScheduleProperties(@DefaultValue("true") boolean enabled, @Valid @NotNull @DefaultValue Crons crons) {

    /**
     * @param github      default every 6 hours, on the hour
     * @param huggingface default daily at 02:00
     * @param pages       default weekly, Sunday 03:00
     * @param digest      default Monday 08:00, when the week before is complete
     * @param infer       default daily at 04:00, after the Hub jobs
     * @param hubSweep    default daily at 03:00, after the {@code huggingface} job
     */
    public record Crons(
            @DefaultValue("0 0 */6 * * ?") @NotNull String github,
            @DefaultValue("0 0 2 * * ?") @NotNull String huggingface,
            @DefaultValue("0 0 3 ? * SUN") @NotNull String pages,
            @DefaultValue("0 0 8 ? * MON") @NotNull String digest,
            @DefaultValue("0 0 4 * * ?") @NotNull String infer,
            @DefaultValue("0 0 3 * * ?") @NotNull String hubSweep) {

        public Map<String, String> byJob() {
            return Map.of("github", github, "huggingface", huggingface, "pages", pages, "digest", digest,
                    "infer", infer, "hub-sweep", hubSweep);
        }
    }
}
