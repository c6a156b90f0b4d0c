package org.llmtracker.graph.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmtracker.graph.testing.Entries.model;
import static org.llmtracker.graph.testing.Entries.withHosting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.HubListingPage;
import org.llmtracker.graph.hub.HubListingStore;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.hub.LineageWriter;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.llmtracker.graph.testing.Plans;
import org.neo4j.driver.Driver;

/**
 * Search reads candidates from the TEXT indexes, never every model, and every writer keeps the
 * text those indexes hold equal to what the model's id, name and Hub id say.
 */
@Neo4jTest
class ModelSearchTests {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void theSearchPlanSeeksTheTextIndexesAndScansNoLabel(Graph graph, Driver driver) {
        writeThroughEveryWriter(graph);
        Map<String, Object> params = params("llama");
        params.put("cap", Integer.MAX_VALUE);
        for (ModelFilter.Sort sort : ModelFilter.Sort.values()) {
            List<String> operators = Plans.operators(Plans.profiled(driver, ModelSearch.page("llama", sort), params));
            assertThat(operators).as("plan for %s: %s", sort, operators)
                    .anyMatch(o -> o.startsWith("NodeIndexContainsScan"))
                    .noneMatch(o -> o.startsWith("NodeByLabelScan") || o.startsWith("AllNodesScan")
                            || o.startsWith("NodeIndexScan"));
        }
    }

    @Test
    void everyWriterKeepsTheTextTheFieldsGive(Graph graph) {
        writeThroughEveryWriter(graph);
        List<Map<String, Object>> models = graph.read(tx -> tx.run(
                "MATCH (m:Model) RETURN m.id AS id, m.name AS name, m.hfId AS hfId, m.searchText AS text, m.shortName AS shortName")
                .list(r -> r.asMap()));
        assertThat(models).hasSize(5).allSatisfy(m -> {
            String id = (String) m.get("id");
            assertThat(m.get("text")).as("text of %s", id).isEqualTo(id + "\n" + lower(m.get("name")) + "\n" + lower(m.get("hfId")));
            assertThat(m.get("shortName")).as("short name of %s", id).isEqualTo(id.substring(id.lastIndexOf('/') + 1));
        });
    }

    @Test
    void aWordInsideAnotherIsFoundOnModelsEveryWriterWrote(Graph graph) {
        writeThroughEveryWriter(graph);
        ModelQueries queries = new ModelQueries(graph);
        // the catalogue's own id first, then the others by downloads
        assertThat(ids(queries, "LLaMA")).containsExactly("llama", "thebloke/stackllama-gguf", "trl-lib/stackllama",
                "some/child-of-llama-2");
        // the Hub id's case is the Hub's: any case finds it, through the listing and the per-model writer
        assertThat(ids(queries, "StackLLaMA-GG")).containsExactly("thebloke/stackllama-gguf");
        assertThat(ids(queries, "huggyllama/llama-7")).containsExactly("llama");
        assertThat(ids(queries, "ma-g")).containsExactly("thebloke/stackllama-gguf");
    }

    @Test
    void aSearchWithoutAnOrderIsBestFirstAndAListWithoutOneIsByName(Graph graph) {
        writeThroughEveryWriter(graph);
        ModelQueries queries = new ModelQueries(graph);
        assertThat(queries.list(new ModelFilter("llama", null, null, null, null, null, null), 0, 50).items())
                .extracting(ModelSummary::id)
                .containsExactly("llama", "thebloke/stackllama-gguf", "trl-lib/stackllama", "some/child-of-llama-2");
        assertThat(queries.list(new ModelFilter(null, null, null, null, null, null, null), 0, 50).items())
                .extracting(ModelSummary::id).first().isEqualTo("llama");
        assertThat(new ModelFilter(null, null, null, null, null, null, null).sort()).isEqualTo(ModelFilter.Sort.NAME);
    }

    @Test
    void textAcrossTwoFieldsIsNoMatch(Graph graph) {
        writeThroughEveryWriter(graph);
        // "gguf\nthebloke" runs over the end of one line of the text into the next: the fields decide
        assertThat(ids(new ModelQueries(graph), "gguf\nthebloke")).isEmpty();
        assertThat(ids(new ModelQueries(graph), "trl-lib/stackllama\ntrl")).isEmpty();
    }

    /**
     * The letter's commonest trigram among the most downloaded models proves a search broad only
     * when at least one more model than the cap holds it: held by the cap's number, the count
     * decides. The walk of 3 models proves nothing here.
     */
    @Test
    void aLetterHeldByTheCapsNumberOfModelsIsCountedAndByOneMoreIsCapped(Graph graph) {
        int cap = 12;
        ModelQueries search = new ModelQueries(graph, cap, 3);
        storeQwens(graph, cap, hub("lab/llama-7b", 2L));

        // inside the names, so no id or short name starts with it
        assertThat(countedThenCappedByOneMore(graph, search, "w", cap).items()).extracting(ModelSummary::id)
                .containsExactly("lab/qwen-11", "lab/qwen-10", "lab/qwen-9", "lab/qwen-8", "lab/qwen-7");
    }

