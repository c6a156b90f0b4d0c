package org.llmtracker.crawler.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.llmtracker.crawler.github.GithubCrawl;
import org.llmtracker.crawler.github.GithubSettings;
import org.llmtracker.crawler.http.HttpSettings;
import org.llmtracker.crawler.http.Upstream;
import org.llmtracker.crawler.huggingface.HubSettings;
import org.llmtracker.crawler.huggingface.HuggingFaceCrawl;
import org.llmtracker.crawler.huggingface.testing.FixtureFamily;
import org.llmtracker.crawler.huggingface.testing.HubFixtureServer;
import org.llmtracker.crawler.pages.PageSettings;
import org.llmtracker.crawler.pages.PagesCrawl;
import org.llmtracker.crawler.run.CrawlRunner;
import org.llmtracker.crawler.run.Job;
import org.llmtracker.crawler.testing.FaultProxy;
import org.llmtracker.crawler.testing.GithubMirror;
import org.llmtracker.graph.article.ArticleStore;
import org.llmtracker.graph.catalog.CatalogEntry;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.hub.HubFamilies;
import org.llmtracker.graph.repository.RepositoryReads;
import org.llmtracker.graph.repository.RepositoryWriter;
import org.llmtracker.graph.run.CrawlRun;
import org.llmtracker.graph.run.CrawlRunStore;
import org.llmtracker.graph.run.CrawlStatus;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Entries;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * One upstream's mirror behind a {@link FaultProxy}, a catalogue that makes its job call it,
 * and the job wired with short deadlines and a sleeper that records its waits.
 */
abstract class FaultArena implements AutoCloseable {

    static final Instant DAY = Instant.parse("2026-11-23T08:00:00Z");

    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final Graph graph;
    FaultProxy proxy;

    FaultArena(Graph graph) {
        this.graph = graph;
    }

    static FaultArena of(String upstream, Graph graph, Path cache) {
        return switch (upstream) {
            case "github" -> new Github(graph, cache);
            case "huggingface" -> new Hub(graph);
            case "pages" -> new Pages(graph);
            default -> throw new IllegalArgumentException(upstream);
        };
    }

    private boolean tight;

