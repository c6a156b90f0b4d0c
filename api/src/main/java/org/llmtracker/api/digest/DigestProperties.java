package org.llmtracker.api.digest;

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
 * The weekly digest ({@code tracker.digest.*}): its delivery and its feed. Weeks are ISO weeks
 * (Monday start) in UTC.
 *
 * @param webhookUrl      POSTs {@code {"text": "<markdown>"}} here (Slack-compatible); unset sends nothing
 * @param webhookSecret   when set, signs the body: {@code X-Tracker-Signature: sha256=<hex HMAC-SHA256>}
 * @param webhookAttempts tries per delivery; 5xx and network errors are retried, a 429 waits as asked
 * @param webhookBackoff  wait before the second try, doubled (with jitter) before each further one
 * @param webhookTimeout  the longest one delivery attempt may take
 * @param webhookMaxWait  the longest a 429's {@code Retry-After} is waited out
 * @param outputDir       when set, writes {@code <week>.md} and {@code <week>.html} here
 * @param feedSize        digests in the Atom feed
 * @param itemsPerSection the most items a list section of the digest shows; each says its total
 *                        and links to the whole list
 * @param locale          the language of delivered digests (webhook, output folder, feed):
 *                        {@code en} or {@code zh-CN}
 */
@Validated
@ConfigurationProperties("tracker.digest")
public record DigestProperties(
        URI webhookUrl,
        @DefaultValue("") String webhookSecret,
        @DefaultValue("3") @Min(1) @Max(10) int webhookAttempts,
        @DefaultValue("2s") @NotNull Duration webhookBackoff,
        @DefaultValue("30s") @NotNull Duration webhookTimeout,
        @DefaultValue("60s") @NotNull Duration webhookMaxWait,
        Path outputDir,
        @DefaultValue("12") @Min(1) @Max(200) int feedSize,
        @DefaultValue("10") @Min(1) @Max(100) int itemsPerSection,
        @DefaultValue("en") @NotNull @jakarta.validation.constraints.Pattern(regexp = "(?i)en|zh-CN",
                message = "must be en or zh-CN") String locale) {

    /** The webhook's answer is "ok" or an error text: a megabyte is plenty. */
    private static final long MAX_ANSWER_BYTES = 1 << 20;

    /**
     * How the webhook is called: one attempt lasts at most {@code webhookTimeout}, connecting
     * included; a delivery is one request to one host, so no failures are counted in a row.
     */
    public HttpSettings http(HttpProperties shared) {
        Duration connect = webhookTimeout.compareTo(shared.connectTimeout()) < 0 ? webhookTimeout : shared.connectTimeout();
        return shared.builder("webhook").connectTimeout(connect).readTimeout(webhookTimeout).deadline(webhookTimeout)
                .maxAttempts(webhookAttempts).retryBaseDelay(webhookBackoff).maxRateLimitWait(webhookMaxWait)
                .maxBodyBytes(MAX_ANSWER_BYTES).failuresBeforeDown(0).build();
    }

    /** Never the webhook's URL or secret: Slack's path is its credential. */
    @Override
    public String toString() {
        return "Digest[webhook " + (webhookUrl == null ? "unset" : "set") + ", feedSize=" + feedSize + "]";
    }
}
