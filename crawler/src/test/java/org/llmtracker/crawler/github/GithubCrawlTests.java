package org.llmtracker.crawler.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmtracker.crawler.testing.GithubMirror;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.run.CrawlRun;
import org.llmtracker.graph.run.CrawlStatus;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Entries;
import org.llmtracker.graph.testing.Neo4jTest;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

@Neo4jTest
class GithubCrawlTests {

    private static final String LLAMA = "facebookresearch/llama";
    private static final String FASTCHAT = "lm-sys/FastChat";

    private final GithubMirror mirror = new GithubMirror();
    @TempDir
    Path cache;
    private Graph graph;

    @BeforeEach
    void catalogue(Graph graph) {
        this.graph = graph;
        new CatalogWriter(graph).applyFile(List.of(
                Entries.withHosting(Entries.model("llama"), List.of(LLAMA), List.of()),
                Entries.withHosting(Entries.model("vicuna"), List.of(FASTCHAT), List.of("lmsys/vicuna-13b-delta-v0"))),
                GithubCrawlFixture.DAY_ONE);
    }

    @AfterEach
    void stop() {
        mirror.close();
    }

    private GithubCrawlFixture fixture() {
        return fixture(Duration.ofSeconds(60));
    }

    private GithubCrawlFixture fixture(Duration maxWait) {
        return new GithubCrawlFixture(graph, mirror, cache, maxWait, GithubCrawlFixture.at(GithubCrawlFixture.DAY_ONE));
    }

    private void serveBoth() {
        mirror.repository(LLAMA).stars(727).forks(516).serve();
        mirror.releases(LLAMA, mirror.recordedReleases(LLAMA), 100);
        mirror.readme(LLAMA, "<h1>LLaMA</h1><p>Weights: <a href=\"https://huggingface.co/huggyllama/llama-7b\">7B</a>, "
                + "paper <a href=\"https://arxiv.org/pdf/2302.13971v1.pdf\">LLaMA: Open and Efficient Foundation Language Models</a>"
                + " and <a href=\"https://huggingface.co/datasets/tatsu-lab/alpaca\">data</a>.</p>");
        mirror.repository(FASTCHAT).stars(30000).forks(3000).archived(true).serve();
        mirror.releases(FASTCHAT, List.of(), 100);
        mirror.tags(FASTCHAT, "v0.2.36", "v0.2.35");
        mirror.readme(FASTCHAT, "<p>See <a href=\"https://huggingface.co/lmsys/vicuna-7b-v1.5\">Vicuna</a></p>");
    }

