package org.llmtracker.api.site;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.llmtracker.api.testing.ApiTest;
import org.llmtracker.api.testing.Chromium;
import org.llmtracker.api.testing.Http;
import org.llmtracker.api.testing.Tab;
import org.llmtracker.crawler.testing.GithubMirror;
import org.llmtracker.graph.testing.DigestWeekFixture;
import org.llmtracker.graph.ancestry.Ancestry;
import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.HubListingPage;
import org.llmtracker.graph.hub.HubListingStore;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.repository.CrawlTarget;
import org.llmtracker.graph.repository.RepositoryReads;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.store.ModelKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.BoundingBox;

import tools.jackson.databind.JsonNode;

/**
 * The web page in a real browser, against the app with the shipped catalogue, a GitHub crawl of
 * the local mirror and a recorded week of crawls with its digest. Every test also checks that its
 * pages logged no error (a Content-Security-Policy violation is one), opened no dialog and asked
 * no other host for anything.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPageIT {

    /** A model name as a hostile Hub upload could spell it. */
    static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>";
    private static final String PREFIX = "webpage-";
    private static final String HOSTILE_ID = PREFIX + "probe/img-onerror";
    /** A Llama 3 base and an Apache-2.0 fine-tune of it, listed as the sweep lists them, removed afterwards. */
    private static final String LICENSED_BASE = "webpage-lic/Meta-Llama-3-8B";
    private static final String LICENSED_CHILD = "webpage-lic/chat-ft";
    /** Snapshots added to a crawled repository so that its chart has a history, removed afterwards. */
    private static final String EARLIER_SNAPSHOTS = "webpage-earlier";

    @Autowired
    Http http;
    @Autowired
    Graph graph;
    @Autowired
    GithubMirror github;
    @Value("${local.server.port}")
    int port;

    private final DigestWeekFixture week = new DigestWeekFixture(PREFIX);
    private Chromium chromium;
    private Tab tab;
    private Page page;

    @BeforeAll
    void crawlAndDigest() {
        chromium = Chromium.launchOrSkip();
        List<String> repositories = new RepositoryReads(graph).targets().stream().map(CrawlTarget::name).toList();
        github.serveCatalogue(repositories);
        assertThat(http.post("/api/crawls/github?wait=true", ApiTest.ADMIN_TOKEN).status()).isEqualTo(200);
        graph.write(tx -> tx.run("""
                MATCH (r:Repository {fullName: 'facebookresearch/llama'})
                UNWIND [[datetime('2026-11-19T06:00:00Z'), r.stars - 900], [datetime('2026-11-21T06:00:00Z'), r.stars - 300]] AS s
                CREATE (r)-[:HAD]->(:Snapshot {at: s[0], stars: s[1], forks: s[1] / 10, fixture: $fixture})
                """, Map.of("fixture", EARLIER_SNAPSHOTS)).consume());
        week.writeTo(graph);
        graph.write(tx -> {
            tx.run("""
                    MATCH (p:Model {id: $parent})
                    CREATE (m:Model {id: $id, name: $name, hfId: $id, catalogued: false, downloads: 42})
                    CREATE (m)-[:DERIVED_FROM {relation: 'FINETUNE', stages: [], sources: ['hf-card']}]->(p)
                    """ + ModelKeys.set("m"), Map.of("id", HOSTILE_ID, "name", HOSTILE_NAME, "parent", PREFIX + "llama")).consume();
            Ancestry.refresh(tx, List.of(HOSTILE_ID));
            return null;
        });
        new HubListingStore(graph).store(new HubListingPage(List.of(
                new HubModel(LICENSED_BASE, "webpage-lic", 900L, 1L, null, null, null, "llama3", null, null, false),
                new HubModel(LICENSED_CHILD, "webpage-lic", 90L, 1L, null, null, null, "Apache-2.0", null, null, false)),
                List.of(new Derivation(LICENSED_CHILD, LICENSED_BASE, Relation.FINETUNE, List.of(), "hf-tag"))),
                java.time.Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(http.post("/api/crawls/licenses?wait=true", ApiTest.ADMIN_TOKEN).status()).isEqualTo(200);
        assertThat(http.post("/api/crawls/digest?wait=true", ApiTest.ADMIN_TOKEN).status()).isEqualTo(200);
    }

    @AfterAll
    void removeWhatThisClassAdded() {
        if (chromium != null) {
            chromium.close();
        }
        graph.write(tx -> tx.run("MATCH (s:Snapshot {fixture: $fixture}) DETACH DELETE s",
                Map.of("fixture", EARLIER_SNAPSHOTS)).consume());
        graph.write(tx -> tx.run("MATCH (m:Model {id: $id}) DETACH DELETE m", Map.of("id", HOSTILE_ID)).consume());
        graph.write(tx -> tx.run("MATCH (m:Model) WHERE m.id IN $ids DETACH DELETE m",
                Map.of("ids", List.of(LICENSED_BASE.toLowerCase(Locale.ROOT), LICENSED_CHILD.toLowerCase(Locale.ROOT)))).consume());
        week.removeFrom(graph);
    }

    @BeforeEach
    void openATab() {
        tab = chromium.open("http://127.0.0.1:" + port, 1280, 900);
        page = tab.page();
    }

    @AfterEach
    void nothingWentWrong() {
        try {
            tab.assertClean();
        } finally {
            tab.close();
        }
    }

    @Test
    void searchingAlpacaReachesStanfordAlpacasPageByKeyboardAlone() {
        page.navigate("/");
        assertThat(page.locator("#q")).isFocused();

        page.keyboard().type("alpaca");
        Locator first = page.locator("#search-results a").first();
        assertThat(first).hasText("Stanford Alpaca");
        page.keyboard().press("ArrowDown");
        assertThat(first).isFocused();
        page.keyboard().press("Enter");

        page.waitForURL("**/models/alpaca");
        assertThat(page.locator("h1")).containsText("Stanford Alpaca");
    }

    @Test
    void searchFindsByHubIdAndAnAliasOpensTheCanonicalPage() {
        page.navigate("/?q=HUGGYLLAMA/llama-7b");
        assertThat(page.locator("#search-results a").first()).hasText("LLaMA");

        page.navigate("/models/HuggyLlama/LLaMA-7b?stage=PPO");

        assertThat(page).hasURL(Pattern.compile(".*/models/llama\\?stage=PPO$"));
    }

    @Test
    void aFineTunesPageShowsItsLicenceChipAndItsGraphMarksTheLinkWhereTheLicenceChanges() {
        page.navigate("/models/" + LICENSED_CHILD);

        Locator chip = page.locator("#licence-chip");
        assertThat(chip).containsText("apache-2.0");
        assertThat(chip).containsText("conflict");
        assertThat(chip).containsText("llama3 of " + LICENSED_BASE.toLowerCase(Locale.ROOT));
        assertThat(chip).hasClass(Pattern.compile("licence-conflict"));

        Locator graph = page.locator("#lineage-graph");
        assertThat(graph).hasAttribute("data-license-changes", "1");
        @SuppressWarnings("unchecked")
        List<String> marked = (List<String>) graph.evaluate(
                "g => g.cy.edges('[?licenseChange]').map(e => e.source().id() + ' > ' + e.target().id() + ' ' + e.data('licenseLabel'))");
        assertThat(marked).containsExactly(LICENSED_BASE.toLowerCase(Locale.ROOT) + " > " + LICENSED_CHILD.toLowerCase(Locale.ROOT)
                + " llama3 \u2192 apache-2.0");

        page.navigate("/licenses");
        page.locator("#license-pairs a[href*='ancestorLicense=llama3&license=apache-2.0']").click();
        page.waitForURL("**/licenses/conflicts?**");
        assertThat(page.locator("#license-conflicts")).containsText(LICENSED_CHILD.toLowerCase(Locale.ROOT));

        // in Chinese: the verdict, its reason and the graph's caption in words; ids and licence ids as written
        page.navigate("/models/" + LICENSED_CHILD.toLowerCase(Locale.ROOT) + "?lang=zh-CN");
        assertThat(chip).containsText("apache-2.0 · 冲突 对照 " + LICENSED_BASE.toLowerCase(Locale.ROOT) + " 的 llama3");
        assertThat(chip).hasAttribute("title", Pattern.compile("在限制性条款之上改用宽松许可证。仅供参考，不构成法律意见。"));
        assertThat(page.locator("#graph-status")).containsText("已标出的许可证变更：1 处。");
        page.navigate("/licenses");
        assertThat(page.locator("main h1")).hasText("沿谱系看许可证");
        assertThat(page.locator("#license-pairs thead")).containsText("上游模型的许可证");
        page.navigate("/licenses?lang=en"); // back to English for the tests that follow
        assertThat(page.locator("main h1")).hasText("Licences along the lineage");
    }

    @Test
    void llamasPageListsEveryCataloguedDerivativeAndItsGraphHasOneNodePerModelShown() {
        Set<String> catalogued = new TreeSet<>();
        http.get("/api/models/llama/descendants?size=200").json().path("items").forEach(d -> {
            if (d.path("catalogued").asBoolean()) {
                catalogued.add(d.path("id").asString());
            }
        });
        assertThat(catalogued).contains("vicuna", "minigpt-4", "llava");

        page.navigate("/models/llama?size=200");

        assertThat(tableIds()).containsAll(catalogued);
        assertThat(page.locator("#descendants-table tr[data-id=minigpt-4] td").nth(3)).hasText("vicuna");
        assertThat(page.locator("#descendants-table tr[data-id=llava] td").nth(3)).hasText("vicuna");

        Locator graph = page.locator("#lineage-graph");
        assertThat(graph).hasAttribute("data-nodes", Pattern.compile("\\d+"));
        JsonNode drawn = http.get("/api/models/llama/graph?depth=2&maxNodes=300").json();
        Set<String> expected = new TreeSet<>();
        drawn.path("nodes").forEach(n -> expected.add(n.path("id").asString()));
        @SuppressWarnings("unchecked")
        List<String> nodes = (List<String>) graph.evaluate("g => g.cy.nodes().map(n => n.id())");
        assertThat(nodes).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(nodes)).isEqualTo(expected).contains("llama", "vicuna", "minigpt-4", "llava");
        assertThat(page.locator("#graph-status")).containsText("All " + drawn.path("descendants").asLong() + " descendants");

        graph.scrollIntoViewIfNeeded();
        click(graph, "vicuna");

        page.waitForURL("**/models/vicuna");
        assertThat(page.locator("h1")).containsText("Vicuna");
    }

    @Test
    void thePpoFilterShowsExactlyTheRlhfDerivativesAndItsUrlReproducesTheView() {
        page.navigate("/models/llama");
        page.locator("select[name=stage]").selectOption("PPO");
        page.locator("form[aria-label='Filter descendants'] button").click();

        page.waitForURL(Pattern.compile(".*stage=PPO.*"));
        List<String> names = tableNames();
        assertThat(names).containsExactlyInAnyOrder("StackLLaMA", "ColossalChat", "Luotuo (骆驼)");

        try (Tab fresh = chromium.open("http://127.0.0.1:" + port, 390, 844)) {
            Page again = fresh.page();
            again.navigate(page.url());
            assertThat(again.locator("#descendants-table tbody th a").allTextContents()).isEqualTo(names);
            assertThat(again.locator("select[name=stage]")).hasValue("PPO");
            fresh.assertClean();
        }

        String csv = page.locator("a", new Page.LocatorOptions().setHasText("CSV")).getAttribute("href");
        Http.Response download = http.get(csv);
        assertThat(download.contentType()).startsWith("text/csv");
        assertThat(download.body().lines().skip(1).map(l -> l.substring(0, l.indexOf(','))))
                .containsExactlyInAnyOrder("stackllama", "colossalchat", "luotuo");
    }

    @Test
    void theStarChartOfACrawledRepositoryHasAsManyPointsAsItsSnapshots() {
        long snapshots = graph.read(tx -> tx.run(
                "MATCH (:Repository {fullName: 'facebookresearch/llama'})-[:HAD]->(s:Snapshot) RETURN count(s) AS n")
                .single().get("n").asLong());
        assertThat(snapshots).isEqualTo(3);

        page.navigate("/models/llama");

        Locator chart = page.locator("figure.chart", new Page.LocatorOptions().setHasText("facebookresearch/llama"));
        assertThat(chart).hasAttribute("data-points", String.valueOf(snapshots));
        assertThat(chart.locator("canvas")).hasCount(1);
        assertThat(((Number) chart.evaluate("f => f.plot.data[0].length")).longValue()).isEqualTo(snapshots);
        assertThat(chart.evaluate("f => f.plot.series[1].label + ' ' + f.plot.scales.x.time")).isEqualTo("stars true");
    }

    @Test
    void anUpstreamNameThatIsMarkupIsShownAsTextAndRunsNothing() {
        page.navigate("/?q=onerror");
        assertThat(page.locator("#search-results a").first()).hasText(HOSTILE_NAME);

        page.locator("#search-results a").first().click();
        page.waitForURL("**/models/" + HOSTILE_ID);
        assertThat(page.locator("h1")).containsText(HOSTILE_NAME);

        page.navigate("/models/" + PREFIX + "llama");
        assertThat(page.locator("#descendants-table")).containsText(HOSTILE_NAME);
        assertThat(page.locator("#lineage-graph")).hasAttribute("data-nodes", Pattern.compile("\\d+"));
        assertThat(page.locator("img[src=x]")).hasCount(0);
    }

    @Test
    void everyPageLoadsWithoutErrorsAndOnlyFromTheApp() {
        for (String path : List.of("/", "/?q=llama", "/models/llama", "/models/minigpt-4", "/models/" + HOSTILE_ID,
                "/lineage/path?from=llava&to=alpaca", "/digests", "/digests/" + DigestWeekFixture.WEEK, "/crawl-runs",
                "/crawl-runs?job=github", "/licenses", "/licenses/conflicts?ancestorLicense=llama3")) {
            page.navigate(path);
            page.waitForLoadState();
            assertThat(page.locator("main")).isVisible();
        }
        page.navigate("/lineage/path?from=llava&to=alpaca");
        assertThat(page.locator("#path-graph")).hasAttribute("data-nodes", "4");
        tab.assertNotFound("/models/no-such-model", "No model with id or alias 'no-such-model'");
    }

    @Test
    void theDigestPageEscapesUpstreamTextAndLinksTheFeed() {
        page.navigate("/digests");
        page.locator("a", new Page.LocatorOptions().setHasText(DigestWeekFixture.WEEK)).click();

        page.waitForURL("**/digests/" + DigestWeekFixture.WEEK);
        assertThat(page.locator("article")).containsText("<script>alert('x')</script> & more");
        assertThat(page.locator("article script")).hasCount(0);
        assertThat(page.locator("link[type='application/atom+xml']")).hasAttribute("href", "/api/digests/feed.atom");
    }

    @Test
    void theHomePageListsTheBiggestFamiliesAsTheApiCountsThemLlamaAmongThem() {
        JsonNode biggest = http.get("/api/families?size=10").json().path("items");
        List<String> ids = new ArrayList<>();
        biggest.forEach(f -> ids.add(f.path("id").asString()));
        assertThat(ids).contains("llama");

        page.navigate("/");
        Locator rows = page.locator("table.families tbody tr");
        assertThat(rows).hasCount(ids.size());
        assertThat(rows.evaluateAll("rs => rs.map(r => r.dataset.id)")).isEqualTo(ids);
        JsonNode llama = biggest.get(ids.indexOf("llama"));
        Locator llamaRow = page.locator("table.families tr[data-id='llama']");
        assertThat(llamaRow.locator("td.descendants")).hasText(String.format(Locale.ROOT, "%,d", llama.path("descendants").asLong()));
        llama.path("byRelation").properties().forEach(e -> assertThat(
                llamaRow.locator("[data-relation='" + e.getKey() + "']")).containsText(
                        String.format(Locale.ROOT, "%,d", e.getValue().asLong())));

        llamaRow.locator("a").click();
        page.waitForURL("**/models/llama");
    }

    @Test
    void theHomePageShowsTheLatestDigestAndCrawlHealthAndLlamasPageWeighsLittle() {
        page.navigate("/");
        assertThat(page.locator("#digest-heading + p a")).hasText("Digest " + DigestWeekFixture.WEEK);
        assertThat(page.locator("#week-derivatives")).containsText("New derivatives of catalogued models");
        assertThat(page.locator("table.health tr", new Page.LocatorOptions().setHasText("github"))).containsText("SUCCEEDED");

        tab.forgetRequests();
        page.navigate("/models/llama");
        assertThat(page.locator("#lineage-graph")).hasAttribute("data-nodes", Pattern.compile("\\d+"));
        page.waitForLoadState();
        long bytes = 0;
        for (Request r : tab.finished()) {
            if (Set.of("document", "script", "stylesheet").contains(r.resourceType())) {
                bytes += r.sizes().responseBodySize + r.sizes().responseHeadersSize;
            }
        }
        System.out.printf("LLaMA's page: %.0f KB of HTML, JS and CSS transferred (%d requests in all)%n",
                bytes / 1024.0, tab.finished().size());
        assertThat(bytes).isPositive();
        screenshots();
    }

    @Test
    void aChineseReaderReadsTheHomePageAndTheDigestInChineseAndSwitchesBack() {
        page.navigate("/?lang=zh-CN");
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        assertThat(page.locator("#families-heading")).hasText("最大的模型家族");
        assertThat(page.locator("#digest-heading")).hasText("本周动态");
        assertThat(page.locator("#week-derivatives h3")).hasText("收录模型的新衍生模型");
        // the choice is kept: the digest it links to is Chinese too, model names as upstream writes them
        page.locator("#digest-heading + p a").click();
        page.waitForURL("**/digests/" + DigestWeekFixture.WEEK);
        assertThat(page.locator("article h1")).hasText("llm-tracker 周报 " + DigestWeekFixture.WEEK);
        assertThat(page.locator("article #releases h2")).hasText("追踪项目的新版本发布");
        assertThat(page.locator("article #derivatives")).containsText("量化");
        assertThat(page.locator("article #new-models")).containsText("other/llama-q4");
        assertThat(page.locator("nav[aria-label='站点'] a", new Page.LocatorOptions().setHasText("周报"))).hasCount(1);

        page.locator("a.language").click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("article #releases h2")).hasText("New releases of tracked projects");
        page.navigate("/");
        assertThat(page.locator("#digest-heading")).hasText("This week");
    }

    /** With -Dtracker.screenshots=DIR, the pictures the README shows (docs/screenshots). */
    private void screenshots() {
        String dir = System.getProperty("tracker.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        // each in its language (a ?lang link is kept for the next page); the licence page in Chinese
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("home.png", "/?lang=en");
        pages.put("llama.png", "/models/llama?lang=en");
        pages.put("digest.png", "/digests/" + DigestWeekFixture.WEEK + "?lang=en");
        pages.put("licenses-zh-CN.png", "/licenses?lang=zh-CN");
        pages.forEach((file, path) -> {
            page.navigate(path);
            if (path.startsWith("/models/")) {
                assertThat(page.locator("#lineage-graph")).hasAttribute("data-nodes", Pattern.compile("\\d+"));
                assertThat(page.locator("figure.chart[data-points]").first()).isVisible();
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(dir, file)).setFullPage(true));
        });
        page.navigate("/?lang=en");
    }

    private void click(Locator graph, String id) {
        @SuppressWarnings("unchecked")
        Map<String, Object> at = (Map<String, Object>) graph.evaluate(
                "(g, id) => { const p = g.cy.getElementById(id).renderedPosition(); return {x: p.x, y: p.y}; }", id);
        BoundingBox box = graph.boundingBox();
        page.mouse().click(box.x + ((Number) at.get("x")).doubleValue(), box.y + ((Number) at.get("y")).doubleValue());
    }

    private List<String> tableIds() {
        List<String> ids = new ArrayList<>();
        for (Object id : (List<?>) page.locator("#descendants-table tbody tr").evaluateAll("rows => rows.map(r => r.dataset.id)")) {
            ids.add(String.valueOf(id));
        }
        return ids;
    }

    private List<String> tableNames() {
        return new ArrayList<>(new LinkedHashSet<>(page.locator("#descendants-table tbody th a").allTextContents()));
    }
}
