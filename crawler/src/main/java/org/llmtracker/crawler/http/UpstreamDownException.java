package org.llmtracker.crawler.http;

/**
 * The upstream itself cannot be reached (connection refused, unknown host) or kept failing
 * request after request: there is no point in trying the next item. A job lets it end the run,
 * FAILED when nothing was done, with this one reason instead of an error per item.
 */
public final class UpstreamDownException extends UpstreamException {

    public UpstreamDownException(String message, String reason, Throwable cause) {
        super(message, reason, cause);
    }
}
