package org.llmtracker.api.digest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.llmtracker.api.i18n.I18nConfiguration;
import org.llmtracker.api.i18n.Languages;
import org.llmtracker.api.i18n.Texts;
import org.llmtracker.crawler.http.HttpSettings;
import org.llmtracker.crawler.http.RateWindow;
import org.llmtracker.crawler.http.Upstream;
import org.llmtracker.crawler.huggingface.HubListing;
import org.llmtracker.crawler.run.CrawlRecorder;
import org.llmtracker.crawler.sweep.HubSweep;
import org.llmtracker.crawler.sweep.SweepSettings;
import org.llmtracker.crawler.sweep.testing.HubShape;
import org.llmtracker.crawler.sweep.testing.ListingServer;
import org.llmtracker.crawler.sweep.testing.MutableHub;
import org.llmtracker.crawler.testing.TestHttp;
import org.llmtracker.crawler.webhook.WebhookDelivery;
import org.llmtracker.graph.digest.Digest;
import org.llmtracker.graph.digest.DigestLists;
import org.llmtracker.graph.digest.DigestQueries;
import org.llmtracker.graph.digest.DigestStore;
import org.llmtracker.graph.digest.IsoWeek;
import org.llmtracker.graph.hub.HubListingStore;
import org.llmtracker.graph.hub.SweepStates;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.llmtracker.graph.testing.SteppingClock;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import tools.jackson.databind.json.JsonMapper;

/**
 * A Hub-scale week: the sweep's listing stand-in (the recorded list format: Link cursors,
 * rate-limit headers) serves 26,130 generated models (a few hundred big bases and heavy-tailed
 * families of fine-tunes, quantizations, adapters and merges below them); one sweep stores them
 * all, so all are first seen this week; then the digest. Every format keeps its bound, every
 * total is what a direct count of the store says, and the webhook gets one message that fits.
 */
@Neo4jTest
class HubScaleDigestIT {

    private static final int MODELS = 26_130;
    private static final Instant SWEPT = Instant.parse("2026-11-02T06:00:00Z");
    private static final String BASE_URL = "https://tracker.example.org";

    private final JsonMapper json = JsonMapper.builder().build();