    @Test
    void aFirstRunStoresFiguresReleasesAndReadmeLinks() {
        serveBoth();

        CrawlRun run = fixture().run();

        assertThat(run.errors()).isEmpty();
        assertThat(run.status()).isEqualTo(CrawlStatus.SUCCEEDED);
        assertThat(run.counts()).containsEntry("fetched", 2L).containsEntry("changed", 2L)
                .doesNotContainKey("failed");
        assertThat(run.requests()).isEqualTo(run.counts().get("quotaUsed")).isEqualTo(mirror.served().size());
        Map<String, Object> llama = fixture().repository(LLAMA);
        assertThat(llama).containsEntry("stars", 727L).containsEntry("forks", 516L).containsEntry("watchers", 50L)
                .containsEntry("openIssues", 78L).containsEntry("license", "MIT").containsEntry("archived", false)
                .containsEntry("topics", List.of("llm")).containsEntry("description", "Java API for GitHub")
                .containsEntry("status", "ok");
        assertThat(((ZonedDateTime) llama.get("pushedAt")).toInstant()).hasToString("2021-01-14T22:27:01Z");
        assertThat(fixture().repository(FASTCHAT.toLowerCase())).containsEntry("archived", true);
        assertThat(count("MATCH (:Repository {fullName: $f})-[:PUBLISHED]->(x:Release) RETURN count(x)", LLAMA))
                .isEqualTo(30);
        Map<String, Object> latest = graph.read(tx -> tx.run("""
                MATCH (x:Release {key: 'facebookresearch/llama@v2.12.8'})
                RETURN x.name AS name, toString(x.publishedAt) AS at, x.prerelease AS pre
                """).single().asMap());
        assertThat(latest).containsEntry("name", "hub 2.12.8").containsEntry("at", "2019-10-03T00:57:23Z")
                .containsEntry("pre", false);
        assertThat(count("MATCH (:Repository {fullName: $f})-[:PUBLISHED]->(x:Release) WHERE x.publishedAt IS NULL "
                + "RETURN count(x)", FASTCHAT.toLowerCase())).as("tags stand in for releases").isEqualTo(2);
        assertThat(count("MATCH (:Repository {fullName: $f})-[:HAD]->(s:Snapshot {stars: 727, forks: 516}) "
                + "RETURN count(s)", LLAMA)).isEqualTo(1);
        List<String> hfIds = graph.read(tx -> tx.run("MATCH (m:Model) RETURN m.id AS id, m.hfId AS hf ORDER BY id")
                .list(r -> r.get("id").asString() + "=" + r.get("hf").asString(null)));
        assertThat(hfIds)
                .as("a README fills an empty hfId, never the catalogue's")
                .containsExactly("llama=huggyllama/llama-7b", "vicuna=lmsys/vicuna-13b-delta-v0");
        String article = graph.read(tx -> tx.run("MATCH (:Model {id: 'llama'})-[:DESCRIBED_IN]->(a:Article) "
                + "RETURN a.url + ' | ' + a.title + ' | ' + a.site AS a").single().get("a").asString());
        assertThat(article)
                .isEqualTo("https://arxiv.org/abs/2302.13971 | LLaMA: Open and Efficient Foundation Language Models | arXiv");
    }

    @Test
    void anUnchangedSecondRunCostsOneRevalidatedRequestPerRepositoryAndNoQuota() {
        serveBoth();
        GithubCrawlFixture fixture = fixture();
        fixture.run();
        int firstRunRequests = mirror.served().size();

        CrawlRun second = fixture.run();

        List<ServeEvent> secondRun = mirror.served().subList(firstRunRequests, mirror.served().size());
        assertThat(secondRun).hasSize(2).allSatisfy(e -> {
            assertThat(e.getRequest().getUrl()).startsWith("/repos/");
            assertThat(e.getRequest().getHeader("If-None-Match")).startsWith("W/\"");
            assertThat(e.getResponse().getStatus()).isEqualTo(304);
        });
        assertThat(second.status()).isEqualTo(CrawlStatus.SUCCEEDED);
        assertThat(second.requests()).isEqualTo(2);
        assertThat(second.counts()).containsEntry("unchanged", 2L).containsEntry("quotaUsed", 0L);
        assertThat(count("MATCH (s:Snapshot) RETURN count(s)", null)).isEqualTo(2);
        assertThat(fixture.repository(LLAMA)).containsEntry("stars", 727L);
    }

    @Test
    void releasesOverSeveralPagesFollowTheLinkHeader() {
        serveBoth();
        mirror.releases(LLAMA, mirror.recordedReleases(LLAMA), 10);

        fixture().run();

        assertThat(mirror.served()).extracting(e -> e.getRequest().getUrl())
                .contains("/repos/facebookresearch/llama/releases?per_page=100",
                        "/repos/facebookresearch/llama/releases?per_page=100&page=2",
                        "/repos/facebookresearch/llama/releases?per_page=100&page=3");
        assertThat(count("MATCH (:Repository {fullName: $f})-[:PUBLISHED]->(x:Release) RETURN count(x)", LLAMA))
                .isEqualTo(30);
    }

