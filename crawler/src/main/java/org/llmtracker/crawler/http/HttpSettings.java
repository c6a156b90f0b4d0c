package org.llmtracker.crawler.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard and how long the crawler talks to one upstream. Built once per upstream from the
 * {@code tracker.*} settings; {@link Upstream} applies it to every request.
 *
 * @param name               what the upstream is called in errors and logs ("GitHub", "the Hub", ...)
 * @param connectTimeout     per connection attempt
 * @param readTimeout        per read: the longest silence between two packets
 * @param deadline           the total time one attempt may take, body included (OkHttp's call timeout):
 *                           what stops a server that trickles a byte now and then
 * @param maxAttempts        attempts per request on 5xx answers, timeouts and broken connections (1 = no retry)
 * @param retryBaseDelay     first back-off; doubles per attempt, plus up to as much again of jitter
 * @param maxRateLimitWait   the longest rate-limit wait honoured; a longer one throws {@link RateLimitedException}
 * @param maxBodyBytes       the largest body read
 * @param failuresBeforeDown  requests failing for good one after the other before the upstream counts as
 *                           down ({@link UpstreamDownException}); 0 never (the pages job: every page is its own host)
 * @param userAgent          sent with every request
 * @param token              sent as {@code Authorization: Bearer <token>}; empty sends none
 */
public record HttpSettings(String name, Duration connectTimeout, Duration readTimeout, Duration deadline,
        int maxAttempts, Duration retryBaseDelay, Duration maxRateLimitWait, long maxBodyBytes, int failuresBeforeDown,
        String userAgent, String token) {

    public HttpSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(retryBaseDelay, "retryBaseDelay");
        Objects.requireNonNull(maxRateLimitWait, "maxRateLimitWait");
        if (maxAttempts < 1 || maxBodyBytes < 1 || failuresBeforeDown < 0) {
            throw new IllegalArgumentException("maxAttempts and maxBodyBytes must be >= 1 and failuresBeforeDown >= 0; got "
                    + maxAttempts + ", " + maxBodyBytes + ", " + failuresBeforeDown);
        }
        userAgent = userAgent == null || userAgent.isBlank() ? "llm-tracker" : userAgent;
        token = token == null ? "" : token.trim();
    }

    public boolean authenticated() {
        return !token.isEmpty();
    }

    /** The same settings with another number of attempts: tests and one-shot deliveries. */
    public HttpSettings withAttempts(int attempts, Duration baseDelay) {
        return new HttpSettings(name, connectTimeout, readTimeout, deadline, attempts, baseDelay, maxRateLimitWait,
                maxBodyBytes, failuresBeforeDown, userAgent, token);
    }

    /** The same settings with other timeouts: tests use short ones. */
    public HttpSettings withTimeouts(Duration connect, Duration read, Duration total) {
        return new HttpSettings(name, connect, read, total, maxAttempts, retryBaseDelay, maxRateLimitWait, maxBodyBytes,
                failuresBeforeDown, userAgent, token);
    }

    public HttpSettings withMaxRateLimitWait(Duration wait) {
        return new HttpSettings(name, connectTimeout, readTimeout, deadline, maxAttempts, retryBaseDelay, wait,
                maxBodyBytes, failuresBeforeDown, userAgent, token);
    }
}
