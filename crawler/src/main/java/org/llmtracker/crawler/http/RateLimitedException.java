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
    private final Duration asked;

    public RateLimitedException(String message, Duration wait) {
        this(message, wait, wait);
    }

    /**
     * @param wait  how long until calls resume (a window's block is bounded)
     * @param asked what the upstream asked for, which may be longer than the bound
     */
    public RateLimitedException(String message, Duration wait, Duration asked) {
        super(message);
        this.wait = wait;
        this.asked = asked;
    }

    /** How long until calls to the upstream resume. */
    public Duration waitRequired() {
        return wait;
    }

    /** The wait the upstream's answer asked for. */
    public Duration asked() {
        return asked;
    }

    /** The rate limit behind {@code e}, if any, however deep a client library wrapped it. */
    public static RateLimitedException find(Throwable e) {
        return UpstreamException.find(e, RateLimitedException.class);
    }
}
