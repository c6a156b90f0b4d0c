package org.llmtracker.crawler.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import okhttp3.Request;
import okhttp3.Response;

/** The one HTTP policy against a local server, with waits recorded instead of slept and a clock that does not move. */
class UpstreamTests {

    /** Our clock is a day ahead of the server's: only the server's Date may count. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-01-16T00:26:38Z"), ZoneOffset.UTC);
    private static final String SERVER_DATE = "Fri, 15 Jan 2021 00:26:38 GMT";

    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final List<Duration> waits = new ArrayList<>();

    UpstreamTests() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpSettings settings() {
        return HttpSettings.builder("test")
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(3)).deadline(Duration.ofSeconds(5))
                .maxAttempts(3).retryBaseDelay(Duration.ofMillis(100)).maxRateLimitWait(Duration.ofMinutes(5))
                .maxBodyBytes(1024).failuresBeforeDown(3).userAgent("llm-tracker-test").token("t0ken").build();
    }

    private Upstream upstream(HttpSettings settings) {
        return Upstream.builder(settings, waits::add, CLOCK).build();
    }

    private Response fetch(Upstream upstream, String path) throws IOException {
        return upstream.execute(new Request.Builder().url(server.baseUrl() + path).build());
    }

    /** The first {@code times} requests for {@code path} answer {@code failure}, then 200 "ok". */
    private void failFirst(String path, int times, ResponseDefinitionBuilder failure) {
        for (int i = 0; i < times; i++) {
            server.stubFor(get(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(i == 0 ? STARTED : "after-" + i)
                    .willReturn(failure).willSetStateTo("after-" + (i + 1)));
        }
        server.stubFor(get(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(times == 0 ? STARTED : "after-" + times)
                .willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    @Test
    void retryAfterInSecondsIsWaitedOut() throws Exception {
        failFirst("/a", 1, aResponse().withStatus(429).withHeader("Retry-After", "7"));

        try (Response r = fetch(upstream(settings()), "/a")) {
            assertThat(r.body().string()).isEqualTo("ok");
        }
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsADateIsJudgedAgainstTheServersDate() throws Exception {
        failFirst("/a", 1, aResponse().withStatus(429).withHeader("Date", SERVER_DATE)
                .withHeader("Retry-After", "Fri, 15 Jan 2021 00:28:38 GMT"));

        fetch(upstream(settings()), "/a").close();

        assertThat(waits).containsExactly(Duration.ofMinutes(2));
    }

    @Test
    void githubsSpentPrimaryLimitWaitsUntilItsResetByTheServersClock() throws Exception {
        // The recorded hub4j headers: Date 00:26:38, reset 1610671181 (00:39:41).
        failFirst("/a", 1, aResponse().withStatus(403).withHeader("Date", SERVER_DATE)
                .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", "1610671181")
                .withBody("{\"message\":\"API rate limit exceeded\"}"));

        fetch(upstream(settings().withMaxRateLimitWait(Duration.ofHours(1))), "/a").close();

        assertThat(waits).containsExactly(Duration.ofSeconds(783 + 1));
    }

    @Test
    void aForbiddenThatIsNotARateLimitIsAnAnswerNotAWait() throws Exception {
        failFirst("/a", 1, aResponse().withStatus(403).withHeader("X-RateLimit-Remaining", "4000")
                .withBody("{\"message\":\"Repository access blocked\"}"));

        try (Response r = fetch(upstream(settings()), "/a")) {
            assertThat(r.code()).isEqualTo(403);
        }
        assertThat(waits).isEmpty();
    }

    @Test
    void theHubsRateLimitHeaderGivesTheWaitOfARefusalAndHoldsTheNextRequestWhenSpent() throws Exception {
        failFirst("/refused", 1, aResponse().withStatus(429).withHeader("RateLimit", "\"api\";r=0;t=42")
                .withHeader("RateLimit-Policy", "\"fixed window\";\"api\";q=1000;w=300"));
        server.stubFor(get(urlEqualTo("/spent")).willReturn(aResponse().withStatus(200)
                .withHeader("RateLimit", "\"api\";r=0;t=12")));
        Upstream hub = upstream(settings());

        fetch(hub, "/refused").close();
        assertThat(waits).containsExactly(Duration.ofSeconds(42));
        fetch(hub, "/spent").close();
        assertThat(waits).as("a spent window costs nothing until the next request").hasSize(1);
        fetch(hub, "/spent").close();
        assertThat(waits).containsExactly(Duration.ofSeconds(42), Duration.ofSeconds(12));
    }

    @Test
    void aRefusalWithoutAnyTimeWaitsAMinuteThenTwiceAsLong() throws Exception {
        failFirst("/a", 2, aResponse().withStatus(429));

        fetch(upstream(settings()), "/a").close();

        assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2));
    }

    @Test
    void hugeNumbersAreClampedAndEndInARateLimitNotACrash() {
        server.stubFor(get(urlEqualTo("/retry")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "99999999999999999999999999999")));
        server.stubFor(get(urlEqualTo("/window")).willReturn(aResponse().withStatus(429)
                .withHeader("RateLimit", "\"api\";r=0;t=184467440737095516160")));
        server.stubFor(get(urlEqualTo("/reset")).willReturn(aResponse().withStatus(403).withHeader("Date", "garbage")
                .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", "99999999999999999999")));

        for (String path : List.of("/retry", "/window", "/reset")) {
            assertThatThrownBy(() -> fetch(upstream(settings()), path)).as(path).isInstanceOf(RateLimitedException.class)
                    .hasMessageContaining("would have to wait")
                    .as("the window opens again after the bound, not in a century")
                    .satisfies(e -> assertThat(((RateLimitedException) e).waitRequired()).isEqualTo(Duration.ofMinutes(5)));
            assertThat(waits).as(path).isEmpty();
        }
    }

    @Test
    void serverErrorsAreRetriedWithGrowingJitteredBackOffThenFailNamingTheUrlOnce() {
        server.stubFor(get(urlEqualTo("/down")).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> fetch(upstream(settings()), "/down")).isExactlyInstanceOf(UpstreamException.class)
                .hasMessage("test: GET " + server.baseUrl() + "/down failed 3 times; last: HTTP 503");
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        server.verify(3, getRequestedFor(urlEqualTo("/down")));
    }

    @Test
    void aResetAndABodyCutShortAreRetried() throws Exception {
        failFirst("/reset", 1, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        failFirst("/cut", 1, aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
        Upstream upstream = upstream(settings());

        try (Response reset = fetch(upstream, "/reset"); Response cut = fetch(upstream, "/cut")) {
            assertThat(reset.body().string()).isEqualTo("ok");
            assertThat(cut.body().string()).isEqualTo("ok");
        }
        assertThat(waits).hasSize(2);
    }

    @Test
    void aTrickledBodyFailsAtTheDeadlineThoughEveryByteCameInTime() {
        // 20 chunks over 4 s: 200 ms between them is well inside the 1 s read timeout; the deadline is not.
        server.stubFor(get(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withBody("x".repeat(200))
                .withChunkedDribbleDelay(20, 4000)));
        HttpSettings tight = settings().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(400))
                .withAttempts(2, Duration.ofMillis(10));

        assertThatThrownBy(() -> fetch(upstream(tight), "/slow")).isInstanceOf(UpstreamException.class)
                .hasMessageEndingWith("failed 2 times; last: no complete answer within the 400 ms deadline");
    }

    @Test
    void anOversizedBodyFailsAtOnceOrIsCutWhereTruncationIsWanted() throws Exception {
        server.stubFor(get(urlEqualTo("/big")).willReturn(aResponse().withStatus(200).withBody("y".repeat(5000))));
        server.stubFor(get(urlEqualTo("/chunked")).willReturn(aResponse().withStatus(200).withBody("z".repeat(5000))
                .withChunkedDribbleDelay(5, 10)));

        assertThatThrownBy(() -> fetch(upstream(settings()), "/big")).isInstanceOf(UpstreamException.class)
                .hasMessageContaining("larger than the 1024 bytes allowed");
        assertThatThrownBy(() -> fetch(upstream(settings()), "/chunked")).hasMessageContaining("larger than the 1024 bytes");
        server.verify(1, getRequestedFor(urlEqualTo("/big")));
        Upstream truncating = Upstream.builder(settings(), waits::add, CLOCK).truncateLongBodies().build();
        try (Response r = fetch(truncating, "/big")) {
            assertThat(r.body().string()).hasSize(1024);
        }
    }

    @Test
    void anUnreachableUpstreamIsDownAfterItsAttempts() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Upstream upstream = upstream(settings());

        assertThatThrownBy(() -> upstream.execute(new Request.Builder().url("http://127.0.0.1:" + closed + "/x").build()))
                .isInstanceOf(UpstreamDownException.class)
                .hasMessage("test is unreachable: GET http://127.0.0.1:" + closed
                        + "/x failed 3 times; last: could not connect (connection refused)");
        assertThat(waits).hasSize(2);
    }

    @Test
    void requestsFailingForGoodOneAfterAnotherMakeTheUpstreamDown() throws Exception {
        server.stubFor(get(urlEqualTo("/down")).willReturn(aResponse().withStatus(502)));
        server.stubFor(get(urlEqualTo("/up")).willReturn(aResponse().withStatus(200)));
        Upstream upstream = upstream(settings());

        assertThatThrownBy(() -> fetch(upstream, "/down")).isExactlyInstanceOf(UpstreamException.class);
        fetch(upstream, "/up").close();
        assertThatThrownBy(() -> fetch(upstream, "/down")).isExactlyInstanceOf(UpstreamException.class);
        assertThatThrownBy(() -> fetch(upstream, "/down")).isExactlyInstanceOf(UpstreamException.class);
        assertThatThrownBy(() -> fetch(upstream, "/down")).isInstanceOf(UpstreamDownException.class)
                .hasMessageStartingWith("test keeps failing (3 requests in a row failed for good)");
    }

    @Test
    void theTokenAndUserAgentGoWithEveryRequestAndEveryAttemptIsCounted() throws Exception {
        failFirst("/a", 1, aResponse().withStatus(500));
        Upstream upstream = upstream(settings());

        fetch(upstream, "/a").close();

        assertThat(upstream.meter().read().requests()).isEqualTo(2);
        assertThat(server.findAll(getRequestedFor(urlEqualTo("/a")))).allSatisfy(r -> {
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer t0ken");
            assertThat(r.getHeader("User-Agent")).isEqualTo("llm-tracker-test");
        });
    }

    @Test
    void aRedactedUpstreamKeepsPathsOutOfItsErrors() {
        server.stubFor(get(urlEqualTo("/services/T0/B0/secret")).willReturn(aResponse().withStatus(503)));
        Upstream hook = Upstream.builder(settings(), waits::add, CLOCK).redactUrls().build();

        assertThatThrownBy(() -> fetch(hook, "/services/T0/B0/secret")).hasMessageNotContaining("secret")
                .hasMessageContaining("GET " + server.baseUrl() + "/...");
    }
}
