package org.llmtracker.crawler.http;

import java.io.IOException;
import java.time.Duration;

/**
 * The upstream asked us to wait longer than we are willing to: the run should stop, PARTIAL,
 * and the next one go on. An {@link IOException} so it passes through OkHttp and client
 * libraries; {@link #find} digs it out of their wrappers.
 */
public final class RateLimitedException extends IOException {

    private final Duration wait;

    public RateLimitedException(String message, Duration wait) {
        super(message);
        this.wait = wait;
    }

    public Duration waitRequired() {
        return wait;
    }

    /** The rate limit behind {@code e}, if any, however deep a client library wrapped it. */
    public static RateLimitedException find(Throwable e) {
        return UpstreamException.find(e, RateLimitedException.class);
    }
}
