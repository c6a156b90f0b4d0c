package org.llmtracker.crawler.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.graph.testing.SteppingClock;

import com.github.tomakehurst.wiremock.WireMockServer;

import okhttp3.Request;

/** One upstream's rate window shared by several jobs, each with its share. */
class RateWindowTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

    private final WireMockServer hub = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final RateWindow window = new RateWindow("the Hub", CLOCK, Duration.ofMinutes(5), Duration.ofHours(2));
    private final List<Duration> crawlWaits = new ArrayList<>();
    private final List<Duration> sweepWaits = new ArrayList<>();

    RateWindowTests() {
        hub.start();
    }

    @AfterEach
    void stop() {
        hub.stop();
    }

    private static HttpSettings settings(Duration maxWait) {
        return HttpSettings.builder("the Hub")
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(2)).deadline(Duration.ofSeconds(5))
                .maxAttempts(3).retryBaseDelay(Duration.ofMillis(10)).maxRateLimitWait(maxWait)
                .maxBodyBytes(1 << 20).failuresBeforeDown(3).userAgent("llm-tracker-test").build();
    }

    private void call(Upstream upstream, String path) throws Exception {
        upstream.execute(new Request.Builder().url(hub.baseUrl() + path).build()).close();
    }

    @Test
    void aRefusalSeenByOneJobHoldsBackTheOther() throws Exception {
        hub.stubFor(get(urlEqualTo("/crawl")).inScenario("limit").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")).willSetStateTo("open"));
        hub.stubFor(get(urlEqualTo("/crawl")).inScenario("limit").whenScenarioStateIs("open").willReturn(aResponse()));
        hub.stubFor(get(urlEqualTo("/sweep")).willReturn(aResponse()));
        Upstream crawl = Upstream.builder(settings(Duration.ofMinutes(5)), crawlWaits::add, CLOCK).share(window.share(0)).build();
        Upstream sweep = Upstream.builder(settings(Duration.ofMinutes(5)), sweepWaits::add, CLOCK).share(window.share(0)).build();
        // The sweep learns of the refusal the crawl got, without a request of its own.
        RateWindow.Share sweepShare = window.share(0);
        hub.stubFor(get(urlEqualTo("/crawl-refused")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        assertThatThrownBy(() -> call(crawl, "/crawl-refused")).isInstanceOf(RateLimitedException.class);

        assertThat(sweepShare.waitBeforeNext()).isEqualTo(Duration.ofSeconds(3600));
        assertThatThrownBy(() -> call(sweep, "/sweep")).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("the Hub rate limit spent before GET").hasMessageContaining("3600 s");
    }

    @Test
    void aSpentWindowLearntByOneJobMakesTheOtherWaitForTheReset() throws Exception {
        hub.stubFor(get(urlEqualTo("/spent")).willReturn(aResponse().withHeader("RateLimit", "\"api\";r=0;t=40")));
        hub.stubFor(get(urlEqualTo("/next")).willReturn(aResponse().withHeader("RateLimit", "\"api\";r=999;t=300")));
        Upstream crawl = Upstream.builder(settings(Duration.ofMinutes(5)), crawlWaits::add, CLOCK).share(window.share(0)).build();
        Upstream sweep = Upstream.builder(settings(Duration.ofMinutes(5)), sweepWaits::add, CLOCK).share(window.share(0)).build();

        call(crawl, "/spent");
        call(sweep, "/next");

        assertThat(crawlWaits).isEmpty();
        assertThat(sweepWaits).containsExactly(Duration.ofSeconds(40));
        assertThat(window.remaining()).hasValue(999);
    }

    @Test
    void aJobsShareCapsItsRequestsPerWindowAndWaitsForTheNextWindow() throws Exception {
        hub.stubFor(get(urlEqualTo("/list")).willReturn(aResponse().withHeader("RateLimit", "\"api\";r=900;t=120")
                .withHeader("RateLimit-Policy", "\"fixed window\";\"api\";q=1000;w=300")));
        Upstream sweep = Upstream.builder(settings(Duration.ofMinutes(5)), sweepWaits::add, CLOCK).share(window.share(2)).build();
        Upstream crawl = Upstream.builder(settings(Duration.ofMinutes(5)), crawlWaits::add, CLOCK).share(window.share(0)).build();

        call(sweep, "/list");
        call(sweep, "/list");
        call(crawl, "/list");
        assertThat(sweepWaits).isEmpty();
        call(sweep, "/list");

        assertThat(sweepWaits).as("the third in a window of two waits for the reset the Hub announced")
                .containsExactly(Duration.ofSeconds(120));
        assertThat(crawlWaits).as("the other job's share is its own").isEmpty();
    }

    @Test
    void aShareKeepsToItsCapInEveryWindowAfterTheFirst() throws Exception {
        hub.stubFor(get(urlEqualTo("/list")).willReturn(aResponse()));
        SteppingClock clock = new SteppingClock(Instant.parse("2026-11-23T08:00:00Z"), Duration.ZERO);
        RateWindow own = new RateWindow("the Hub", clock, Duration.ofMinutes(5), Duration.ofHours(2));
        Upstream sweep = Upstream.builder(settings(Duration.ofMinutes(10)), d -> {
            sweepWaits.add(d);
            clock.advance(d);
        }, clock).share(own.share(2)).build();

        for (int i = 0; i < 7; i++) {
            call(sweep, "/list");
        }

        assertThat(sweepWaits).as("two requests a window: seven need four windows")
                .containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(5));
    }

    @Test
    void aShareWhoseNextWindowIsFurtherThanTheWaitAllowedStopsTheRun() throws Exception {
        hub.stubFor(get(urlEqualTo("/list")).willReturn(aResponse()));
        Upstream sweep = Upstream.builder(settings(Duration.ofSeconds(60)), sweepWaits::add, CLOCK).share(window.share(1))
                .build();

        call(sweep, "/list");

        assertThatThrownBy(() -> call(sweep, "/list")).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("300 s");
    }

    @Test
    void aRetryAfterOfDaysEndsTheRunAtOnceAndTheBlockExpiresAfterTheBound() throws Exception {
        // The probe's answer: one 429 with Retry-After: 999999 froze every Hub job for 11.6 days.
        hub.stubFor(get(urlEqualTo("/hostile")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "999999")));
        hub.stubFor(get(urlEqualTo("/list")).willReturn(aResponse()));
        SteppingClock clock = new SteppingClock(Instant.parse("2026-11-23T08:00:00Z"), Duration.ZERO);
        RateWindow bounded = new RateWindow("the Hub", clock, Duration.ofMinutes(5), Duration.ofMinutes(15));
        Upstream crawl = Upstream.builder(settings(Duration.ofMinutes(5)), crawlWaits::add, clock)
                .share(bounded.share(0)).build();
        Upstream infer = Upstream.builder(settings(Duration.ofMinutes(30)), sweepWaits::add, clock)
                .share(bounded.share(0)).build();

        assertThatThrownBy(() -> call(crawl, "/hostile")).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("would have to wait 999999 s").hasMessageContaining("tracker.http.max-retry-after")
                .satisfies(e -> assertThat(((RateLimitedException) e).waitRequired()).isEqualTo(Duration.ofMinutes(15)));
        assertThat(crawlWaits).as("nothing waited for days").isEmpty();
        assertThat(bounded.share(0).waitBeforeNext()).as("while the block lasts, a caller hears the whole wait asked")
                .isEqualTo(Duration.ofSeconds(999999));
        assertThatThrownBy(() -> call(infer, "/list")).as("so a job that would wait 30 min stops too")
                .isInstanceOf(RateLimitedException.class);

        clock.advance(Duration.ofMinutes(15));
        assertThat(bounded.share(0).waitBeforeNext()).as("the block has expired").isZero();
        call(infer, "/list");
        assertThat(sweepWaits).isEmpty();
    }

    @Test
    void aResetDaysAwayOnASpentWindowBlocksNoLongerThanTheBound() throws Exception {
        hub.stubFor(get(urlEqualTo("/spent")).willReturn(aResponse().withHeader("RateLimit", "\"api\";r=0;t=999999")));
        RateWindow bounded = new RateWindow("the Hub", CLOCK, Duration.ofMinutes(5), Duration.ofMinutes(15));
        Upstream crawl = Upstream.builder(settings(Duration.ofMinutes(5)), crawlWaits::add, CLOCK)
                .share(bounded.share(0)).build();

        call(crawl, "/spent");

        assertThat(bounded.share(0).waitBeforeNext()).as("callers hear the reset asked for while the block lasts")
                .isEqualTo(Duration.ofSeconds(999999));
        assertThat(bounded.share(0).waitBeforeNext().compareTo(Duration.ofMinutes(5))).as("more than the crawl waits")
                .isPositive();
    }
}
