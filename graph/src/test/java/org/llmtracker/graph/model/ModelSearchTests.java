package org.llmtracker.graph.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmtracker.graph.testing.Entries.model;
import static org.llmtracker.graph.testing.Entries.withHosting;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.CatalogEntry;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;

/** What a search box finds: names, ids, Hub ids and aliases in any case, the model named exactly first. */
@Neo4jTest
class ModelSearchTests {

    private ModelQueries models;

    @BeforeEach
    void catalogue(Graph graph) {
        models = new ModelQueries(graph);
        new CatalogWriter(graph).applyFile(List.of(
                named("alpaca", "Stanford Alpaca"),
                named("alpaca-lora", "Alpaca-LoRA"),
                named("chinese-llama-alpaca", "Chinese-LLaMA-Alpaca"),
                withHosting(named("llama", "LLaMA"), List.of(), List.of("huggyllama/llama-7b"))),
                Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void theModelWhoseIdIsTheTextComesFirst() {
        assertThat(search("ALPACA")).containsExactly("alpaca", "alpaca-lora", "chinese-llama-alpaca");
    }

    @Test
    void anAliasFindsItsModel() {
        assertThat(search("HuggyLlama/LLaMA-7b")).containsExactly("llama");
        assertThat(search("huggyllama")).containsExactly("llama");
    }

    private List<String> search(String q) {
        return models.list(new ModelFilter(q, null, null, null, null, null, ModelFilter.Sort.RELEVANCE), 0, 10)
                .items().stream().map(ModelSummary::id).toList();
    }

    private static CatalogEntry named(String id, String name) {
        CatalogEntry e = model(id);
        return new CatalogEntry(e.id(), name, e.kind(), e.organisation(), e.region(), e.parameters(), e.openSource(),
                e.releasedAt(), e.license(), e.description(), e.githubRepositories(), e.huggingfaceIds(),
                e.baseModels(), e.links());
    }
}
