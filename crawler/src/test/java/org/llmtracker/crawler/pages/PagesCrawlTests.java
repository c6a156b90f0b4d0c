package org.llmtracker.crawler.pages;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.crawler.run.CrawlRunner;
import org.llmtracker.crawler.testing.TestHttp;
import org.llmtracker.graph.article.ArticleStore;
import org.llmtracker.graph.catalog.CatalogEntry;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.run.CrawlRun;
import org.llmtracker.graph.run.CrawlStatus;
import org.llmtracker.graph.run.CrawlRunStore;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Entries;
import org.llmtracker.graph.testing.Neo4jTest;

import com.github.tomakehurst.wiremock.WireMockServer;

@Neo4jTest
class PagesCrawlTests {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private final WireMockServer site = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    PagesCrawlTests() {
        site.start();
    }

    @AfterEach
    void stop() {
        site.stop();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + site.port() + path;
    }

    private void catalogue(Graph graph, String... links) {
        CatalogEntry llama = Entries.model("llama");
        new CatalogWriter(graph).applyFile(List.of(new CatalogEntry(llama.id(), llama.name(), llama.kind(),
                llama.organisation(), llama.region(), llama.parameters(), llama.openSource(), llama.releasedAt(),
                llama.license(), llama.description(), List.of(), List.of(), List.of(), List.of(links))), NOW);
    }

    private CrawlRun run(Graph graph, Set<String> allowed, Instant at) {
        PageSettings settings = new PageSettings(TestHttp.settings("pages", ""), 2, allowed, Duration.ofDays(30), 4);
        PagesCrawl crawl = new PagesCrawl(new ArticleStore(graph), settings, d -> { }, Clock.fixed(at, ZoneOffset.UTC));
        return new CrawlRunner(List.of(crawl), new CrawlRunStore(graph), Clock.fixed(at, ZoneOffset.UTC))
                .run("pages").orElseThrow();
    }

    @Test
    void aReferencePageBecomesAnArticleWithItsTitleAndSite(Graph graph) {
        site.stubFor(get(urlEqualTo("/paper")).willReturn(aResponse().withStatus(301).withHeader("Location", "/abs")));
        site.stubFor(get(urlEqualTo("/abs")).willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<html><head><title>[2302.13971] LLaMA</title>"
                        + "<meta property=\"og:site_name\" content=\"arXiv.org\"></head><body></body></html>")));
        catalogue(graph, url("/paper"));

        CrawlRun run = run(graph, Set.of("127.0.0.1:" + site.port()), NOW);

        assertThat(run.counts()).containsEntry("fetched", 1L).containsEntry("changed", 1L);
        assertThat(run.requests()).isEqualTo(2);
        String article = graph.read(tx -> tx.run("MATCH (:Model {id: 'llama'})-[:DESCRIBED_IN]->(a:Article) "
                + "RETURN a.url + ' | ' + a.title + ' | ' + a.site AS a").single().get("a").asString());
        assertThat(article).isEqualTo(url("/paper") + " | [2302.13971] LLaMA | arXiv.org");

        CrawlRun again = run(graph, Set.of("127.0.0.1:" + site.port()), NOW.plus(Duration.ofDays(1)));
        assertThat(again.requests()).as("fetched recently: skipped").isZero();
    }

    @Test
    void loopbackAndPrivateHostsAreRefusedUnlessAllowed(Graph graph) {
        site.stubFor(get(urlEqualTo("/admin")).willReturn(aResponse().withBody("<title>secret</title>")));
        catalogue(graph, url("/admin"), "http://10.1.2.3/internal", "http://169.254.169.254/latest/meta-data");

        CrawlRun run = run(graph, Set.of(), NOW);

        assertThat(run.counts()).containsEntry("failed", 3L);
        assertThat(run.requests()).isZero();
        assertThat(run.errors()).allSatisfy(e -> assertThat(e).contains("non-public address"));
        assertThat(site.getAllServeEvents()).isEmpty();
    }

    @Test
    void tooManyRedirectsAndTimeoutsFailOnlyThatLink(Graph graph) {
        site.stubFor(get(urlEqualTo("/loop")).willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));
        site.stubFor(get(urlEqualTo("/slow")).willReturn(aResponse().withFixedDelay(2000).withBody("<title>x</title>")));
        site.stubFor(get(urlEqualTo("/ok")).willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<title>Fine</title>")));
        catalogue(graph, url("/loop"), url("/slow"), url("/ok"));

        CrawlRun run = run(graph, Set.of("127.0.0.1:" + site.port()), NOW);

        assertThat(run.counts()).containsEntry("failed", 2L).containsEntry("fetched", 1L);
        assertThat(run.errors()).anySatisfy(e -> assertThat(e).contains("more than 2 redirects"));
    }

    @Test
    void aLinkTooLongToFetchFailsAloneAndThePagesBeforeAndAfterItAreKept(Graph graph) {
        site.stubFor(get(urlEqualTo("/a")).willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<title>A</title>")));
        site.stubFor(get(urlEqualTo("/z")).willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<title>Z</title>")));
        String huge = url("/m?" + "x".repeat(9_000));
        catalogue(graph, url("/a"), huge, url("/z"));

        CrawlRun run = run(graph, Set.of("127.0.0.1:" + site.port()), NOW);

        assertThat(run.status()).isEqualTo(CrawlStatus.PARTIAL);
        assertThat(run.counts()).containsEntry("fetched", 2L).containsEntry("failed", 1L);
        assertThat(run.errors()).singleElement().asString().hasSizeLessThan(400)
                .contains("a URL of " + huge.length() + " characters");
        List<String> titles = graph.read(tx -> tx.run("MATCH (a:Article) WHERE a.title IS NOT NULL RETURN a.title AS t")
                .list(r -> r.get("t").asString()));
        assertThat(titles).containsExactlyInAnyOrder("A", "Z");
    }
}
