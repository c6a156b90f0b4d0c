package org.llmtracker.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.llmtracker.graph.hub.HubListingStore;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.HubListingPage;

@Neo4jTest
class FamilyQueriesTests {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void familiesAreTheModelsDerivingFromNothingBiggestFirstWithTheirCounts(Graph graph) {
        HubListingStore writer = new HubListingStore(graph);
        writer.store(new HubListingPage(List.of(hub("meta/llama"), hub("a/chat"), hub("a/chat-gguf"), hub("b/merge"),
                hub("glm/base"), hub("c/glm-int4"), hub("lone/model")), List.of(
                link("a/chat", "meta/llama", Relation.FINETUNE), link("a/chat-gguf", "a/chat", Relation.QUANTIZED),
                link("b/merge", "a/chat", Relation.MERGE), link("b/merge", "glm/base", Relation.MERGE),
                link("c/glm-int4", "glm/base", Relation.QUANTIZED))), NOW);
        FamilyQueries families = new FamilyQueries(graph);

        var all = families.families(null, 0, 10);

        assertThat(all.total()).isEqualTo(2);
        assertThat(all.items()).containsExactly(
                new Family("meta/llama", "meta/llama", false, 10L, 3, 2, Map.of("FINETUNE", 1L, "QUANTIZED", 1L, "MERGE", 1L)),
                new Family("glm/base", "glm/base", false, 10L, 2, 1, Map.of("QUANTIZED", 1L, "MERGE", 1L)));
        assertThat(families.families("GLM", 0, 10).items()).extracting(Family::id).containsExactly("glm/base");
        assertThat(families.families(null, 1, 1).items()).extracting(Family::id).containsExactly("glm/base");
        assertThat(families.families(null, 2, 1).items()).isEmpty();

        // Linking a head below another model ends its family: it is now part of the other.
        writer.store(new HubListingPage(List.of(hub("glm/base")), List.of(link("glm/base", "a/chat", Relation.FINETUNE))),
                NOW);
        assertThat(families.families(null, 0, 10).items()).extracting(Family::id, Family::descendants)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("meta/llama", 5L));
    }

    private static Derivation link(String child, String parent, Relation relation) {
        return new Derivation(child, parent, relation, List.of(), "hf-tag");
    }

    private static HubModel hub(String id) {
        return new HubModel(id, id.substring(0, id.indexOf('/')), 10L, 1L, null, null, null, null, null, null, null);
    }
}
