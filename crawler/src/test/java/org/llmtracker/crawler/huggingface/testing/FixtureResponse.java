package org.llmtracker.crawler.huggingface.testing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A scripted answer: a status, headers, a body, and how long to stall before answering. */
public record FixtureResponse(int status, Map<String, String> headers, String body, Duration delay) {

    public FixtureResponse {
        headers = new LinkedHashMap<>(headers);
        delay = delay == null ? Duration.ZERO : delay;
    }

    public static FixtureResponse of(int status, String body) {
        return new FixtureResponse(status, Map.of("Content-Type", "application/json; charset=utf-8"), body, null);
    }

    public FixtureResponse header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new FixtureResponse(status, more, body, delay);
    }

    public FixtureResponse after(Duration stall) {
        return new FixtureResponse(status, headers, body, stall);
    }
}
