package org.llmtracker.graph.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmtracker.graph.testing.Entries.model;
import static org.llmtracker.graph.testing.Entries.withHosting;
import static org.llmtracker.graph.testing.Entries.withOrganisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.CatalogEntry;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.hub.HubListingPage;
import org.llmtracker.graph.hub.HubListingStore;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.llmtracker.graph.testing.Plans;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;

/**
 * A search with more matches than are ordered whole gives the page the exact search gives, in the
 * same order, and says its total is a lower bound. The store is made of the cases that order is
 * hard on: ids, names and aliases equal to the text, ids and names starting with it (names
 * without their ids), names that only hold it, many models tied on downloads, models without downloads, filters.
 */
@Neo4jTest
class BroadSearchTests {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    /** Small, so that every text below is a broad search for {@link #broad}. */
    private static final int CAP = 12;

    private static final int WIDE_CAP = 40;

    /** Fewer than "dense" and more than "llama-2-7b" ids and names start with. */
    private static final int FEW_STARTING = 4;

    private static final List<String> TEXTS = List.of("l", "ll", "llama", "llama-2", "lama", "7b", "a", "gguf", "meta",
            "q", "qwe", "qwen", "llama-2-7b", "chat", "huggyllama/llama-7b", "lab/", "llama/", "dense", "load", "nothing-matches");

    private ModelQueries broad;
    /** Gives up its walks after a few models, so the groups are counted and ordered whole. */
    private ModelQueries counted;
    private ModelQueries exact;
    /** With a bound on the second group wide enough that "dense" is walked as a dense group, not counted. */
    private ModelQueries wideStarts;

