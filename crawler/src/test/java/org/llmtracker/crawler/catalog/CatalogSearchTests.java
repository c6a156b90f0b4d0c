package org.llmtracker.crawler.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.model.ModelFilter;
import org.llmtracker.graph.model.ModelQueries;
import org.llmtracker.graph.model.ModelSummary;
import org.llmtracker.graph.model.Page;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;

/**
 * Search through the TEXT indexes answers what the scan it replaced answered, on the shipped
 * catalogue: the same models in the same order for names, ids, Hub ids and aliases in any case,
 * Chinese names, words inside other words, and the prefixes a search box sends while someone
 * types. The scan is kept here, word for word, as the reference.
 */
@Neo4jTest
class CatalogSearchTests {

    /** The search as it was before the index: every model, CONTAINS on each field. */
    private static final String SCAN = """
            MATCH (m:Model)
            WHERE m.id CONTAINS $q OR toLower(m.name) CONTAINS $q OR toLower(m.hfId) CONTAINS $q
                   OR EXISTS { (a:Alias)-[:ALIAS_OF]->(m) WHERE a.id CONTAINS $q }
            WITH m ORDER BY CASE WHEN m.id = $q OR EXISTS { (:Alias {id: $q})-[:ALIAS_OF]->(m) } THEN 0
                     WHEN toLower(m.name) = $q THEN 1
                     WHEN m.id STARTS WITH $q OR toLower(m.name) STARTS WITH $q THEN 2
                     ELSE 3 END, coalesce(m.downloads, -1) DESC, toLower(m.name), m.id
            RETURN m.id AS id
            """;

    private Graph graph;
    private ModelQueries models;

    @BeforeEach
    void shippedCatalogue(Graph graph) {
        this.graph = graph;
        this.models = new ModelQueries(graph);
        new CatalogWriter(graph).applyFile(new CatalogLoader().loadShipped(), Instant.parse("2026-11-01T00:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        // names and ids, any case
        "LLaMA", "llama 2", "Llama-2", "alpaca", "ALPACA", "Vicuna", "chatglm", "ChatGLM-6B", "glm", "GLM-4.5", "moss",
        "gpt-4", "GPT", "bloom", "Dolly", "belle", "open-llama", "pythia", "luotuo", "huatuo",
        // Hub ids and aliases
        "huggyllama/llama-7b", "HUGGYLLAMA", "meta-llama", "meta-llama/Llama-2-7b", "THUDM/chatglm-6b", "lmsys",
        "tloen/alpaca-lora-7b", "EleutherAI/pythia",
        // Chinese names
        "文心一言", "文心", "一言", "骆驼", "驼", "华驼", "开源版本",
        // what a search box sends while someone types "chatglm" and "vicuna"
        "c", "ch", "cha", "chat", "chatg", "v", "vi", "vic", "vicu",
        // a word inside another word, text across separators, one and two characters, an organisation's name
        "llama", "LLaMA-2", "llama 2", "llama/2", "lora", "7b", "-", "/", ".", "a", "ll", "Meta AI", "meta", "Stanford",
        // markup is text: found only where a name holds it
        "(llama)", "\"vicuna\"", "glm AND chat", "llama*", "name:llama", "\\"})
    void findsWhatTheScanFound(String q) {
        assertThat(search(q)).as("search for '%s'", q).isEqualTo(scan(q));
    }

    @Test
    void aWordInsideAnotherWordIsFound() {
        // "llama" inside "StackLLaMA" and "ChatLLaMA": today's search found them, the index keeps it.
        assertThat(search("llama")).contains("stackllama", "chatllama", "llama", "llama-2");
        assertThat(search("llama")).first().isEqualTo("llama");
        assertThat(search("stackl")).first().isEqualTo("stackllama");
    }

    @Test
    void anOrganisationsNameAddsNoModel() {
        // The scan never read organisations; the organisation filter does that.
        assertThat(scan("meta ai")).isEmpty();
        assertThat(search("Meta AI")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"", "*", ":", "(", "~", "\\", "AND", "OR", "NOT", "llama AND", "OR llama", "\"llama",
        "llama*", "lla?a", "llama~2", "name:llama", "(llama", "llama)", "[a TO z]", "{", "^2", "!", "&&", "||", "/",
        "+-", "a\\", "\\\"", "llama\\", "glm:4.5", "\u0000", "   "})
    void queryMarkupIsTextNeverSyntax(String q) {
        Page<ModelSummary> found = models.list(new ModelFilter(q, null, null, null, null, null,
                ModelFilter.Sort.RELEVANCE), 0, 50);
        assertThat(found.items()).extracting(ModelSummary::id).allSatisfy(id -> assertThat(id).isNotBlank());
        // as many as the scan finds: markup selects nothing, and text that trims to nothing lists every model as today
        assertThat(found.total()).isEqualTo(scan(q).size());
    }

    @Test
    void filtersAndPagingApplyToSearch() {
        List<String> all = search("llama");
        Page<ModelSummary> second = models.list(new ModelFilter("llama", null, null, null, null, null,
                ModelFilter.Sort.RELEVANCE), 3, 3);
        assertThat(second.total()).isEqualTo(all.size());
        assertThat(second.items()).extracting(ModelSummary::id).isEqualTo(all.subList(3, 6));
        List<String> byMeta = models.list(new ModelFilter("llama", "Meta AI", null, null, null, null,
                ModelFilter.Sort.RELEVANCE), 0, 50).items().stream().map(ModelSummary::id).toList();
        assertThat(byMeta).isNotEmpty().isSubsetOf(all).contains("llama").doesNotContain("alpaca-lora", "open-llama");
    }

    private List<String> search(String q) {
        return models.list(new ModelFilter(q, null, null, null, null, null, ModelFilter.Sort.RELEVANCE), 0, 200)
                .items().stream().map(ModelSummary::id).toList();
    }

    private List<String> scan(String q) {
        Map<String, Object> params = new HashMap<>();
        params.put("q", q.trim().toLowerCase(Locale.ROOT));
        return graph.read(tx -> tx.run(SCAN, params).list(r -> r.get("id").asString()));
    }
}
