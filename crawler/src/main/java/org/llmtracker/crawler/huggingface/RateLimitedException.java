package org.llmtracker.crawler.huggingface;

import java.time.Duration;

/** The Hub asked us to wait longer than a run is willing to: the run stops early and the next one goes on. */
public final class RateLimitedException extends HubException {

    private final Duration wait;

    public RateLimitedException(String url, Duration wait) {
        super("rate limited on " + url + ": the Hub asks to wait " + wait.toSeconds() + "s");
        this.wait = wait;
    }

    public Duration waitRequested() {
        return wait;
    }
}
