package org.llmtracker.crawler.huggingface;

import java.time.Duration;

/** Waiting, as a seam: tests record the waits instead of sleeping through them. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper real() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
