package org.llmtracker.api.crawls;

import java.net.URI;
import java.time.Duration;

import org.llmtracker.api.config.HttpProperties;
import org.llmtracker.crawler.http.HttpSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The Hub ({@code tracker.huggingface.*}: the {@code huggingface} job, and through {@link #sweep}
 * the {@code hub-sweep} job; every job that calls the Hub shares its rate window and {@link #http}).
 *
 * @param connectTimeout       per connection attempt; unset: {@code tracker.http.connect-timeout}
 * @param readTimeout          the longest silence while reading an answer
 * @param deadline             the longest one attempt may take, body included
 * @param maxAttempts          attempts per request on 5xx answers, timeouts and broken connections
 * @param retryBaseDelay       first back-off, doubled per attempt, with jitter
 * @param maxWait              the longest rate-limit wait; a longer one ends the run PARTIAL
 * @param maxBodyMb            the largest answer read; a larger one fails its item
 * @param failuresBeforeDown   requests failing for good one after another before the Hub counts as down
 * @param pageSize             models per list page (the Hub accepts up to 1000)
 * @param rateWindow           the Hub's rate-limit window until its {@code RateLimit-Policy} says otherwise
 * @param maxRequestsPerWindow the most requests the {@code huggingface} job makes in one window, leaving
 *                             the rest to other jobs; 0 is bound by the Hub's own limit only
 * @param maxParents           the most base models kept per model (every Hub job); the rest are counted
 *                             ({@code droppedParents}) and dropped
 */
@Validated
@ConfigurationProperties("tracker.huggingface")
public record HuggingfaceProperties(
        @DefaultValue("https://huggingface.co") @NotNull URI apiUrl,
        @DefaultValue("") String token,
        @Valid @NotNull @DefaultValue Discovery discovery,
        Duration connectTimeout,
        @DefaultValue("30s") @NotNull Duration readTimeout,
        @DefaultValue("60s") @NotNull Duration deadline,
        @DefaultValue("4") @Min(1) @Max(10) int maxAttempts,
        @DefaultValue("1s") @NotNull Duration retryBaseDelay,
        @DefaultValue("5m") @NotNull Duration maxWait,
        @DefaultValue("20") @Min(1) int maxBodyMb,
        @DefaultValue("3") @Min(1) int failuresBeforeDown,
        @DefaultValue("100") @Min(1) @Max(1000) int pageSize,
        @DefaultValue("5m") @NotNull Duration rateWindow,
        @DefaultValue("0") @Min(0) int maxRequestsPerWindow,
        @Valid @NotNull @DefaultValue Sweep sweep,
        @DefaultValue("64") @Min(1) @Max(10_000) int maxParents) {

    /** How every job talks to the Hub (the sweep with its own longest wait). */
    public HttpSettings http(HttpProperties shared) {
        HttpSettings.Builder http = shared.builder("the Hub").readTimeout(readTimeout).deadline(deadline)
                .maxAttempts(maxAttempts).retryBaseDelay(retryBaseDelay).maxRateLimitWait(maxWait)
                .maxBodyBytes((long) maxBodyMb << 20).failuresBeforeDown(failuresBeforeDown).token(token);
        return (connectTimeout == null ? http : http.connectTimeout(connectTimeout)).build();
    }

    /** Never the token. */
    @Override
    public String toString() {
        return "Huggingface[apiUrl=" + apiUrl + ", token " + (token.isBlank() ? "unset" : "set") + "]";
    }

    /**
     * @param maxDepth     generations of derivatives followed below each catalogued model
     * @param minDownloads derivatives with fewer downloads are neither stored nor followed
     * @param maxPerFamily at most this many models discovered below one catalogued model
     */
    public record Discovery(
            @DefaultValue("3") @Min(0) @Max(10) int maxDepth,
            @DefaultValue("100") @Min(0) long minDownloads,
            @DefaultValue("2000") @Min(1) int maxPerFamily) {
    }

    /**
     * The {@code hub-sweep} job: the Hub's whole listing.
     *
     * @param pageSize             models per listing page (the Hub serves at most 1,000)
     * @param overlap              an incremental pass reads this far past the last pass's watermark
     * @param fullPassEvery        a scheduled run makes a full pass (and marks unlisted models) when the
     *                             last complete one is this old
     * @param maxRequestsPerWindow the sweep's share of the Hub's rate window (of 500 anonymous, 1,000 with
     *                             a free token per 5 minutes): the rest is left to the {@code huggingface} job
     * @param maxWait              the longest wait for the Hub's window the sweep honours; longer ends the
     *                             run PARTIAL and the next run resumes. Above the window's length, so a pass
     *                             waits out its share's windows instead of stopping at each
     * @param maxModels            the most models a pass expects the Hub to list (about 3 million in 2026):
     *                             a pass reading more than {@code ceil(max-models / page-size) + page-margin}
     *                             pages ends FAILED and begins again (a listing whose cursors never end)
     * @param pageMargin           pages a pass may read beyond {@code ceil(max-models / page-size)}
     * @param firstFillBelow       a full pass that starts while the store holds fewer models than this is a
     *                             first fill: pages are written without the ancestry index, which is then
     *                             built in bulk (lineage reads answer 503 meanwhile); 0 never
     */
    public record Sweep(
            @DefaultValue("1000") @Min(1) @Max(1000) int pageSize,
            @DefaultValue("1h") @NotNull Duration overlap,
            @DefaultValue("7d") @NotNull Duration fullPassEvery,
            @DefaultValue("300") @Min(1) int maxRequestsPerWindow,
            @DefaultValue("10m") @NotNull Duration maxWait,
            @DefaultValue("5000000") @Min(1) long maxModels,
            @DefaultValue("100") @Min(0) int pageMargin,
            @DefaultValue("100000") @Min(0) long firstFillBelow) {
    }
}