    @RegisterExtension
    final WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @Test
    void aWeekOfTwentySixThousandNewModelsMakesADigestThatFitsEverywhere(Graph graph) throws Exception {
        sweep(graph);
        // The catalogue names a few of the big bases: their news comes first.
        graph.write(tx -> tx.run("""
                MATCH (m:Model) WHERE m.id IN ['meta-llama/base-26120', 'qwen/base-26122', 'mistralai/base-26121']
                SET m.catalogued = true""").consume());
        IsoWeek week = IsoWeek.containing(SWEPT);
        Texts english = new Texts(I18nConfiguration.messageSource(), Languages.ENGLISH);
        Texts chinese = new Texts(I18nConfiguration.messageSource(), Languages.CHINESE);
        SteppingClock clock = new SteppingClock(week.end().plus(Duration.ofHours(8)), Duration.ZERO);
        receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withBody("ok")));
        WebhookDelivery webhook = new WebhookDelivery(URI.create(receiver.baseUrl() + "/hook"), "",
                TestHttp.settings("webhook", "").withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(30)),
                d -> { }, clock);
        DigestService digests = new DigestService(new DigestQueries(graph), new DigestStore(graph), json, clock, webhook, null,
                english, BASE_URL);

        long t0 = System.nanoTime();
        Digest digest = digests.build(week);
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        CrawlRecorder recorder = new CrawlRecorder();
        digests.deliver(digest, recorder);

        // every section's total is what the store says
        Map<String, Long> counted = counts(graph, week);
        assertThat(digest.newModels().total()).isEqualTo(counted.get("firstSeen")).isGreaterThanOrEqualTo(25_000);
        assertThat(digest.newFamilies().total()).isEqualTo(counted.get("roots"));
        assertThat(digest.families().total()).isEqualTo(counted.get("families"));
        // the whole derivatives list (groups by catalogued model and relation) counts every new model below a catalogued one
        List<Digest.DerivativeGroup> groups = new DigestQueries(graph).lists(week).derivatives();
        assertThat(digest.derivatives().total()).isEqualTo(groups.size());
        assertThat(groups.stream().mapToLong(Digest.DerivativeGroup::count).sum()).isEqualTo(counted.get("belowCatalogued"));
        assertThat(digest.releases().total()).isEqualTo(counted.get("releases"));
        Digest.WeekCounts c = digest.counts();
        assertThat(c.newFamilies() + c.newVersions() + c.derivatives() + c.unplaced()).isEqualTo(c.firstSeen());
        // the family that grew most, by a direct count, is named first; each shown family's count is the store's
        List<Map.Entry<String, Long>> biggest = biggestFamilies(graph, week);
        assertThat(digest.families().items().get(0).id()).isEqualTo(biggest.get(0).getKey());
        Map<String, Long> byHead = new HashMap<>();
        biggest.forEach(e -> byHead.put(e.getKey(), e.getValue()));
        digest.families().items().forEach(f -> assertThat(f.newDescendants()).as(f.id()).isEqualTo(byHead.get(f.id())));
        assertThat(digest.families().items()).hasSize(10);
        // the paged list behind a family holds exactly its count
        Digest.FamilyGrowth top = digest.families().items().get(0);
        assertThat(new DigestLists(graph).newModels(week, top.id(), null, 0, 50).total()).isEqualTo(top.newDescendants());

        // sizes, in both languages, whatever the week holds
        String stored = digests.find(week).orElseThrow().json();
        for (Texts texts : List.of(english, chinese)) {
            DigestOutline outline = DigestOutline.of(digest, texts, BASE_URL);
            String markdown = MarkdownDigest.render(outline);
            String page = HtmlDigest.page(outline, Languages.tag(texts.locale()));
            String atom = AtomFeed.render(List.of(digest), BASE_URL, clock.instant(), texts);
            System.out.printf(Locale.ROOT, "hub-scale digest (%s): %,d new models, built in %,d ms; JSON %,d B, Markdown %,d chars, HTML %,d B, Atom %,d B%n",
                    Languages.tag(texts.locale()), digest.newModels().total(), buildMs, stored.length(), markdown.length(),
                    page.getBytes(StandardCharsets.UTF_8).length, atom.getBytes(StandardCharsets.UTF_8).length);
            assertThat(markdown.length()).isLessThanOrEqualTo(MarkdownDigest.MAX_CHARS);
            assertThat(page.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(HtmlDigest.MAX_BYTES);
            assertThat(atom.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(HtmlDigest.MAX_BYTES + 10_000);
            assertThat(markdown).contains(BASE_URL + "/digests/" + week + "/new-models", top.name());
            assertThat(Jsoup.parse(page).select("section#families li").first().text()).contains(top.name());
        }
        assertThat(stored.length()).isLessThan(200_000);

        // the webhook: one message, within Slack's limit, that leads to the whole digest
        assertThat(recorder.counts()).containsEntry("delivered", 1L);
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> posts = receiver.findAll(postRequestedFor(urlEqualTo("/hook")));
        assertThat(posts).hasSize(1);
        String text = json.readTree(posts.get(0).getBody()).get("text").asString();
        assertThat(text.length()).isLessThanOrEqualTo(40_000);
        assertThat(text).contains(BASE_URL + "/digests/" + week + ">");

        screenshots(digest, english, chinese);

        // what the digest read before the ancestry index: a variable-length walk per new model (for the report)
        long o0 = System.nanoTime();
        long walked = graph.read(tx -> tx.run("""
                MATCH (m:Model) WHERE m.firstSeenAt >= $from AND m.firstSeenAt < $to
                OPTIONAL MATCH p = (m)-[:DERIVED_FROM*1..6]->(a:Model) WHERE a.catalogued AND a <> m
                WITH m, a, length(p) AS hops ORDER BY hops DESC, a.id
                WITH m, head(collect(a)) AS root
                RETURN count(m) AS n""", window(week)).single().get("n").asLong());
        System.out.printf(Locale.ROOT, "the old per-model walk over the same week: %,d models in %,d ms%n", walked,
                (System.nanoTime() - o0) / 1_000_000);
    }

    /**
     * With -Dtracker.screenshots=DIR, the README's pictures of a Hub-scale digest (docs/screenshots):
     * the page's article as the site styles it, in English and in Chinese.
     */
    private static void screenshots(Digest digest, Texts english, Texts chinese) throws java.io.IOException {
        String dir = System.getProperty("tracker.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        String css = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/resources/static/site/site.css"));
        try (org.llmtracker.api.testing.Chromium chromium = org.llmtracker.api.testing.Chromium.launchOrSkip()) {
            for (Texts texts : List.of(english, chinese)) {
                String lang = Languages.tag(texts.locale());
                org.llmtracker.api.testing.Tab tab = chromium.open("http://127.0.0.1", 1100, 900);
                try {
                    tab.page().setContent("<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><style>" + css
                            + "</style></head><body><main class=\"digest\"><article>"
                            + HtmlDigest.bounded(DigestOutline.of(digest, texts, "")) + "</article></main></body></html>");
                    tab.page().screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
                            .setPath(java.nio.file.Path.of(dir, "digest-hub-" + lang + ".png")).setFullPage(false));
                } finally {
                    tab.close();
                }
            }
        }
    }

    private static void sweep(Graph graph) {
        SteppingClock clock = new SteppingClock(SWEPT, Duration.ZERO);
        HubShape shape = new HubShape(MODELS);
        MutableHub hub = new MutableHub(IntStream.range(0, shape.size()).mapToObj(shape::model).toList());
        try (ListingServer server = ListingServer.start(hub, clock, 100_000, Duration.ofMinutes(5))) {
            HttpSettings http = TestHttp.settings("the Hub", "")
                    .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60));
            RateWindow window = new RateWindow("the Hub", clock, Duration.ofMinutes(5), Duration.ofMinutes(15));
            Upstream upstream = Upstream.builder(http, d -> clock.advance(d), clock).share(window.share(0)).build();
            CrawlRecorder recorder = new CrawlRecorder();
            SweepStates states = new SweepStates(graph, HubSweep.NAME);
            new HubSweep(new SweepSettings(ListingServer.MAX_PAGE, Duration.ofHours(1), Duration.ofDays(7), 5_000_000, 100,
                    64, 0), upstream, new HubListing(server.uri(), ListingServer.MAX_PAGE, upstream),
                    new HubListingStore(graph, states), states, clock).run(recorder, Set.of());
            assertThat(recorder.counts().get("models")).isGreaterThanOrEqualTo(MODELS);
        }
    }

    private static Map<String, Object> window(IsoWeek week) {
        return Map.of("from", week.start().atZone(java.time.ZoneOffset.UTC), "to", week.end().atZone(java.time.ZoneOffset.UTC));
    }

    /** The store's own counts, each one query, independent of the digest's reads. */
    private static Map<String, Long> counts(Graph graph, IsoWeek week) {
        Map<String, String> queries = Map.of(
                "firstSeen", "MATCH (m:Model) WHERE m.firstSeenAt >= $from AND m.firstSeenAt < $to RETURN count(m) AS n",
                "roots", """
                        MATCH (m:Model) WHERE m.firstSeenAt >= $from AND m.firstSeenAt < $to
                          AND NOT EXISTS { (m)-[:DERIVED_FROM]->() } AND NOT EXISTS { (m)-[:NEW_VERSION_OF]->() }
                        RETURN count(m) AS n""",
                "families", """
                        MATCH (m:Model)-[:DESCENDS_FROM]->(h:Model)
                        WHERE m.firstSeenAt >= $from AND m.firstSeenAt < $to AND NOT EXISTS { (h)-[:DERIVED_FROM]->() }
                        RETURN count(DISTINCT h) AS n""",
                "belowCatalogued", """
                        MATCH (m:Model)-[:DESCENDS_FROM]->(a:Model {catalogued: true})
                        WHERE m.firstSeenAt >= $from AND m.firstSeenAt < $to
                        RETURN count(*) AS n""",
                "releases", """
                        MATCH (r:Repository)-[:PUBLISHED]->(rel:Release) WHERE rel.publishedAt >= $from AND rel.publishedAt < $to
                        RETURN count(rel) AS n""");
        Map<String, Long> counts = new HashMap<>();
        queries.forEach((name, query) -> counts.put(name,
                graph.read(tx -> tx.run(query, window(week)).single().get("n").asLong())));
        return counts;
    }

    private static List<Map.Entry<String, Long>> biggestFamilies(Graph graph, IsoWeek week) {
        return graph.read(tx -> tx.run("""
                MATCH (m:Model)-[:DESCENDS_FROM]->(h:Model)
                WHERE m.firstSeenAt >= $from AND m.firstSeenAt < $to AND NOT EXISTS { (h)-[:DERIVED_FROM]->() }
                RETURN h.id AS head, coalesce(h.downloads, -1) AS downloads, count(DISTINCT m) AS n
                ORDER BY n DESC, downloads DESC, head""",
                window(week)).list(r -> Map.entry(r.get("head").asString(), r.get("n").asLong())));
    }
}
