package org.llmtracker.crawler.huggingface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.crawler.huggingface.testing.FixtureFamily;
import org.llmtracker.crawler.http.RateLimitedException;
import org.llmtracker.crawler.http.Upstream;
import org.llmtracker.crawler.http.UpstreamException;
import org.llmtracker.crawler.huggingface.testing.FixtureResponse;
import org.llmtracker.crawler.huggingface.testing.HubTestSettings;
import org.llmtracker.crawler.huggingface.testing.HubFixtureServer;
import org.llmtracker.crawler.huggingface.testing.Recorded;

class HubClientTests {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private final HubFixtureServer hub = HubFixtureServer.start(FixtureFamily.generate(), false);
    private final List<Duration> waits = new ArrayList<>();
    private Upstream upstream;
    private HubClient client = client(HubTestSettings.of(hub.uri(), "", 3, 100, 2000));

    @AfterEach
    void stop() throws Exception {
        hub.close();
    }

    @Test
    void aRenamedModelIsFollowedAndItsOldIdKept() throws Exception {
        ModelAnswer answer = client.model(FixtureFamily.LEGACY_ROOT);

        assertThat(answer).isInstanceOfSatisfying(ModelAnswer.Found.class, found -> {
            assertThat(found.entry().id()).isEqualTo(FixtureFamily.ROOT);
            assertThat(found.formerIds()).containsExactly(FixtureFamily.LEGACY_ROOT);
            assertThat(found.entry().childCount()).isEqualTo(256L);
        });
        assertThat(upstream.meter().read().requests()).isEqualTo(2);
    }

    @Test
    void aRecordedRenameLocationIsReadAsTheNewId() throws Exception {
        hub.script("/api/models/bert-base-uncased", 1, new FixtureResponse(307,
                Map.of("Location", "/api/models/google-bert/bert-base-uncased"),
                "Temporary Redirect. Redirecting to /api/models/google-bert/bert-base-uncased", null));
        hub.script("/api/models/google-bert/bert-base-uncased", 1, FixtureResponse.of(200,
                Recorded.body("deepset__roberta-base-squad2.json")
                        .replace("deepset/roberta-base-squad2", "google-bert/bert-base-uncased")));

        ModelAnswer answer = client.model("bert-base-uncased");

        assertThat(((ModelAnswer.Found) answer).formerIds()).containsExactly("bert-base-uncased");
    }

    @Test
    void notFoundMarksTheModelGone() throws Exception {
        assertThat(client.model("nobody/nothing")).isEqualTo(new ModelAnswer.Gone("nobody/nothing", 404));
    }

    @Test
    void anAnonymous401ForAMissingRepoIsGoneAndOtherRefusalsAreGated() throws Exception {
        hub.script("/api/models/a/private", 1, FixtureResponse.of(401, "{\"error\":\"Repository not found\"}")
                .header("X-Error-Code", "RepoNotFound"));
        hub.script("/api/models/a/gated", 1, FixtureResponse.of(403, "{\"error\":\"gated\"}").header("X-Error-Code", "GatedRepo"));
        hub.script("/api/models/a/locked", 1, FixtureResponse.of(401, "{\"error\":\"Unauthorized\"}"));

        assertThat(client.model("a/private")).isInstanceOf(ModelAnswer.Gone.class);
        assertThat(client.model("a/gated")).isEqualTo(new ModelAnswer.Gated("a/gated", 403));
        assertThat(client.model("a/locked")).isEqualTo(new ModelAnswer.Gated("a/locked", 401));
    }

    @Test
    void tooManyRequestsWaitsAsLongAsRetryAfterSays() throws Exception {
        hub.script("/api/models/" + FixtureFamily.ROOT, 1, FixtureResponse.of(429, "{\"error\":\"rate limited\"}")
                .header("Retry-After", "7"));

        assertThat(client.model(FixtureFamily.ROOT)).isInstanceOf(ModelAnswer.Found.class);
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        assertThat(upstream.meter().read().requests()).isEqualTo(2);
    }

