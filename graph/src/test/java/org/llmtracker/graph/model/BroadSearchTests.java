package org.llmtracker.graph.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.graph.hub.HubListingPage;
import org.llmtracker.graph.hub.HubListingWriter;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;

/**
 * A search matching more models than it counts exactly reads its page from the top of the id and
 * downloads indexes instead; the page must be the one the exact read gives. Here the bound is 5
 * models, so a few dozen Hub models reach the walk; the exact answer is the same search with the
 * bound above the store.
 */
@Neo4jTest
class BroadSearchTests {

    private static final Instant NOW = Instant.parse("2026-11-02T00:00:00Z");

    private ModelQueries broad;
    private ModelQueries exact;

    @BeforeEach
    void hub(Graph graph) {
        List<HubModel> models = new ArrayList<>();
        String[] owners = {"meta-llama", "llamafactory", "thebloke", "qwen", "unsloth"};
        for (int i = 0; i < 40; i++) {
            String owner = owners[i % owners.length];
            String name = (i % 3 == 0 ? "Llama-2-" : i % 3 == 1 ? "Qwen2-Llama-" : "Mistral-") + (7 + i) + "B"
                    + (i % 4 == 0 ? "-GGUF" : "-Instruct");
            // Distinct downloads but for two pairs, so ties fall to the name as the exact read orders them.
            long downloads = i == 7 || i == 8 ? 500 : i == 20 || i == 21 ? 90 : 1_000L * ((i * 37) % 41);
            models.add(new HubModel(owner + "/" + name, owner, downloads, null, null, null, null, null, null, null, null));
        }
        models.add(new HubModel("llama", "someone", 3L, null, null, null, null, null, null, null, null));
        new HubListingWriter(graph).store(new HubListingPage(models, List.of()), NOW);
        broad = new ModelQueries(graph, new ModelSearch(graph, 5));
        exact = new ModelQueries(graph, new ModelSearch(graph, 10_000));
    }

    @Test
    void everyPageByRelevanceIsTheExactPage() {
        for (String q : List.of("llama", "LLAMA", "lla", "meta-llama", "meta", "qwen2", "llama 2", "instruct", "l")) {
            int total = (int) exact.list(filter(q, ModelFilter.Sort.RELEVANCE), 0, 200).total();
            for (int skip = 0; skip + 4 <= Math.min(total, 5); skip += 1) {
                assertThat(ids(broad.list(filter(q, ModelFilter.Sort.RELEVANCE), skip, 4)))
                        .as("%s from %d", q, skip).isEqualTo(ids(exact.list(filter(q, ModelFilter.Sort.RELEVANCE), skip, 4)));
            }
        }
    }

    @Test
    void byDownloadsToo() {
        for (String q : List.of("llama", "instruct", "gguf")) {
            assertThat(ids(broad.list(filter(q, ModelFilter.Sort.DOWNLOADS), 0, 5)))
                    .as(q).isEqualTo(ids(exact.list(filter(q, ModelFilter.Sort.DOWNLOADS), 0, 5)));
        }
    }

    @Test
    void theTotalSaysAtLeastWhenTheSearchWalked() {
        Page<ModelSummary> walked = broad.list(filter("llama", ModelFilter.Sort.RELEVANCE), 0, 3);
        assertThat(walked.exact()).isFalse();
        assertThat(walked.total()).isEqualTo(5);
        assertThat(ids(walked)).first().isEqualTo("llama");
        Page<ModelSummary> counted = exact.list(filter("llama", ModelFilter.Sort.RELEVANCE), 0, 3);
        assertThat(counted.exact()).isTrue();
        assertThat(counted.total()).isGreaterThan(5);
    }

    @Test
    void otherOrdersAndFiltersReadExactly() {
        ModelFilter byName = new ModelFilter("llama", null, null, null, null, null, ModelFilter.Sort.NAME);
        assertThat(broad.list(byName, 0, 5)).isEqualTo(exact.list(byName, 0, 5));
        ModelFilter byOwner = new ModelFilter("llama", "thebloke", null, null, null, null, ModelFilter.Sort.RELEVANCE);
        assertThat(ids(broad.list(byOwner, 0, 3))).isEqualTo(ids(exact.list(byOwner, 0, 3)));
        ModelFilter pastTheWalk = filter("llama", ModelFilter.Sort.RELEVANCE);
        assertThat(broad.list(pastTheWalk, 10, 5)).isEqualTo(exact.list(pastTheWalk, 10, 5));
    }

    private static ModelFilter filter(String q, ModelFilter.Sort sort) {
        return new ModelFilter(q, null, null, null, null, null, sort);
    }

    private static List<String> ids(Page<ModelSummary> page) {
        return page.items().stream().map(ModelSummary::id).toList();
    }
}
