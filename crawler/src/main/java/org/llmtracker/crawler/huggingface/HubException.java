package org.llmtracker.crawler.huggingface;

import org.llmtracker.crawler.http.UpstreamException;

/** The Hub answered something we cannot use for this item. The message names the URL or id. */
public class HubException extends UpstreamException {

    public HubException(String message) {
        super(message);
    }
}
