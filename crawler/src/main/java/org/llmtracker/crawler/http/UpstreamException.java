package org.llmtracker.crawler.http;

import java.io.IOException;

/**
 * A request that failed for good: retries spent, a refused URL, an oversized body. The message
 * says what happened and names the URL once. Deliberately not a socket exception, so a client
 * library above us does not retry it once more.
 */
public class UpstreamException extends IOException {

    private final String reason;

    public UpstreamException(String message) {
        this(message, message, null);
    }

    public UpstreamException(String message, Throwable cause) {
        this(message, message, cause);
    }

    /** @param reason what happened, without the upstream and the URL (for a caller whose item is that URL) */
    public UpstreamException(String message, String reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** What happened, without naming the upstream or the URL. */
    public String reason() {
        return reason;
    }

    /**
     * The text an item error should carry for {@code e}: our own message when a client library
     * wrapped one of ours (github-api turns it into "HTTP response code: -1, message: 'null'"),
     * else the first message in the chain.
     */
    public static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UpstreamException || t instanceof RateLimitedException) {
                return t.getMessage();
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    /** Ours, however deep a client library wrapped it; null when {@code e} is not about an upstream. */
    public static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
