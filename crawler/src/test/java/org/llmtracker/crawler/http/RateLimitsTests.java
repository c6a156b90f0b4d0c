package org.llmtracker.crawler.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

class RateLimitsTests {

    // Our clock is a day off: only the server's Date may count.
    private final RateLimits limits = new RateLimits(Clock.fixed(Instant.parse("2021-01-16T00:00:00Z"), ZoneOffset.UTC));

    private static Response response(int code, String... headers) {
        Response.Builder b = new Response.Builder().request(new Request.Builder().url("http://127.0.0.1/x").build())
                .protocol(Protocol.HTTP_1_1).code(code).message("x");
        for (int i = 0; i < headers.length; i += 2) {
            b.addHeader(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    @Test
    void thePrimaryResetIsJudgedAgainstTheServersDate() {
        // The recorded hub4j headers: Date 00:26:38, reset 1610671181 (00:39:41).
        Response r = response(403, "Date", "Fri, 15 Jan 2021 00:26:38 GMT", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", "1610671181");

        assertThat(RateLimits.isLimited(r, "")).isTrue();
        assertThat(limits.untilReset(r)).isEqualTo(Duration.ofSeconds(783 + 1));
    }

    @Test
    void retryAfterComesInSecondsOrAsADate() {
        assertThat(limits.retryAfter(response(429, "Retry-After", "30"))).contains(Duration.ofSeconds(30));
        assertThat(limits.retryAfter(response(403, "Date", "Fri, 15 Jan 2021 00:26:38 GMT",
                "Retry-After", "Fri, 15 Jan 2021 00:28:38 GMT"))).contains(Duration.ofMinutes(2));
        assertThat(limits.retryAfter(response(403))).isEmpty();
    }

    @Test
    void aForbiddenWithoutLimitSignalsIsNotARateLimit() {
        assertThat(RateLimits.isLimited(response(403, "X-RateLimit-Remaining", "4000"),
                "{\"message\":\"Repository access blocked\"}")).isFalse();
        assertThat(RateLimits.isLimited(response(403), "{\"message\":\"You have exceeded a secondary rate limit\"}"))
                .isTrue();
    }
}
