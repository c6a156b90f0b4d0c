package org.llmtracker.crawler.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard to try one request.
 *
 * @param maxAttempts attempts per request on 5xx answers and timeouts (1 = no retry)
 * @param baseDelay   first back-off; doubles per attempt, plus up to as much again of jitter
 * @param maxWait     the longest a rate limit may make us wait; a longer one ends the run
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxWait) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxWait, "maxWait");
    }
}