    @BeforeEach
    void store(Graph graph) {
        broad = new ModelQueries(graph, CAP, BroadSearch.WALK_BUDGET);
        counted = new ModelQueries(graph, CAP, 15);
        exact = new ModelQueries(graph, 1_000_000, 1);
        wideStarts = new ModelQueries(graph, WIDE_CAP, BroadSearch.WALK_BUDGET);
        // Catalogue models: no downloads, one named exactly as a text, one with the Hub id as alias.
        List<CatalogEntry> entries = new ArrayList<>(List.of(
                withHosting(model("llama"), List.of(), List.of("huggyllama/llama-7b")),
                withOrganisation(model("llama-2-7b"), "Lab"),
                model("tinyllama"),
                model("qwen"),
                // named or starting with a text by name only, not by id
                new CatalogEntry("chat-by-vendor", "Llama Chat", "model", null, "foreign", null, true, null, null, null,
                        List.of(), List.of(), List.of(), List.of()),
                new CatalogEntry("vendor-q", "Qwen", "model", null, "foreign", null, true, null, null, null,
                        List.of(), List.of(), List.of(), List.of()),
                // ids starting with "chat" whose names do not
                new CatalogEntry("chat-bot-2", "Mistral Assistant", "model", null, "foreign", null, true, null, null, null,
                        List.of(), List.of(), List.of(), List.of()),
                new CatalogEntry("chat-bot-3", "Qwen Helper", "model", null, "foreign", null, true, null, null, null,
                        List.of(), List.of(), List.of(), List.of())));
        // "load": more ids start with it than the second group's bound, none with downloads, so no
        // walk of the downloads index finds them (a load test's writer left 10,980 such entries at 1M)
        for (int i = 0; i < 70; i++) {
            entries.add(model("load-write-" + i));
        }
        new CatalogWriter(graph).applyFile(entries, NOW);
        String[] stems = {"Llama-2-7B", "llama-2-7b", "StackLLaMA", "TinyLlama", "Qwen2-7B", "Mistral-7B", "lab-model",
            "Llama-3-8B-GGUF", "CodeLlama", "qwen-llama-merge"};
        String[] owners = {"meta-llama", "lab", "TheBloke", "llamafans", "qwen", "someone"};
        Long[] downloads = {null, 0L, 0L, 0L, 1L, 5L, 5L, 42L, 900L, 900L, 12_000L};
        SplittableRandom random = new SplittableRandom(3);
        Map<String, HubModel> models = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 240; i++) {
            String owner = owners[random.nextInt(owners.length)];
            String id = owner + "/" + stems[random.nextInt(stems.length)] + (i % 7 == 0 ? "" : "-" + i);
            models.putIfAbsent(id.toLowerCase(java.util.Locale.ROOT), new HubModel(id, owner, downloads[random.nextInt(downloads.length)], 1L, null, null, null, null,
                    null, null, null));
        }
        // "llama/": a few ids start with it and a few more only hold it, together past the cap.
        for (int i = 0; i < 8; i++) {
            models.put("llama/m-" + i, new HubModel("llama/M-" + i, "llama", downloads[i], 1L, null, null, null, null, null,
                    null, null));
            models.put("xllama/m-" + i, new HubModel("xLlama/M-" + i, "xllama", downloads[i + 2], 1L, null, null, null,
                    null, null, null, null));
        }
        // "dense": a hundred ids start with it, a share of this small store that a walk finds first,
        // and three more downloaded models only hold it, so they rank after the hundred.
        for (int i = 0; i < 100; i++) {
            models.put("dense/m-" + i, new HubModel("dense/M-" + i, "dense", downloads[i % downloads.length], 1L, null, null,
                    null, null, null, null, null));
        }
        // holds "chat" and outranks, by downloads, the ids that start with it, which rank first
        models.put("someone/superchat-7b", new HubModel("someone/SuperChat-7B", "someone", 50_000L, 1L, null, null, null,
                null, null, null, null));
        for (int i = 0; i < 3; i++) {
            models.put("someone/dense-top-" + i, new HubModel("someone/dense-top-" + i, "someone", 50_000L, 1L, null, null,
                    null, null, null, null, null));
        }
        new HubListingStore(graph).store(new HubListingPage(List.copyOf(models.values()), List.of()), NOW);
    }

    @Test
    void byRelevanceEveryPageIsTheExactSearchsPage() {
        for (String q : TEXTS) {
            for (int[] page : new int[][] {{0, 5}, {3, 7}, {15, 10}, {60, 25}}) {
                assertSamePage(q, null, ModelFilter.Sort.RELEVANCE, page[0], page[1]);
            }
        }
    }

    /**
     * The exact search, which the tests above compare with, gives the page of ordering every match
     * by the relevance clause, though it reads only the downloads of a match that no id or name
     * starting with the text puts first: with fewer such models than it checks one by one, and with
     * more (every text, when it checks only {@link #FEW_STARTING}).
     */
    @Test
    void theExactSearchsPageIsThePageOfOrderingEveryMatchByRelevance(Graph graph) {
        assertThat(starting(graph, "llama-2-7b")).isBetween(1L, FEW_STARTING - 1L);
        assertThat(starting(graph, "dense")).isGreaterThanOrEqualTo(FEW_STARTING);
        assertThat(idsStarting(graph, "chat")).as("ids only, not names").isEqualTo(3);
        ModelQueries fewChecked = new ModelQueries(graph, 1_000_000, 1, FEW_STARTING);
        String everyMatchOrdered = ModelSearch.TEXT_CANDIDATES + "WITH m WHERE " + ModelSearch.FILTERS + "\n"
                + ModelSearch.ORDERED_UP_TO_CAP.formatted(ModelFilter.Sort.RELEVANCE.orderBy);
        for (String q : TEXTS) {
            for (String organisation : java.util.Arrays.asList(null, "lab")) {
                for (int[] page : new int[][] {{0, 5}, {3, 7}, {15, 10}, {60, 25}}) {
                    ModelFilter filter = filter(q, organisation, ModelFilter.Sort.RELEVANCE);
                    Map<String, Object> params = ModelQueries.params(filter);
                    params.put("skip", page[0]);
                    params.put("limit", page[1]);
                    params.put("cap", Integer.MAX_VALUE);
                    List<String> expected = graph.read(tx -> ModelSearch.summaries(tx.run(everyMatchOrdered, params).single()
                            .get("items").asList(v -> v))).stream().map(ModelSummary::id).toList();
                    assertThat(ids(exact.list(filter, page[0], page[1])))
                            .as("q=%s organisation=%s skip=%d limit=%d", q, organisation, page[0], page[1])
                            .isEqualTo(expected);
                    assertThat(ids(fewChecked.list(filter, page[0], page[1])))
                            .as("few checked: q=%s organisation=%s skip=%d limit=%d", q, organisation, page[0], page[1])
                            .isEqualTo(expected);
                }
            }
        }
    }

    /**
     * The equality tests above then cover a second group ordered whole past the cap, and one walked
     * on the id index's count alone.
     */
    @Test
    void theStoreHasPrefixesOnBothSidesOfWhereTheSecondGroupIsWalked(Graph graph) {
        int wide = CAP * BroadSearch.STARTS_ORDERED_WHOLE_FACTOR;
        assertThat(starting(graph, "lab/")).isBetween((long) CAP + 1, (long) wide);
        assertThat(starting(graph, "l")).isGreaterThan(wide);
        // "l" is walked on the id index's count alone; "lab/" is counted whole.
        assertThat(idsStarting(graph, "l")).isGreaterThan(wide);
        assertThat(idsStarting(graph, "lab/")).isLessThanOrEqualTo(wide);
        // "load" starts more ids than the bound, and none of them is in the downloads index.
        assertThat(idsStarting(graph, "load")).isGreaterThan(wide);
        long downloaded = graph.read(tx -> tx.run("MATCH (m:Model) WHERE m.id STARTS WITH 'load' AND m.downloads IS NOT NULL "
                + "RETURN count(m) AS n").single().get("n").asLong());
        assertThat(downloaded).isZero();
        // For wideStarts, "dense" starts fewer ids than its bound but enough of the store to be walked first.
        long ids = idsStarting(graph, "dense");
        long models = graph.read(tx -> tx.run("MATCH (m:Model) RETURN count(m) AS n").single().get("n").asLong());
        assertThat(ids).isBetween((long) WIDE_CAP + 1, (long) WIDE_CAP * BroadSearch.STARTS_ORDERED_WHOLE_FACTOR);
        assertThat(ids * ids).as("dense for a first page of 5").isGreaterThan(4L * 5 * models);
    }

    private static long idsStarting(Graph graph, String q) {
        return graph.read(tx -> tx.run("MATCH (m:Model) WHERE m.id STARTS WITH $q RETURN count(m) AS n", Map.of("q", q))
                .single().get("n").asLong());
    }

    private static long starting(Graph graph, String q) {
        return graph.read(tx -> tx.run("MATCH (m:Model) WHERE m.id STARTS WITH $q OR toLower(m.name) STARTS WITH $q "
                + "RETURN count(m) AS n", Map.of("q", q)).single().get("n").asLong());
    }

    @Test
    void inEveryOtherOrderEveryPageIsTheExactSearchsPage() {
        for (String q : List.of("l", "llama", "7b", "llama/", "nothing-matches")) {
            for (ModelFilter.Sort sort : List.of(ModelFilter.Sort.DOWNLOADS, ModelFilter.Sort.NAME, ModelFilter.Sort.LIKES,
                    ModelFilter.Sort.PARAMETERS, ModelFilter.Sort.RELEASED)) {
                for (int[] page : new int[][] {{0, 5}, {4, 9}, {500, 10}}) {
                    assertSamePage(q, null, sort, page[0], page[1]);
                }
            }
        }
    }

    @Test
    void filtersApplyBeforeTheCap() {
        for (String q : List.of("l", "llama", "7b", "a")) {
            assertSamePage(q, "lab", ModelFilter.Sort.RELEVANCE, 0, 10);
            assertSamePage(q, "meta-llama", ModelFilter.Sort.DOWNLOADS, 2, 10);
        }
    }

    @Test
    void theTotalIsExactUpToTheCapAndALowerBoundPastIt() {
        Page<ModelSummary> many = broad.list(filter("llama", null, ModelFilter.Sort.RELEVANCE), 0, 10);
        assertThat(many.totalCapped()).isTrue();
        assertThat(many.total()).isEqualTo(CAP);
        assertThat(exact.list(filter("llama", null, ModelFilter.Sort.RELEVANCE), 0, 10).total()).isGreaterThan(CAP);

        Page<ModelSummary> few = broad.list(filter("huggyllama/llama-7b", null, ModelFilter.Sort.RELEVANCE), 0, 10);
        assertThat(few.totalCapped()).isFalse();
        assertThat(few.total()).isEqualTo(1);
    }

    @Test
    void theFirstPagesOfCommonTextsComeFromTheWalkNotFromOrderingEveryMatch(Graph graph) {
        for (String q : List.of("l", "ll", "llama", "7b", "a", "llama/")) {
            for (ModelFilter.Sort sort : List.of(ModelFilter.Sort.RELEVANCE, ModelFilter.Sort.DOWNLOADS)) {
                Map<String, Object> params = ModelQueries.params(filter(q, null, sort));
                Optional<List<Value>> page = graph.read(tx -> BroadSearch.page(tx, sort, params, CAP, BroadSearch.WALK_BUDGET, 0, 10));
                assertThat(page).as("q=%s sort=%s", q, sort).isPresent();
                assertThat(page.get()).hasSize(10);
            }
        }
        // Every other order walks its own index too.
        for (ModelFilter.Sort sort : List.of(ModelFilter.Sort.NAME, ModelFilter.Sort.LIKES, ModelFilter.Sort.PARAMETERS)) {
            Map<String, Object> params = ModelQueries.params(filter("llama", null, sort));
            Optional<List<Value>> page = graph.read(tx -> BroadSearch.page(tx, sort, params, CAP, BroadSearch.WALK_BUDGET, 0, 10));
            assertThat(page).as("sort=%s", sort).isPresent();
            assertThat(page.get()).hasSize(10);
        }
    }

    @Test
    void aBroadPageWalksTheDownloadsIndexNotTheLabel(Graph graph, Driver driver) {
        Map<String, Object> params = ModelQueries.params(filter("llama", null, ModelFilter.Sort.RELEVANCE));
        params.put("skip", 0);
        params.put("need", 20);
        params.put("scan", BroadSearch.WALK_BUDGET);
        params.put("aliasNamed", List.of());
        params.put("aliasHolding", List.of("llama"));
        List<String> operators = Plans.operators(Plans.profiled(driver,
                OrderedWalk.query(ModelFilter.Sort.DOWNLOADS, BroadSearch.HOLDS_WALKED), params));
        assertThat(operators).as("plan: %s", operators)
                .anyMatch(o -> o.startsWith("NodeIndexScan"))
                .noneMatch(o -> o.startsWith("NodeByLabelScan") || o.startsWith("AllNodesScan"));
    }

    private void assertSamePage(String q, String organisation, ModelFilter.Sort sort, int skip, int limit) {
        ModelFilter filter = filter(q, organisation, sort);
        List<String> expected = ids(exact.list(filter, skip, limit));
        assertThat(ids(broad.list(filter, skip, limit)))
                .as("q=%s organisation=%s sort=%s skip=%d limit=%d", q, organisation, sort, skip, limit)
                .isEqualTo(expected);
        assertThat(ids(counted.list(filter, skip, limit)))
                .as("counted: q=%s organisation=%s sort=%s skip=%d limit=%d", q, organisation, sort, skip, limit)
                .isEqualTo(expected);
        assertThat(ids(wideStarts.list(filter, skip, limit)))
                .as("wideStarts: q=%s organisation=%s sort=%s skip=%d limit=%d", q, organisation, sort, skip, limit)
                .isEqualTo(expected);
    }

    private static ModelFilter filter(String q, String organisation, ModelFilter.Sort sort) {
        return new ModelFilter(q, organisation, null, null, null, null, sort);
    }

    private static List<String> ids(Page<ModelSummary> page) {
        return page.items().stream().map(ModelSummary::id).toList();
    }

}
