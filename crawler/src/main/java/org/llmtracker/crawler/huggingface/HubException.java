package org.llmtracker.crawler.huggingface;

/** A Hub request failed for good (after retries), or answered something we cannot read. The message names the URL or id. */
public class HubException extends RuntimeException {

    public HubException(String message) {
        super(message);
    }

    public HubException(String message, Throwable cause) {
        super(message, cause);
    }
}
