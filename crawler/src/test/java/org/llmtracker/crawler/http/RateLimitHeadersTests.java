package org.llmtracker.crawler.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

class RateLimitHeadersTests {

    private static final Instant LOCAL = Instant.parse("2021-01-16T00:00:00Z");

    private static Response response(int code, String... headers) {
        Response.Builder b = new Response.Builder().request(new Request.Builder().url("http://127.0.0.1/x").build())
                .protocol(Protocol.HTTP_1_1).code(code).message("x");
        for (int i = 0; i < headers.length; i += 2) {
            b.addHeader(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    @Test
    void numbersSaturateInsteadOfThrowing() {
        assertThat(RateLimitHeaders.number("42")).hasValue(42);
        assertThat(RateLimitHeaders.number("0007")).hasValue(7);
        assertThat(RateLimitHeaders.number("99999999999999999999999")).hasValue(Long.MAX_VALUE);
        assertThat(RateLimitHeaders.number("-5")).isEmpty();
        assertThat(RateLimitHeaders.number("1e9")).isEmpty();
        assertThat(RateLimitHeaders.number("")).isEmpty();
    }

    @Test
    void theHubsHeadersAreReadInAnyOrderAndSpacing() {
        Response r = response(200, "RateLimit", "\"api\"; t=42; r=0", "RateLimit-Policy", "\"fixed window\";\"api\";q=500;w=300");

        assertThat(RateLimitHeaders.remaining(r)).hasValue(0);
        assertThat(RateLimitHeaders.untilReset(r, LOCAL)).contains(Duration.ofSeconds(42));
        assertThat(RateLimitHeaders.windowLength(r)).contains(Duration.ofMinutes(5));
    }

    @Test
    void aRetryAfterDateInThePastOrAnUnreadableOneAsksForNothing() {
        assertThat(RateLimitHeaders.retryAfter(response(429, "Date", "Fri, 15 Jan 2021 00:26:38 GMT",
                "Retry-After", "Fri, 15 Jan 2021 00:20:00 GMT"), LOCAL)).contains(Duration.ZERO);
        assertThat(RateLimitHeaders.retryAfter(response(429, "Retry-After", "soon"), LOCAL)).isEmpty();
        assertThat(RateLimitHeaders.retryAfter(response(429), LOCAL)).isEmpty();
    }

    @Test
    void aSecondaryLimitIsKnownByItsMessageWhenNoHeaderSaysSo() {
        assertThat(RateLimitHeaders.isLimited(response(403), "{\"message\":\"You have exceeded a secondary rate limit\"}"))
                .isTrue();
        assertThat(RateLimitHeaders.isLimited(response(403, "X-RateLimit-Remaining", "4000"),
                "{\"message\":\"Repository access blocked\"}")).isFalse();
        assertThat(RateLimitHeaders.isLimited(response(429), "")).isTrue();
    }
}
