package org.llmtracker.api.crawls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmtracker.api.testing.ApiTest;
import org.llmtracker.api.testing.Http;
import org.llmtracker.crawler.testing.GithubMirror;
import org.llmtracker.graph.repository.CrawlTarget;
import org.llmtracker.graph.repository.RepositoryReads;
import org.llmtracker.graph.store.Graph;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** The github and pages jobs through the API, against local mirrors of GitHub and a web page. */
@ApiTest
class GithubCrawlApiIT {

    @Autowired
    Http http;
    @Autowired
    GithubMirror mirror;
    @Autowired
    Graph graph;

    @Test
    void afterACrawlModelDetailShowsRecordedStarsAndLatestReleaseAndAnUnchangedCrawlAddsNoSnapshot() {
        List<String> repositories = new RepositoryReads(graph).targets().stream().map(CrawlTarget::name).toList();
        mirror.serveCatalogue(repositories);

        assertThat(http.post("/api/crawls/github?wait=true", null).status()).isIn(401, 403);
        var first = http.post("/api/crawls/github?wait=true", ApiTest.ADMIN_TOKEN);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(first.json().path("counts").path("fetched").asLong()).isEqualTo(repositories.size());
        JsonNode llama = http.get("/api/models/llama").json().path("repositories").get(0);
        assertThat(llama.path("fullName").asString()).isEqualTo("facebookresearch/llama");
        assertThat(llama.path("stars").asLong()).isEqualTo(GithubMirror.starsOf("facebookresearch/llama"));
        assertThat(llama.path("forks").asLong()).isEqualTo(GithubMirror.starsOf("facebookresearch/llama") / 10);
        assertThat(llama.path("latestRelease").path("tag").asString()).isEqualTo("v2.12.8");
        assertThat(llama.path("latestRelease").path("publishedAt").asString()).startsWith("2019-10-03T00:57:23");
        long snapshots = snapshots();

        var second = http.post("/api/crawls/github?wait=true", ApiTest.ADMIN_TOKEN);

        assertThat(second.json().path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(second.json().path("counts").path("unchanged").asLong()).isEqualTo(repositories.size());
        assertThat(second.json().path("counts").path("quotaUsed").asLong()).isZero();
        assertThat(second.json().path("requests").asLong()).isEqualTo(repositories.size());
        assertThat(snapshots()).isEqualTo(snapshots).isEqualTo(repositories.size());
        List<String> runs = http.get("/api/crawl-runs?job=github").json().valueStream()
                .map(r -> r.path("id").asString()).toList();
        assertThat(runs).contains(first.json().path("id").asString(), second.json().path("id").asString());
    }

    @Test
    void thePagesJobStoresTheTitleOfAReferenceLink() {
        String url = mirror.url() + "/pages/llama-paper";
        mirror.server().stubFor(get(urlEqualTo("/pages/llama-paper")).willReturn(aResponse()
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<html><head><title>LLaMA: Open and Efficient Foundation Language Models</title>"
                        + "<meta property=\"og:site_name\" content=\"arXiv.org\"></head></html>")));
        // Only the mirror's page is due: every catalogue link counts as freshly fetched, so no test reaches the internet.
        graph.write(tx -> tx.run("""
                MATCH (m:Model {catalogued: true}) UNWIND coalesce(m.links, []) AS link
                MERGE (a:Article {url: link}) SET a.fetchedAt = datetime('2026-11-23T08:00:00Z')
                WITH DISTINCT 1 AS done
                MATCH (m:Model {id: 'llama'}) SET m.links = coalesce(m.links, []) + $url
                """, Map.of("url", url)).consume());

        var run = http.post("/api/crawls/pages?wait=true", ApiTest.ADMIN_TOKEN);

        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().path("counts").path("fetched").asLong()).isEqualTo(1);
        String title = graph.read(tx -> tx.run("MATCH (:Model {id: 'llama'})-[:DESCRIBED_IN]->(a:Article {url: $url}) "
                + "RETURN a.title + ' | ' + a.site AS t", Map.of("url", url)).single().get("t").asString());
        assertThat(title).isEqualTo("LLaMA: Open and Efficient Foundation Language Models | arXiv.org");
    }

    private long snapshots() {
        return graph.read(tx -> tx.run("MATCH (:Repository)-[:HAD]->(s:Snapshot) RETURN count(s) AS n").single()
                .get("n").asLong());
    }
}
