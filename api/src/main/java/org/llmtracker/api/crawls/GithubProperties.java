package org.llmtracker.api.crawls;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.llmtracker.api.config.HttpProperties;
import org.llmtracker.crawler.http.HttpSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * GitHub ({@code tracker.github.*}, the {@code github} job). Every request goes through the
 * crawler's HTTP policy, with {@link #http}.
 *
 * @param cacheDir           the HTTP cache that makes unchanged repositories cost a 304 and no quota
 * @param cacheMaxMb         its size bound
 * @param connectTimeout     per connection attempt; unset: {@code tracker.http.connect-timeout}
 * @param readTimeout        the longest silence while reading an answer
 * @param deadline           the longest one attempt may take, body included
 * @param maxAttempts        attempts per request on 5xx answers, timeouts and broken connections
 * @param retryBaseDelay     first back-off, doubled per attempt, with jitter
 * @param maxWait            the longest rate-limit wait; a longer one ends the run PARTIAL
 * @param maxBodyMb          the largest answer read; a larger one fails its repository
 * @param failuresBeforeDown requests failing for good one after another before GitHub counts as down and the
 *                           run ends (an unreachable GitHub ends it after the first)
 * @param maxReleasePages    pages of 100 releases read per repository, newest first
 * @param detailsMaxAge      releases and README are re-read after a push, or after this long
 */
@Validated
@ConfigurationProperties("tracker.github")
public record GithubProperties(
        @DefaultValue("https://api.github.com") @NotNull URI apiUrl,
        @DefaultValue("") String token,
        @DefaultValue("./data/github-cache") @NotNull Path cacheDir,
        @DefaultValue("50") @Min(1) long cacheMaxMb,
        Duration connectTimeout,
        @DefaultValue("30s") @NotNull Duration readTimeout,
        @DefaultValue("60s") @NotNull Duration deadline,
        @DefaultValue("4") @Min(1) @Max(10) int maxAttempts,
        @DefaultValue("1s") @NotNull Duration retryBaseDelay,
        @DefaultValue("60s") @NotNull Duration maxWait,
        @DefaultValue("10") @Min(1) int maxBodyMb,
        @DefaultValue("3") @Min(1) int failuresBeforeDown,
        @DefaultValue("3") @Min(1) int maxReleasePages,
        @DefaultValue("7d") @NotNull Duration detailsMaxAge) {

    /** How the crawler talks to GitHub. */
    public HttpSettings http(HttpProperties shared) {
        HttpSettings.Builder http = shared.builder("GitHub").readTimeout(readTimeout).deadline(deadline)
                .maxAttempts(maxAttempts).retryBaseDelay(retryBaseDelay).maxRateLimitWait(maxWait)
                .maxBodyBytes((long) maxBodyMb << 20).failuresBeforeDown(failuresBeforeDown).token(token);
        return (connectTimeout == null ? http : http.connectTimeout(connectTimeout)).build();
    }

    /** Never the token. */
    @Override
    public String toString() {
        return "Github[apiUrl=" + apiUrl + ", token " + (token.isBlank() ? "unset" : "set") + "]";
    }
}