    @Test
    void aSpentPrimaryLimitEndsTheRunPartialAndTheNextRunStartsWhereItStopped() {
        serveBoth();
        mirror.server().stubFor(get(urlEqualTo("/repos/" + FASTCHAT)).atPriority(1)
                .willReturn(mirror.primaryLimit(3600)));
        GithubCrawlFixture fixture = fixture();

        CrawlRun first = fixture.run();

        assertThat(first.status()).isEqualTo(CrawlStatus.PARTIAL);
        assertThat(first.note()).contains("Rate limited").contains("3601 s").contains("starting with " + FASTCHAT);
        assertThat(fixture.waits).isEmpty();
        assertThat(fixture.repository(FASTCHAT.toLowerCase())).doesNotContainKey("stars");

        mirror.reset();
        serveBoth();
        // The next scheduled run, hours later, when the window has long reset.
        CrawlRun second = new GithubCrawlFixture(graph, mirror, cache, Duration.ofSeconds(60),
                GithubCrawlFixture.at(GithubCrawlFixture.DAY_ONE.plus(Duration.ofHours(6)))).run();

        assertThat(second.status()).isEqualTo(CrawlStatus.SUCCEEDED);
        assertThat(mirror.served().get(0).getRequest().getUrl()).isEqualTo("/repos/" + FASTCHAT);
        assertThat(fixture.repository(FASTCHAT.toLowerCase())).containsEntry("stars", 30000L);
    }

    /** Answers the first {@code times} requests for {@code path} with {@code failure}, then the normal stub. */
    private void failFirst(String path, int times, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder failure) {
        for (int i = 0; i < times; i++) {
            mirror.server().stubFor(get(urlEqualTo(path)).atPriority(1).inScenario(path)
                    .whenScenarioStateIs(i == 0 ? com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED : "failed-" + i)
                    .willReturn(failure).willSetStateTo("failed-" + (i + 1)));
        }
    }

    @Test
    void aSecondaryLimitWithRetryAfterIsWaitedOut() {
        serveBoth();
        failFirst("/repos/" + LLAMA, 1, mirror.secondaryLimit(7));
        GithubCrawlFixture fixture = fixture();

        CrawlRun run = fixture.run();

        assertThat(fixture.waits).containsExactly(Duration.ofSeconds(7));
        assertThat(run.status()).isEqualTo(CrawlStatus.SUCCEEDED);
        assertThat(fixture.repository(LLAMA)).containsEntry("stars", 727L);
    }

