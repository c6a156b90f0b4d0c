package org.llmtracker.crawler.github;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.llmtracker.crawler.testing.TestHttp;
import org.llmtracker.crawler.run.CrawlRunner;
import org.llmtracker.crawler.testing.GithubMirror;
import org.llmtracker.graph.article.ArticleStore;
import org.llmtracker.graph.repository.RepositoryReads;
import org.llmtracker.graph.repository.RepositoryWriter;
import org.llmtracker.graph.run.CrawlRun;
import org.llmtracker.graph.run.CrawlRunStore;
import org.llmtracker.graph.store.Graph;

/** A GitHub crawl wired to a {@link GithubMirror}, with waits recorded instead of slept. */
final class GithubCrawlFixture {

    static final Instant DAY_ONE = Instant.parse("2026-11-23T08:00:00Z");

    final List<Duration> waits = new ArrayList<>();
    private final Graph graph;
    private final GithubCrawl crawl;
    private final Clock clock;

    GithubCrawlFixture(Graph graph, GithubMirror mirror, Path cacheDir, Duration maxWait, Clock clock) {
        this(graph, mirror, cacheDir, maxWait, clock, "test-token");
    }

    GithubCrawlFixture(Graph graph, GithubMirror mirror, Path cacheDir, Duration maxWait, Clock clock, String token) {
        this.graph = graph;
        this.clock = clock;
        GithubSettings settings = new GithubSettings(URI.create(mirror.url()), cacheDir, 10 << 20,
                TestHttp.settings("GitHub", token).withMaxRateLimitWait(maxWait), 3, Duration.ofDays(7));
        this.crawl = new GithubCrawl(new RepositoryReads(graph), new RepositoryWriter(graph), new ArticleStore(graph), settings,
                waits::add, clock);
    }

    static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    CrawlRun run() {
        return new CrawlRunner(List.of(crawl), new CrawlRunStore(graph), clock).run("github").orElseThrow();
    }

    GithubCrawl crawl() {
        return crawl;
    }

    Map<String, Object> repository(String fullName) {
        return graph.read(tx -> tx.run("MATCH (r:Repository {fullName: $f}) RETURN r {.*} AS r", Map.of("f", fullName))
                .single().get("r").asMap());
    }

    long count(String cypher, Map<String, Object> params) {
        return graph.read(tx -> tx.run(cypher, params).single().get(0).asLong());
    }
}
