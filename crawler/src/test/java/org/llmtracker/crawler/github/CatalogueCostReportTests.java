package org.llmtracker.crawler.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmtracker.crawler.catalog.CatalogLoader;
import org.llmtracker.crawler.http.RequestMeter;
import org.llmtracker.crawler.run.CrawlRecorder;
import org.llmtracker.crawler.testing.GithubMirror;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.repository.CrawlTarget;
import org.llmtracker.graph.repository.RepositoryReads;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;

/**
 * What a GitHub crawl of the whole shipped catalogue costs, per repository: a first run, then
 * an unchanged one, against a mirror serving recorded-shape responses for every repository.
 * Prints a table per mode (see docs/outbound-http.md for the command) and holds the unchanged run to one
 * request per repository, and to no quota when authenticated (GitHub charges anonymous 304s).
 */
@Neo4jTest
class CatalogueCostReportTests {

    @TempDir
    Path cache;

    @Test
    void anUnchangedRunOfTheWholeCatalogueCostsOneRequestPerRepositoryAndNoQuota(Graph graph) {
        Map<String, RequestMeter.Reading> unchanged = report(graph, "test-token", "authenticated");

        assertThat(unchanged).allSatisfy((repository, cost) -> {
            assertThat(cost.requests()).as(repository).isEqualTo(1);
            assertThat(cost.quota()).as(repository).isZero();
        });
    }

    @Test
    void anonymouslyAnUnchangedRepositoryStillCostsOneRequestButThatRequestCountsAgainstTheLimit(Graph graph) {
        Map<String, RequestMeter.Reading> unchanged = report(graph, "", "anonymous");

        assertThat(unchanged).allSatisfy((repository, cost) -> {
            assertThat(cost.requests()).as(repository).isEqualTo(1);
            assertThat(cost.quota()).as(repository).isEqualTo(1);
        });
    }

    private Map<String, RequestMeter.Reading> report(Graph graph, String token, String mode) {
        new CatalogWriter(graph).applyFile(new CatalogLoader().loadShipped(), GithubCrawlFixture.DAY_ONE);
        List<String> repositories = new RepositoryReads(graph).targets().stream().map(CrawlTarget::name).toList();
        try (GithubMirror mirror = new GithubMirror()) {
            mirror.serveCatalogue(repositories);
            GithubCrawl crawl = new GithubCrawlFixture(graph, mirror, cache.resolve(mode), Duration.ofSeconds(60),
                    GithubCrawlFixture.at(GithubCrawlFixture.DAY_ONE), token).crawl();
            Map<String, RequestMeter.Reading> first = new LinkedHashMap<>();
            Map<String, RequestMeter.Reading> unchanged = new LinkedHashMap<>();
            CrawlRecorder firstRun = new CrawlRecorder();
            crawl.run(firstRun, first::put);
            CrawlRecorder secondRun = new CrawlRecorder();
            crawl.run(secondRun, unchanged::put);

            print(mode, first, unchanged, firstRun, secondRun);
            assertThat(firstRun.errors()).isEmpty();
            assertThat(unchanged).hasSize(repositories.size());
            return unchanged;
        }
    }

    private static void print(String mode, Map<String, RequestMeter.Reading> first,
            Map<String, RequestMeter.Reading> unchanged, CrawlRecorder firstRun, CrawlRecorder secondRun) {
        StringBuilder table = new StringBuilder("\nGitHub crawl cost per repository (" + mode + ")\n");
        table.append(String.format("%-50s %14s %11s %18s %15s%n", "repository", "first requests", "first quota",
                "unchanged requests", "unchanged quota"));
        first.forEach((repository, cost) -> {
            RequestMeter.Reading again = unchanged.get(repository);
            table.append(String.format("%-50s %14d %11d %18d %15d%n", repository, cost.requests(), cost.quota(),
                    again.requests(), again.quota()));
        });
        table.append(String.format("%-50s %14d %11d %18d %15d%n", "TOTAL (" + first.size() + " repositories)",
                firstRun.requests(), firstRun.counts().getOrDefault("quotaUsed", 0L), secondRun.requests(),
                secondRun.counts().getOrDefault("quotaUsed", 0L)));
        System.out.println(table);
    }
}