    @Test
    void aSecondaryLimitWithoutRetryAfterWaitsAMinuteThenLongerEachTime() {
        serveBoth();
        failFirst("/repos/" + LLAMA, 2, mirror.secondaryLimit(null));
        GithubCrawlFixture fixture = fixture(Duration.ofMinutes(5));

        CrawlRun run = fixture.run();

        assertThat(fixture.waits).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(120));
        assertThat(run.status()).isEqualTo(CrawlStatus.SUCCEEDED);
        assertThat(fixture.repository(LLAMA)).containsEntry("stars", 727L);
    }

    @Test
    void aSecondaryLimitLongerThanTheLongestWaitEndsTheRunPartial() {
        serveBoth();
        failFirst("/repos/" + LLAMA, 1, mirror.secondaryLimit(3600));

        CrawlRun run = fixture().run();

        assertThat(run.status()).isEqualTo(CrawlStatus.PARTIAL);
        assertThat(run.note()).contains("3600 s");
    }

    @Test
    void aServerErrorIsRetriedWithBackOff() {
        serveBoth();
        failFirst("/repos/" + LLAMA, 2, aResponse().withStatus(502).withBody("{\"message\":\"Server Error\"}"));
        GithubCrawlFixture fixture = fixture();

        CrawlRun run = fixture.run();

        assertThat(fixture.waits).hasSize(2);
        assertThat(fixture.waits.get(1)).isGreaterThanOrEqualTo(Duration.ofMillis(10));
        assertThat(run.counts()).containsEntry("changed", 2L).doesNotContainKey("failed");
        assertThat(fixture.repository(LLAMA)).containsEntry("stars", 727L);
    }

    @Test
    void aTimeoutIsRetriedAndPersistentTimeoutsFailOnlyThatRepository() {
        serveBoth();
        failFirst("/repos/" + LLAMA, 1, aResponse().withFixedDelay(1500).withStatus(200).withBody("{}"));
        mirror.server().stubFor(get(urlEqualTo("/repos/" + FASTCHAT)).atPriority(1)
                .willReturn(aResponse().withFixedDelay(1500).withStatus(200).withBody("{}")));
        GithubCrawlFixture fixture = fixture();

        CrawlRun run = fixture.run();

        assertThat(fixture.repository(LLAMA)).containsEntry("stars", 727L);
        assertThat(run.status()).isEqualTo(CrawlStatus.PARTIAL);
        assertThat(run.counts()).containsEntry("failed", 1L).containsEntry("changed", 1L);
        assertThat(run.errors()).singleElement().asString().startsWith(FASTCHAT + ": ").contains("failed 3 times")
                .contains("no data for 700 ms").doesNotContain("HTTP response code");
    }

    @Test
    void malformedJsonFailsThatRepositoryAndLeavesItsStoredDataAlone() {
        serveBoth();
        GithubCrawlFixture fixture = fixture();
        fixture.run();
        mirror.server().stubFor(get(urlEqualTo("/repos/" + LLAMA)).atPriority(1).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("ETag", "W/\"broken\"").withBody("{\"id\": 617210, \"full_name\": \"facebookresearch/ll")));
        mirror.repository(FASTCHAT).stars(31000).forks(3000).archived(true).serve();

        CrawlRun run = fixture.run();

        assertThat(run.counts()).containsEntry("failed", 1L).containsEntry("changed", 1L);
        assertThat(run.errors()).singleElement().asString().startsWith(LLAMA + ": ");
        assertThat(fixture.repository(LLAMA)).containsEntry("stars", 727L).containsEntry("status", "ok");
        assertThat(fixture.repository(FASTCHAT.toLowerCase())).containsEntry("stars", 31000L);
    }

    @Test
    void aRenamedRepositoryKeepsItsHistoryUnderTheNewNameAndTheOldNameAsAlias() {
        serveBoth();
        GithubCrawlFixture fixture = fixture();
        fixture.run();
        mirror.reset();
        serveBoth();
        mirror.moved(LLAMA, 617210);
        mirror.repository("meta-llama/llama").id(617210).stars(800).forks(520).pushedAt("2021-02-01T00:00:00Z").serveById();
        mirror.releases("meta-llama/llama", mirror.recordedReleases("meta-llama/llama"), 100);
        mirror.readme("meta-llama/llama", "<p>moved</p>");

        CrawlRun run = new GithubCrawlFixture(graph, mirror, cache, Duration.ofSeconds(60),
                GithubCrawlFixture.at(GithubCrawlFixture.DAY_ONE.plus(Duration.ofDays(1)))).run();

        assertThat(run.counts()).containsEntry("renamed", 1L);
        Map<String, Object> renamed = fixture.repository("meta-llama/llama");
        assertThat(renamed).containsEntry("name", "meta-llama/llama").containsEntry("stars", 800L)
                .containsEntry("aliases", List.of(LLAMA));
        assertThat(count("MATCH (r:Repository {fullName: $f}) RETURN count(r)", LLAMA)).isZero();
        assertThat(count("MATCH (:Model {id: 'llama'})-[:HOSTED_AT]->(r:Repository {fullName: $f}) RETURN count(r)",
                "meta-llama/llama")).isEqualTo(1);
        assertThat(count("MATCH (:Repository {fullName: $f})-[:HAD]->(s:Snapshot) RETURN count(s)", "meta-llama/llama"))
                .as("the snapshot taken under the old name, and today's").isEqualTo(2);
        assertThat(count("MATCH (:Repository {fullName: $f})-[:PUBLISHED]->(x:Release) WHERE x.key STARTS WITH $f "
                + "RETURN count(x)", "meta-llama/llama")).isEqualTo(30);
        assertThat(count("MATCH (x:Release) RETURN count(x)", null)).isEqualTo(32);
    }

    @Test
    void aDeletedRepositoryIsMarkedGoneAndKeepsItsData() {
        serveBoth();
        GithubCrawlFixture fixture = fixture();
        fixture.run();
        mirror.reset();
        serveBoth();
        mirror.server().stubFor(get(urlEqualTo("/repos/" + LLAMA)).atPriority(1).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}")));

        CrawlRun run = fixture.run();

        assertThat(run.counts()).containsEntry("gone", 1L).doesNotContainKey("failed");
        assertThat(fixture.repository(LLAMA)).containsEntry("status", "gone").containsEntry("stars", 727L);
        assertThat(count("MATCH (:Repository {fullName: $f})-[:PUBLISHED]->(x) RETURN count(x)", LLAMA)).isEqualTo(30);
    }

    @Test
    void aShortPrimaryWaitIsWaitedOutAgainstTheServersClock() {
        serveBoth();
        failFirst("/repos/" + LLAMA, 1, mirror.primaryLimit(20));
        GithubCrawlFixture fixture = fixture();

        CrawlRun run = fixture.run();

        assertThat(fixture.waits).containsExactly(Duration.ofSeconds(21));
        assertThat(run.status()).isEqualTo(CrawlStatus.SUCCEEDED);
        assertThat(fixture.repository(LLAMA)).containsEntry("stars", 727L);
    }

    @Test
    void aSuccessfulAnswerThatSpendsTheLastOfTheQuotaStopsTheRunBeforeTheNextRequest() {
        serveBoth();
        mirror.server().stubFor(get(urlEqualTo("/repos/" + LLAMA)).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("Date", "Fri, 15 Jan 2021 00:26:38 GMT").withHeader("X-RateLimit-Limit", "5000")
                .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", "1610674000")
                .withBody(mirror.repository(LLAMA).stars(727).forks(516).json())));

        CrawlRun run = fixture().run();

        assertThat(run.status()).isEqualTo(CrawlStatus.PARTIAL);
        assertThat(run.note()).contains("rate limit spent");
        assertThat(mirror.served()).extracting(e -> e.getRequest().getUrl()).containsExactly("/repos/" + LLAMA);
    }

    @Test
    void snapshotsAreAppendedWhenFiguresMoveAtMostOnceADay() {
        serveBoth();
        fixture().run();
        mirror.repository(LLAMA).stars(730).forks(516).serve();
        new GithubCrawlFixture(graph, mirror, cache, Duration.ofSeconds(60),
                GithubCrawlFixture.at(GithubCrawlFixture.DAY_ONE.plus(Duration.ofHours(3)))).run();

        assertThat(fixture().repository(LLAMA)).containsEntry("stars", 730L);
        assertThat(count("MATCH (:Repository {fullName: $f})-[:HAD]->(s:Snapshot) RETURN count(s)", LLAMA))
                .as("same day: figures updated, no second snapshot").isEqualTo(1);

        mirror.repository(LLAMA).stars(750).forks(520).serve();
        new GithubCrawlFixture(graph, mirror, cache, Duration.ofSeconds(60),
                GithubCrawlFixture.at(GithubCrawlFixture.DAY_ONE.plus(Duration.ofDays(1)))).run();

        List<Long> stars = graph.read(tx -> tx.run("MATCH (:Repository {fullName: $f})-[:HAD]->(s:Snapshot) "
                + "RETURN s.stars AS stars ORDER BY s.at", Map.of("f", LLAMA)).list(r -> r.get("stars").asLong()));
        assertThat(stars).containsExactly(727L, 750L);
    }

    private long count(String cypher, String fullName) {
        return graph.read(tx -> tx.run(cypher, fullName == null ? Map.of() : Map.of("f", fullName)).single().get(0).asLong());
    }
}
