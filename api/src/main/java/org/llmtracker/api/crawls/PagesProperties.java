package org.llmtracker.api.crawls;

import java.time.Duration;
import java.util.List;

import org.llmtracker.api.config.HttpProperties;
import org.llmtracker.crawler.http.HttpSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Reference pages ({@code tracker.pages.*}, the {@code pages} job).
 *
 * @param timeout        connect timeout, and the longest silence while reading a page
 * @param deadline       the longest one attempt may take, body included
 * @param maxAttempts    attempts per page on 5xx answers, timeouts and broken connections
 * @param retryBaseDelay first back-off, doubled per attempt, with jitter
 * @param maxBodyKb      bytes of a page read at most (a longer page is read this far: the title is at its top)
 * @param maxRedirects   redirects followed, each hop checked
 * @param allowedHosts   {@code host:port} entries fetched although they resolve to loopback or private
 *                       addresses (tests, intranets); a bare host is refused at start
 * @param refreshAfter   a page fetched more recently is skipped
 * @param userAgent      {@code User-Agent} of page fetches; unset: {@code tracker.http.user-agent}
 * @param maxWait        the longest wait a site's {@code Retry-After} is given; a longer one fails the page
 * @param concurrency    pages fetched at once (each its own host; a trickling page holds a fetch for its deadline)
 */
@Validated
@ConfigurationProperties("tracker.pages")
public record PagesProperties(
        @DefaultValue("10s") @NotNull Duration timeout,
        @DefaultValue("30s") @NotNull Duration deadline,
        @DefaultValue("2") @Min(1) @Max(10) int maxAttempts,
        @DefaultValue("1s") @NotNull Duration retryBaseDelay,
        @DefaultValue("512") @Min(1) int maxBodyKb,
        @DefaultValue("3") @Min(0) @Max(10) int maxRedirects,
        @DefaultValue("") List<String> allowedHosts,
        @DefaultValue("30d") @NotNull Duration refreshAfter,
        String userAgent,
        @DefaultValue("30s") @NotNull Duration maxWait,
        @DefaultValue("8") @Min(1) @Max(64) int concurrency) {

    /**
     * How the crawler fetches pages. Every page is its own host: none of them failing says the
     * others are down, so no failures are counted in a row.
     */
    public HttpSettings http(HttpProperties shared) {
        HttpSettings.Builder http = shared.builder("pages").connectTimeout(timeout).readTimeout(timeout)
                .deadline(deadline).maxAttempts(maxAttempts).retryBaseDelay(retryBaseDelay).maxRateLimitWait(maxWait)
                .maxBodyBytes(maxBodyKb * 1024L).failuresBeforeDown(0);
        return (userAgent == null || userAgent.isBlank() ? http : http.userAgent(userAgent)).build();
    }
}
