package org.llmtracker.crawler.testing;

import java.time.Duration;

import org.llmtracker.crawler.http.HttpSettings;

/** HTTP settings for tests: short timeouts and back-off, so faults cost milliseconds. */
public final class TestHttp {

    private TestHttp() {
    }

    /** 2 s to connect, 700 ms of silence, a 5 s deadline, 3 attempts from 5 ms, a minute of rate-limit wait. */
    public static HttpSettings settings(String name, String token) {
        return new HttpSettings(name, Duration.ofSeconds(2), Duration.ofMillis(700), Duration.ofSeconds(5), 3,
                Duration.ofMillis(5), Duration.ofSeconds(60), 10 << 20, 3, "llm-tracker-test", token);
    }
}
