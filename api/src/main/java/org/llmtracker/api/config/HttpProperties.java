package org.llmtracker.api.config;

import java.time.Duration;

import org.llmtracker.crawler.http.HttpSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What every outbound call shares ({@code tracker.http.*}): each feature's settings start from
 * {@link #builder(String)} and set the rest of its {@link HttpSettings} by name.
 *
 * @param userAgent      {@code User-Agent} of every request (GitHub, the Hub, pages, the webhook)
 * @param connectTimeout per connection attempt, unless a feature sets its own
 * @param maxRetryAfter  the longest one answer's {@code Retry-After} or rate-limit reset may block calls to its
 *                       upstream; an answer asking for more ends the run PARTIAL at once, and the block expires
 *                       after this long (a {@code Retry-After: 999999} froze every Hub job for days)
 */
@Validated
@ConfigurationProperties("tracker.http")
public record HttpProperties(
        @DefaultValue("llm-tracker (+https://github.com/llm-tracker)") @NotBlank String userAgent,
        @DefaultValue("10s") @NotNull Duration connectTimeout,
        @DefaultValue("15m") @NotNull Duration maxRetryAfter) {

    /** Settings for the upstream called {@code name}, with the shared parts set. */
    public HttpSettings.Builder builder(String name) {
        return HttpSettings.builder(name).userAgent(userAgent).connectTimeout(connectTimeout);
    }
}