    /**
     * What people type is mostly the start of a model's own name, after its organisation: more
     * than the cap's number of short names starting with it prove the search broad, and the page
     * is the exact search's. The cap's number is still counted exactly.
     */
    @Test
    void aModelNameStartedByTheCapsNumberOfModelsIsCountedAndByOneMoreIsCapped(Graph graph) {
        int cap = 12;
        ModelQueries search = new ModelQueries(graph, cap, 3);
        storeQwens(graph, cap - 1, hub("Qwen-org/Qwen-top", 1_000L), hub("lab/Llama-qwen", 5_000L));

        assertThat(countedThenCappedByOneMore(graph, search, "qwen-", cap).items()).extracting(ModelSummary::id)
                .containsExactly("qwen-org/qwen-top", "lab/qwen-10", "lab/qwen-9", "lab/qwen-8", "lab/qwen-7");
    }

    /**
     * A longer text is counted from the text index up to one more than the cap: held by the cap's
     * number it is ordered whole, by one more the total is capped (with the exact search's first
     * page), and a filter that leaves fewer than the cap keeps it exact.
     */
    @Test
    void aTextHeldByTheCapsNumberOfModelsIsCountedAndByOneMoreIsCapped(Graph graph) {
        int cap = 12;
        ModelQueries search = new ModelQueries(graph, cap, 3);
        storeQwens(graph, cap - 2, hub("other/Qwen-a", 7L), hub("other/Qwen-b", 6L), hub("lab/Qwen", 2L));

        assertThat(countedThenCappedByOneMore(graph, search, "wen-", cap).items()).extracting(ModelSummary::id)
                .containsExactly("lab/qwen-9", "lab/qwen-8", "lab/qwen-7", "lab/qwen-6", "lab/qwen-5");

        Page<ModelSummary> filtered = search.list(new ModelFilter("wen-", "other", null, null, null, null, null), 0, 5);
        assertThat(filtered.total()).isEqualTo(2);
        assertThat(filtered.totalCapped()).isFalse();
        assertThat(filtered.items()).extracting(ModelSummary::id).containsExactly("other/qwen-a", "other/qwen-b");
    }

    @Test
    void theCommonestTrigramIsCountedOncePerTextAndNeverAcrossALineBreak() {
        assertThat(BroadText.commonestTrigram(List.of("qwe qwe qwe", "aqa", "aqa\naqa"), "q")).contains("aqa");
        assertThat(BroadText.commonestTrigram(List.of("aq\nqb", "aq\nqb", "xqy"), "q")).contains("xqy");
        // ties go to the first in string order
        assertThat(BroadText.commonestTrigram(List.of("zqz", "aqa"), "q")).contains("aqa");
        assertThat(BroadText.commonestTrigram(List.of("骆驼-3", "骆驼"), "骆")).contains("骆驼-");
        assertThat(BroadText.commonestTrigram(List.of("q", "qq"), "q")).isEmpty();
    }

    private static void writeThroughEveryWriter(Graph graph) {
        new CatalogWriter(graph).applyFile(List.of(withHosting(model("llama"), List.of(), List.of("huggyllama/llama-7b"))),
                NOW);
        new LineageWriter(graph).upsertModels(List.of(hub("trl-lib/StackLLaMA", 50L), hub("Some/child-of-LLaMA-2", 5L)),
                NOW);
        new HubListingStore(graph).store(new HubListingPage(List.of(hub("TheBloke/StackLLaMA-GGUF", 900L)),
                List.of(new Derivation("TheBloke/StackLLaMA-GGUF", "Vendor/Quantised-Base", Relation.QUANTIZED, List.of(),
                        "hf-tag"))), NOW);
    }

    /**
     * The first page of {@code q} (typed in capitals first) while the cap's number of models hold
     * it, counted exactly, then once one more does, with the total capped.
     */
    private static Page<ModelSummary> countedThenCappedByOneMore(Graph graph, ModelQueries search, String q, int cap) {
        Page<ModelSummary> counted = search.list(new ModelFilter(q.toUpperCase(Locale.ROOT), null, null, null, null, null, null), 0, 5);
        assertThat(counted.total()).isEqualTo(cap);
        assertThat(counted.totalCapped()).isFalse();

        new HubListingStore(graph).store(new HubListingPage(List.of(hub("lab/Qwen-last", 1L)), List.of()), NOW);
        Page<ModelSummary> capped = search.list(new ModelFilter(q, null, null, null, null, null, null), 0, 5);
        assertThat(capped.total()).isEqualTo(cap);
        assertThat(capped.totalCapped()).isTrue();
        return capped;
    }

    /** Models {@code lab/qwen-0} to {@code lab/qwen-(count-1)}, downloaded 100, 101, ..., and {@code more}. */
    private static void storeQwens(Graph graph, int count, HubModel... more) {
        List<HubModel> models = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            models.add(hub("lab/Qwen-" + i, 100L + i));
        }
        models.addAll(List.of(more));
        new HubListingStore(graph).store(new HubListingPage(models, List.of()), NOW);
    }

    private static HubModel hub(String hfId, Long downloads) {
        return new HubModel(hfId, hfId.substring(0, hfId.indexOf('/')), downloads, 1L, null, null, null, null, null, null, null);
    }

    private static List<String> ids(ModelQueries queries, String q) {
        return queries.list(new ModelFilter(q, null, null, null, null, null, ModelFilter.Sort.RELEVANCE), 0, 50).items()
                .stream().map(ModelSummary::id).toList();
    }

    private static Map<String, Object> params(String q) {
        Map<String, Object> params = ModelQueries.params(new ModelFilter(q, null, null, null, null, null, null));
        params.put("skip", 0);
        params.put("limit", 20);
        params.put("front", ModelSearch.FRONT);
        return params;
    }

    private static String lower(Object text) {
        return text == null ? "" : text.toString().toLowerCase(Locale.ROOT);
    }
}
