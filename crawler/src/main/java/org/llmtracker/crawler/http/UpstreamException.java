package org.llmtracker.crawler.http;

import java.io.IOException;

/**
 * A request that kept failing after every retry. Deliberately not a socket exception, so a
 * client library above us does not retry it once more.
 */
public final class UpstreamException extends IOException {

    public UpstreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