    /**
     * Under faults: 1 s to connect, 400 ms of silence, an 800 ms deadline, 2 attempts, waits up to 30 s, bodies up
     * to 1 MiB. The good run before has room for a cold JVM on a busy machine.
     */
    HttpSettings settings(String name) {
        return tight
                ? HttpSettings.builder(name)
                        .connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofMillis(400)).deadline(Duration.ofMillis(800))
                        .maxAttempts(2).retryBaseDelay(Duration.ofMillis(1)).maxRateLimitWait(Duration.ofSeconds(30))
                        .maxBodyBytes(1 << 20).failuresBeforeDown(3).userAgent("llm-tracker-faults").build()
                : HttpSettings.builder(name)
                        .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(20)).deadline(Duration.ofSeconds(30))
                        .maxAttempts(3).retryBaseDelay(Duration.ofMillis(1)).maxRateLimitWait(Duration.ofSeconds(30))
                        .maxBodyBytes(1 << 20).failuresBeforeDown(3).userAgent("llm-tracker-faults").build();
    }

    FaultProxy proxy() {
        return proxy;
    }

    List<Duration> waits() {
        return waits;
    }

    /** A good run that stores what the faulty one must leave alone. */
    void baseline() {
        CrawlRun run = run(job(DAY), DAY);
        assertThat(run.status()).as(run.toString()).isIn(CrawlStatus.SUCCEEDED, CrawlStatus.PARTIAL);
        waits.clear();
    }

    /** The next run, a while later, through the proxy as it now answers. */
    CrawlRun runAgain() {
        tight = true;
        Instant later = DAY.plus(Duration.ofDays(40));
        return run(job(later), later);
    }

    abstract Job job(Instant at);

    private CrawlRun run(Job job, Instant at) {
        return new CrawlRunner(List.of(job), new CrawlRunStore(graph), Clock.fixed(at, ZoneOffset.UTC))
                .run(job.job()).orElseThrow();
    }

    static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    void catalogue(CatalogEntry... entries) {
        new CatalogWriter(graph).applyFile(List.of(entries), DAY.minus(Duration.ofDays(1)));
    }

    static final class Github extends FaultArena {

        private static final String LLAMA = "facebookresearch/llama";
        private static final String FASTCHAT = "lm-sys/FastChat";
        private final GithubMirror mirror = new GithubMirror();
        private final Path cache;

        Github(Graph graph, Path cache) {
            super(graph);
            this.cache = cache;
            proxy = new FaultProxy(URI.create(mirror.url()));
            proxy.wrongBody("{\"id\":\"seventeen\",\"full_name\":{\"a\":1},\"stargazers_count\":\"many\"}");
            catalogue(Entries.withHosting(Entries.model("llama"), List.of(LLAMA), List.of()),
                    Entries.withHosting(Entries.model("vicuna"), List.of(FASTCHAT), List.of()));
            for (String repo : List.of(LLAMA, FASTCHAT)) {
                mirror.repository(repo).stars(700).forks(50).serve();
                mirror.releases(repo, mirror.recordedReleases(repo), 100);
                mirror.readme(repo, "<p>See <a href=\"https://huggingface.co/huggyllama/llama-7b\">7B</a></p>");
            }
        }

        @Override
        Job job(Instant at) {
            GithubSettings settings = new GithubSettings(URI.create(proxy.url()), cache, 10 << 20, settings("GitHub"), 3,
                    Duration.ofDays(7));
            return new GithubCrawl(new RepositoryReads(graph), new RepositoryWriter(graph), new ArticleStore(graph), settings,
                    waits::add, at(at));
        }

        @Override
        public void close() {
            proxy.close();
            mirror.close();
        }
    }

    static final class Hub extends FaultArena {

        private final HubFixtureServer hub = HubFixtureServer.start(FixtureFamily.generate(), true);

        Hub(Graph graph) {
            super(graph);
            proxy = new FaultProxy(hub.uri());
            hub.advertise(URI.create(proxy.url()));
            proxy.wrongBody("{\"id\":42,\"downloads\":\"many\",\"tags\":{\"not\":\"a list\"}}");
            catalogue(Entries.withHosting(Entries.model("fixture-base"), List.of(), List.of(FixtureFamily.LEGACY_ROOT)));
        }

        @Override
        Job job(Instant at) {
            HubSettings settings = new HubSettings(URI.create(proxy.url()), 1, FixtureFamily.MIN_DOWNLOADS, 20, 100,
                    settings("the Hub"), 64);
            return new HuggingFaceCrawl(settings, Upstream.builder(settings.http(), waits::add, at(at)).build(),
                    new HubFamilies(graph), at(at));
        }

        @Override
        public void close() {
            proxy.close();
            hub.close();
        }
    }

    static final class Pages extends FaultArena {

        private final WireMockServer site = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

        Pages(Graph graph) {
            super(graph);
            site.start();
            proxy = new FaultProxy(URI.create(site.baseUrl()));
            for (String page : List.of("a", "b")) {
                site.stubFor(get(urlEqualTo("/" + page)).willReturn(aResponse().withHeader("Content-Type", "text/html")
                        .withBody("<html><head><title>Page " + page + "</title></head></html>")));
            }
            CatalogEntry llama = Entries.model("llama");
            catalogue(new CatalogEntry(llama.id(), llama.name(), llama.kind(), llama.organisation(), llama.region(),
                    llama.parameters(), llama.openSource(), llama.releasedAt(), llama.license(), llama.description(),
                    List.of(), List.of(), List.of(), List.of(proxy.url() + "/a", proxy.url() + "/b")));
        }

        @Override
        Job job(Instant at) {
            PageSettings settings = new PageSettings(settings("pages"), 2, Set.of("127.0.0.1:" + proxy.port()),
                    Duration.ofDays(30), 4);
            return new PagesCrawl(new ArticleStore(graph), settings, waits::add, at(at));
        }

        @Override
        public void close() {
            proxy.close();
            site.stop();
        }
    }
}
