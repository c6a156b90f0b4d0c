package org.llmtracker.graph.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.neo4j.driver.Driver;
import org.llmtracker.graph.testing.Plans;
import org.neo4j.driver.summary.ProfiledPlan;

/**
 * A list without search text gives, for every order, filter and page, the page that ordering
 * every model gives, without ordering every model. The store holds what makes that hard: names
 * equal but for case, many models tied on downloads and likes, models without the sort's key
 * (catalogue models have no downloads, Hub models no release date), organisations above and below
 * the cap, filters that only catalogue models meet.
 */
@Neo4jTest
class ModelListTests {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    /** Small, so that most filters below match more models than are ordered whole. */
    private static final int CAP = 12;

    /** The orders as the list promises them, written out here rather than taken from the code. */
    private static final Map<ModelFilter.Sort, String> ORDER = Map.of(
            ModelFilter.Sort.NAME, "toLower(m.name), m.id",
            ModelFilter.Sort.DOWNLOADS, "coalesce(m.downloads, -1) DESC, toLower(m.name), m.id",
            ModelFilter.Sort.RELEVANCE, "coalesce(m.downloads, -1) DESC, toLower(m.name), m.id",
            ModelFilter.Sort.LIKES, "coalesce(m.likes, -1) DESC, toLower(m.name), m.id",
            ModelFilter.Sort.RELEASED, "coalesce(m.releasedAt, '') DESC, toLower(m.name), m.id",
            ModelFilter.Sort.PARAMETERS, "coalesce(m.parameters, -1) DESC, toLower(m.name), m.id");

    private static final String EXPECTED = """
            MATCH (m:Model)
            WHERE ($kind IS NULL OR m.kind = $kind)
              AND ($openSource IS NULL OR m.openSource = $openSource)
              AND ($region IS NULL OR m.region = $region)
              AND ($catalogued IS NULL OR coalesce(m.catalogued, false) = $catalogued)
              AND ($organisation IS NULL OR EXISTS { (m)-[:PUBLISHED_BY]->(:Organisation {key: $organisation}) })
            RETURN m.id AS id ORDER BY %s SKIP $skip LIMIT $limit
            """;

    private static final List<ModelFilter> FILTERS = List.of(
            filter(null, null, null, null, null),
            filter("thebloke", null, null, null, null),
            filter("tiny", null, null, null, null),
            filter(null, "llm", null, null, null),
            filter(null, null, true, null, null),
            filter(null, null, null, "cn", null),
            filter(null, null, null, null, true),
            filter(null, null, null, null, false),
            filter("thebloke", "model", null, null, false),
            filter(null, "nothing-is-this-kind", null, null, null));

    private static final int[][] PAGES = {{0, 5}, {11, 4}, {40, 10}, {290, 20}, {1_000, 5}};

    private ModelQueries walked;
    /** Gives up its walks after a few models, so filtered lists are ordered whole. */
    private ModelQueries givingUp;
    /** Orders every filtered list whole. */
    private ModelQueries whole;

