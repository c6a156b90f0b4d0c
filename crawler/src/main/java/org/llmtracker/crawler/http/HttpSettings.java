package org.llmtracker.crawler.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard and how long the crawler talks to one upstream. Built once per upstream from the
 * {@code tracker.*} settings, by name through {@link #builder(String)}; {@link Upstream} applies it
 * to every request. It declares no defaults: the settings records hold them.
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
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("a User-Agent is required for " + name);
        }
        token = token == null ? "" : token.trim();
    }

    /** Settings for the upstream called {@code name}, every other part named as it is set. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder(name).connectTimeout(connectTimeout).readTimeout(readTimeout).deadline(deadline)
                .maxAttempts(maxAttempts).retryBaseDelay(retryBaseDelay).maxRateLimitWait(maxRateLimitWait)
                .maxBodyBytes(maxBodyBytes).failuresBeforeDown(failuresBeforeDown).userAgent(userAgent).token(token);
    }

    public boolean authenticated() {
        return !token.isEmpty();
    }

    /** The same settings with another number of attempts: tests and one-shot deliveries. */
    public HttpSettings withAttempts(int attempts, Duration baseDelay) {
        return toBuilder().maxAttempts(attempts).retryBaseDelay(baseDelay).build();
    }

    /** The same settings with other timeouts: tests use short ones. */
    public HttpSettings withTimeouts(Duration connect, Duration read, Duration total) {
        return toBuilder().connectTimeout(connect).readTimeout(read).deadline(total).build();
    }

    public HttpSettings withMaxRateLimitWait(Duration wait) {
        return toBuilder().maxRateLimitWait(wait).build();
    }

    /**
     * Named setters for the record's parts (see its parameters). Nothing is defaulted but what
     * "none" means: no token, and no count of failures in a row ({@code failuresBeforeDown} 0).
     */
    public static final class Builder {
        private final String name;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration deadline;
        private int maxAttempts;
        private Duration retryBaseDelay;
        private Duration maxRateLimitWait;
        private long maxBodyBytes;
        private int failuresBeforeDown;
        private String userAgent;
        private String token = "";

        private Builder(String name) {
            this.name = name;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        public Builder readTimeout(Duration value) {
            readTimeout = value;
            return this;
        }

        public Builder deadline(Duration value) {
            deadline = value;
            return this;
        }

        public Builder maxAttempts(int value) {
            maxAttempts = value;
            return this;
        }

        public Builder retryBaseDelay(Duration value) {
            retryBaseDelay = value;
            return this;
        }

        public Builder maxRateLimitWait(Duration value) {
            maxRateLimitWait = value;
            return this;
        }

        public Builder maxBodyBytes(long value) {
            maxBodyBytes = value;
            return this;
        }

        public Builder failuresBeforeDown(int value) {
            failuresBeforeDown = value;
            return this;
        }

        public Builder userAgent(String value) {
            userAgent = value;
            return this;
        }

        public Builder token(String value) {
            token = value;
            return this;
        }

        public HttpSettings build() {
            return new HttpSettings(name, connectTimeout, readTimeout, deadline, maxAttempts, retryBaseDelay,
                    maxRateLimitWait, maxBodyBytes, failuresBeforeDown, userAgent, token);
        }
    }
}