    @Test
    void tooManyRequestsWithoutRetryAfterWaitsForTheRateLimitWindow() throws Exception {
        hub.script("/api/models/" + FixtureFamily.ROOT, 1, FixtureResponse.of(429, "{\"error\":\"rate limited\"}")
                .header("RateLimit", "\"api\";r=0;t=42")
                .header("RateLimit-Policy", "\"fixed window\";\"api\";q=1000;w=300"));

        client.model(FixtureFamily.ROOT);

        assertThat(waits).containsExactly(Duration.ofSeconds(42));
    }

    @Test
    void aWaitLongerThanTheRunAllowsStopsWithRateLimited() throws Exception {
        hub.script("/api/models/" + FixtureFamily.ROOT, 1, FixtureResponse.of(429, "{}").header("Retry-After", "3600"));

        assertThatThrownBy(() -> client.model(FixtureFamily.ROOT)).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("3600 s");
        assertThat(waits).isEmpty();
    }

    @Test
    void aSpentWindowOnASuccessPausesTheNextRequestUntilItResets() throws Exception {
        hub.script("/api/models/" + FixtureFamily.ROOT, 1, FixtureResponse.of(200, "{\"id\":\"fixture-org/Base-7B\"}")
                .header("RateLimit", "\"api\";r=0;t=12"));

        client.model(FixtureFamily.ROOT);
        assertThat(waits).isEmpty();
        client.model(FixtureFamily.ROOT);

        assertThat(waits).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void serverErrorsAreRetriedWithGrowingBackOff() throws Exception {
        hub.script("/api/models/" + FixtureFamily.ROOT, 2, FixtureResponse.of(502, "Bad Gateway"));

        assertThat(client.model(FixtureFamily.ROOT)).isInstanceOf(ModelAnswer.Found.class);
        // 1 s then 2 s, each plus up to as much again of jitter
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(waits.get(1)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void serverErrorsEndInAFailureNamingTheUrlOnceAttemptsRunOut() throws Exception {
        hub.script("/api/models/" + FixtureFamily.ROOT, 10, FixtureResponse.of(503, "Service Unavailable"));

        assertThatThrownBy(() -> client.model(FixtureFamily.ROOT)).isInstanceOf(UpstreamException.class)
                .hasMessageContaining("/api/models/fixture-org/Base-7B").hasMessageContaining("HTTP 503");
        assertThat(upstream.meter().read().requests()).isEqualTo(4);
    }

    @Test
    void aTimedOutRequestIsRetried() throws Exception {
        client = client(HubTestSettings.withLimits(HubTestSettings.of(hub.uri(), "", 3, 100, 2000), 3,
                Duration.ofMinutes(5), Duration.ofMillis(300)));
        hub.script("/api/models/" + FixtureFamily.ROOT, 1, FixtureResponse.of(200, "{}").after(Duration.ofSeconds(2)));

        assertThat(client.model(FixtureFamily.ROOT)).isInstanceOf(ModelAnswer.Found.class);
        assertThat(waits).singleElement().satisfies(w -> assertThat(w).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }

    @Test
    void listsPageThroughLinkCursorsMostDownloadedFirst() throws Exception {
        List<String> rejected = new ArrayList<>();
        List<HubEntry> all = new ArrayList<>();
        List<Integer> pages = new ArrayList<>();

        client.children(FixtureFamily.ROOT, rejected, page -> {
            pages.add(page.size());
            return all.addAll(page);
        });

        assertThat(pages).containsExactly(100, 98, 58);
        assertThat(rejected).hasSize(2);
        assertThat(all).hasSize(256);
        assertThat(all).extracting(HubEntry::downloads).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(hub.requests()).allSatisfy(r -> assertThat(r).contains("limit=100").contains("sort=downloads"));
        // the first request asked for child counts, which the Hub refuses on lists
        assertThat(hub.requests()).hasSize(4);
        assertThat(hub.requests().subList(2, 4)).allSatisfy(r -> assertThat(r).contains("cursor="));
    }

    @Test
    void theHubRefusingChildCountsOnListsIsAskedOnceThenListedWithout() throws Exception {
        client.children(FixtureFamily.ROOT, new ArrayList<>(), page -> false);
        client.children(FixtureFamily.TRI_MERGE, new ArrayList<>(), page -> false);

        assertThat(hub.requests()).hasSize(3);
        assertThat(hub.requests().get(0)).contains("expand%5B%5D=childrenModelCount");
        assertThat(hub.requests().subList(1, 3)).noneMatch(r -> r.contains("childrenModelCount"));
        assertThat(client.listsCarryChildCounts()).isFalse();
    }

    @Test
    void aMirrorThatListsChildCountsKeepsThem() throws Exception {
        try (HubFixtureServer mirror = HubFixtureServer.start(FixtureFamily.generate(), true)) {
            HubClient mirrored = client(HubTestSettings.of(mirror.uri(), "", 3, 100, 2000));
            List<HubEntry> first = new ArrayList<>();

            mirrored.children(FixtureFamily.ROOT, new ArrayList<>(), page -> !first.addAll(page));

            assertThat(mirrored.listsCarryChildCounts()).isTrue();
            assertThat(first).allSatisfy(e -> assertThat(e.childCount()).isNotNull());
        }
    }

    @Test
    void aNextLinkToAnotherHostIsRefused() throws Exception {
        hub.script("/api/models?filter=base_model%3Aa%2Fb", 1, FixtureResponse.of(200, "[]")
                .header("Link", "<https://evil.example/api/models?cursor=x>; rel=\"next\""));

        assertThatThrownBy(() -> client.children("a/b", new ArrayList<>(), page -> true))
                .isInstanceOf(HubException.class).hasMessageContaining("evil.example");
    }

    @Test
    void malformedLinksAndRedirectsFailTheirItemWithAClearMessage() throws Exception {
        hub.script("/api/models?filter=base_model%3Aa%2Fmail", 1, FixtureResponse.of(200, "[]")
                .header("Link", "<mailto:admin@example.com>; rel=\"next\""));
        hub.script("/api/models?filter=base_model%3Aa%2Fspace", 1, FixtureResponse.of(200, "[]")
                .header("Link", "</api/models?cursor=a b>; rel=\"next\""));
        hub.script("/api/models/a/moved", 1, new FixtureResponse(307, Map.of("Location", "http://[oops/api/models/x"), "", null));

        assertThatThrownBy(() -> client.children("a/mail", new ArrayList<>(), page -> true)).isInstanceOf(HubException.class)
                .hasMessageContaining("not an http(s) URL").hasMessageContaining("mailto:");
        assertThatThrownBy(() -> client.children("a/space", new ArrayList<>(), page -> true)).isInstanceOf(HubException.class)
                .hasMessageContaining("cursor=a b");
        assertThatThrownBy(() -> client.model("a/moved")).isInstanceOf(HubException.class)
                .hasMessageContaining("redirects to an invalid location");
    }

    @Test
    void theTokenIsSentAsABearer() throws Exception {
        HubClient withToken = client(HubTestSettings.of(hub.uri(), "hf_secret", 3, 100, 2000));
        hub.script("/api/models/" + FixtureFamily.ROOT, 1, FixtureResponse.of(200, "{\"id\":\"a/b\"}"));

        withToken.model(FixtureFamily.ROOT);

        assertThat(hub.authorizations()).containsExactly("Bearer hf_secret");
    }

    private HubClient client(HubSettings settings) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        upstream = HubTestSettings.upstream(settings, waits::add, clock);
        return new HubClient(settings, upstream);
    }
}