    @BeforeEach
    void store(Graph graph) {
        walked = new ModelQueries(graph, CAP, BroadSearch.WALK_BUDGET);
        givingUp = new ModelQueries(graph, CAP, 3);
        whole = new ModelQueries(graph, 1_000_000, 1);
        String[] kinds = {"llm", "llm", "model", "embedding"};
        String[] regions = {"cn", "us", "foreign", null};
        Boolean[] open = {true, false, null, true};
        String[] released = {"2023-02", "2024-05", "2024-05", null, "2022-11"};
        String[] parameters = {"7B", "13B", "7B", null, "70B", "1.5B"};
        List<CatalogEntry> entries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // names equal but for case, so ties on the name are broken by id
            String name = i % 5 == 0 ? "Alpha" : i % 5 == 1 ? "ALPHA" : "Model " + (char) ('a' + i % 26) + i;
            entries.add(new CatalogEntry("cat-" + i, name, kinds[i % kinds.length], i % 3 == 0 ? "Meta" : null,
                    regions[i % regions.length], parameters[i % parameters.length], open[i % open.length],
                    released[i % released.length], null, null, List.of(), List.of(), List.of(), List.of()));
        }
        new CatalogWriter(graph).applyFile(entries, NOW);
        String[] owners = {"TheBloke", "TheBloke", "TheBloke", "lab", "someone", "Tiny"};
        Long[] downloads = {null, 0L, 0L, 0L, 1L, 5L, 5L, 42L, 900L, 900L, 12_000L};
        Long[] likes = {0L, 0L, 0L, 1L, 3L, null, 77L};
        Long[] sizes = {null, null, 7_000_000_000L, 13_000_000_000L, 7_000_000_000L};
        SplittableRandom random = new SplittableRandom(7);
        Map<String, HubModel> models = new LinkedHashMap<>();
        for (int i = 0; i < 400; i++) {
            String owner = i < 5 ? "Tiny" : owners[random.nextInt(owners.length - 1)];
            String id = owner + "/" + (random.nextBoolean() ? "Llama-" : "alpha-") + random.nextInt(60) + "-" + i;
            models.putIfAbsent(id.toLowerCase(Locale.ROOT), new HubModel(id, owner,
                    downloads[random.nextInt(downloads.length)], likes[random.nextInt(likes.length)], null, null,
                    sizes[random.nextInt(sizes.length)], null, null, null, null));
        }
        new HubListingStore(graph).store(new HubListingPage(List.copyOf(models.values()), List.of()), NOW);
    }

    @Test
    void everyPageInEveryOrderAndFilterIsThePageOfOrderingEveryModel(Graph graph) {
        for (ModelFilter.Sort sort : ModelFilter.Sort.values()) {
            for (ModelFilter base : FILTERS) {
                ModelFilter filter = new ModelFilter(null, base.organisation(), base.kind(), base.openSource(),
                        base.region(), base.catalogued(), sort);
                for (int[] page : PAGES) {
                    List<String> expected = expected(graph, filter, page[0], page[1]);
                    String as = "%s skip=%d limit=%d".formatted(filter, page[0], page[1]);
                    assertThat(ids(walked.list(filter, page[0], page[1]))).as("walked: " + as).isEqualTo(expected);
                    assertThat(ids(givingUp.list(filter, page[0], page[1]))).as("giving up: " + as).isEqualTo(expected);
                    assertThat(ids(whole.list(filter, page[0], page[1]))).as("whole: " + as).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void theStoreHasFiltersOnBothSidesOfTheCapAndModelsWithoutEachKey(Graph graph) {
        assertThat(count(graph, filter("thebloke", null, null, null, null))).isGreaterThan(CAP);
        assertThat(count(graph, filter("tiny", null, null, null, null))).isBetween(1L, (long) CAP);
        assertThat(count(graph, filter(null, "llm", null, null, null))).isGreaterThan(CAP);
        assertThat(count(graph, filter(null, null, null, "cn", null))).isBetween(1L, (long) CAP);
        for (String key : List.of("downloads", "likes", "releasedAt", "parameters")) {
            long without = graph.read(tx -> tx.run("MATCH (m:Model) WHERE m[$key] IS NULL RETURN count(m) AS n",
                    Map.of("key", key)).single().get("n").asLong());
            assertThat(without).as(key).isGreaterThan(0);
        }
        long sameName = graph.read(tx -> tx.run("MATCH (m:Model) WHERE toLower(m.name) = 'alpha' RETURN count(m) AS n")
                .single().get("n").asLong());
        assertThat(sameName).isGreaterThan(2);
    }

    @Test
    void theTotalIsExactUnfilteredForAnOrganisationAndBelowTheCapAndALowerBoundPastIt(Graph graph) {
        Page<ModelSummary> all = walked.list(ModelFilter.all(), 0, 5);
        assertThat(all.totalCapped()).isFalse();
        assertThat(all.total()).isEqualTo(count(graph, ModelFilter.all()));

        ModelFilter bloke = filter("thebloke", null, null, null, null);
        Page<ModelSummary> organisation = walked.list(bloke, 0, 5);
        assertThat(organisation.totalCapped()).isFalse();
        assertThat(organisation.total()).isEqualTo(count(graph, bloke));

        ModelFilter cn = filter(null, null, null, "cn", null);
        assertThat(walked.list(cn, 0, 5).total()).isEqualTo(count(graph, cn));
        assertThat(walked.list(cn, 0, 5).totalCapped()).isFalse();

        Page<ModelSummary> llm = walked.list(filter(null, "llm", null, null, null), 0, 5);
        assertThat(llm.totalCapped()).isTrue();
        assertThat(llm.total()).isEqualTo(CAP);
    }

    /** The first page reads about as many index entries as it shows, whatever the store holds. */
    @Test
    void anUnfilteredPageReadsItsOwnModelsFromTheSortsIndex(Driver driver) {
        for (ModelFilter.Sort sort : List.of(ModelFilter.Sort.NAME, ModelFilter.Sort.DOWNLOADS, ModelFilter.Sort.LIKES)) {
            Map<String, Object> params = new HashMap<>();
            params.put("skip", 0);
            params.put("need", 20);
            params.put("scan", Integer.MAX_VALUE);
            List<ProfiledPlan> operators = new ArrayList<>();
            collect(Plans.profiled(driver, OrderedWalk.query(sort, "true"), params), operators);
            assertThat(operators).as("%s: %s", sort, operators.stream().map(ProfiledPlan::operatorType).toList())
                    .noneMatch(o -> o.operatorType().startsWith("NodeByLabelScan") || o.operatorType().startsWith("AllNodesScan"))
                    .filteredOn(o -> o.operatorType().startsWith("NodeIndexScan"))
                    .singleElement()
                    .satisfies(scan -> assertThat(scan.records()).as(sort.name()).isLessThanOrEqualTo(21));
        }
    }

    private static List<String> expected(Graph graph, ModelFilter filter, int skip, int limit) {
        Map<String, Object> params = ModelQueries.params(filter);
        params.put("skip", skip);
        params.put("limit", limit);
        return graph.read(tx -> tx.run(EXPECTED.formatted(ORDER.get(filter.sort())), params).list(r -> r.get("id").asString()));
    }

    private static long count(Graph graph, ModelFilter filter) {
        Map<String, Object> params = ModelQueries.params(filter);
        params.put("skip", 0);
        params.put("limit", Integer.MAX_VALUE);
        return graph.read(tx -> (long) tx.run(EXPECTED.formatted("m.id"), params).list().size());
    }

    private static ModelFilter filter(String organisation, String kind, Boolean openSource, String region,
            Boolean catalogued) {
        return new ModelFilter(null, organisation, kind, openSource, region, catalogued, null);
    }

    private static List<String> ids(Page<ModelSummary> page) {
        return page.items().stream().map(ModelSummary::id).toList();
    }

    private static void collect(ProfiledPlan plan, List<ProfiledPlan> operators) {
        operators.add(plan);
        plan.children().forEach(child -> collect(child, operators));
    }
}
