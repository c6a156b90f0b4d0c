package org.llmtracker.crawler.huggingface.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** A scripted answer: a status, headers and a body, or a stall: no answer at all until the server closes. */
public record FixtureResponse(int status, Map<String, String> headers, String body, boolean stalls) {

    public FixtureResponse {
        headers = new LinkedHashMap<>(headers);
    }

    public static FixtureResponse of(int status, String body) {
        return new FixtureResponse(status, Map.of("Content-Type", "application/json; charset=utf-8"), body, false);
    }

    public FixtureResponse header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new FixtureResponse(status, more, body, stalls);
    }

    /** The same answer, never sent: the client's timeout is what ends the request. */
    public FixtureResponse stalled() {
        return new FixtureResponse(status, headers, body, true);
    }
}
