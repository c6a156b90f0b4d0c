package org.llmtracker.crawler.testing;

import java.time.Duration;

import org.llmtracker.crawler.http.HttpSettings;

/** HTTP settings for tests: short timeouts and back-off, so faults cost milliseconds. */
public final class TestHttp {

    private TestHttp() {
    }

    /** 2 s to connect, 700 ms of silence, a 5 s deadline, 3 attempts from 5 ms, a minute of rate-limit wait. */
    public static HttpSettings settings(String name, String token) {
        return HttpSettings.builder(name)
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofMillis(700)).deadline(Duration.ofSeconds(5))
                .maxAttempts(3).retryBaseDelay(Duration.ofMillis(5)).maxRateLimitWait(Duration.ofSeconds(60))
                .maxBodyBytes(10 << 20).failuresBeforeDown(3).userAgent("llm-tracker-test").token(token).build();
    }
}
