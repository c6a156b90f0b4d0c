package org.llmtracker.crawler.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry half of the policy for one upstream: exponential back-off with jitter, the error a
 * request that failed for good becomes, and the count of requests failing in a row that turns
 * a failing upstream into {@link UpstreamDownException}.
 */
final class Retries {

    private static final Logger log = LoggerFactory.getLogger(Upstream.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final HttpSettings settings;
    private final Sleeper sleeper;
    private final AtomicInteger failuresInARow = new AtomicInteger();

    Retries(HttpSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
    }

    void succeeded() {
        failuresInARow.set(0);
    }

    UpstreamException gaveUp(String what, Fault fault, String why, int failures, IOException cause) {
        String reason = "failed " + failures + (failures == 1 ? " time" : " times") + "; last: " + why;
        String detail = what + " " + reason;
        if (settings.failuresBeforeDown() > 0) {
            if (fault == Fault.UNREACHABLE) {
                return new UpstreamDownException(settings.name() + " is unreachable: " + detail, reason, cause);
            }
            int inARow = failuresInARow.incrementAndGet();
            if (inARow >= settings.failuresBeforeDown()) {
                return new UpstreamDownException(settings.name() + " keeps failing (" + inARow
                        + " requests in a row failed for good): " + detail, reason, cause);
            }
        }
        return new UpstreamException(settings.name() + ": " + detail, reason, cause);
    }

    void backOff(String what, int failures, String why) throws IOException {
        long base = settings.retryBaseDelay().toMillis() << Math.min(failures - 1, 20);
        long delay = Math.min(base + ThreadLocalRandom.current().nextLong(base + 1), MAX_BACKOFF.toMillis());
        log.info("{} at {}; retry {} of {} in {} ms", why, what, failures, settings.maxAttempts() - 1, delay);
        sleep(Duration.ofMillis(delay));
    }

    void sleep(Duration duration) throws IOException {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }
}
