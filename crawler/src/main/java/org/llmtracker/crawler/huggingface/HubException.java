package org.llmtracker.crawler.huggingface;

/** The Hub answered something we cannot use for this item. The message names the URL or id. */
public class HubException extends RuntimeException {

    public HubException(String message) {
        super(message);
    }
}
