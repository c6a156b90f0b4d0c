package org.llmtracker.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.store.ModelKeys;
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

    @Test
    void searchFindsTheHeadsWhoseIdOrNameHoldsTheTextInAnyCaseAndCapsTheTotalOfABroadOne(Graph graph) {
        // Heads of 1 to 6 descendants. Hard cases: the text only in a head's Hub id (its search text holds
        // it: not a match), only in its name in another case, in members that are no heads, in a head without
        // descendants left, and ties on size broken by id.
        HubListingStore writer = new HubListingStore(graph);
        List<HubModel> models = new java.util.ArrayList<>();
        List<Derivation> links = new java.util.ArrayList<>();
        String[] heads = {"qwen/qwen-a", "qwen/qwen-b", "lab/qwen-c", "other/base", "z/qwen-tie", "y/qwen-tie"};
        int[] sizes = {6, 1, 3, 5, 2, 2};
        for (int h = 0; h < heads.length; h++) {
            models.add(hub(heads[h]));
            for (int i = 0; i < sizes[h]; i++) {
                String member = "fan" + h + "/qwen-ft-" + i; // every member holds the text too
                models.add(hub(member));
                links.add(link(member, heads[h], Relation.FINETUNE));
            }
        }
        writer.store(new HubListingPage(models, links), NOW);
        // names as a writer sets them, with the keys derived from them (ModelKeys)
        graph.write(tx -> tx.run("""
                UNWIND [['other/base', 'QWEN-Named'], ['lab/qwen-c', 'Lab Model']] AS named
                MATCH (m:Model {id: named[0]}) SET m.name = named[1]
                """ + ModelKeys.set("m")).consume());
        graph.write(tx -> tx.run("MATCH (m:Model {id: 'lab/qwen-c'}) SET m.searchText = m.searchText + '\nqwen-hf-only'")
                .consume());
        // a head whose only Hub id holds the text: its search text has it, its id and name do not
        writer.store(new HubListingPage(List.of(hub("hf/mirror"), hub("kid/x")), List.of(link("kid/x", "hf/mirror",
                Relation.QUANTIZED))), NOW);
        graph.write(tx -> tx.run("MATCH (m:Model {id: 'hf/mirror'}) SET m.searchText = m.searchText + '\nqwen/mirror'")
                .consume());

        FamilyQueries exact = new FamilyQueries(graph);
        var found = exact.families("Qwen", 0, 10);
        assertThat(found.totalCapped()).isFalse();
        assertThat(found.items()).extracting(Family::id)
                .containsExactly("qwen/qwen-a", "other/base", "lab/qwen-c", "y/qwen-tie", "z/qwen-tie", "qwen/qwen-b");
        assertThat(found.total()).isEqualTo(6);
        assertThat(exact.families("qwen", 4, 10).items()).extracting(Family::id).containsExactly("z/qwen-tie", "qwen/qwen-b");
        assertThat(exact.families("lab model", 0, 10).items()).extracting(Family::id).containsExactly("lab/qwen-c");
        assertThat(exact.families("mirror", 0, 10).items()).extracting(Family::id).containsExactly("hf/mirror");
        assertThat(exact.families("qwen-hf-only", 0, 10).total()).as("the search text's extra line is not the id or name").isZero();

        FamilyQueries capped = new FamilyQueries(graph, 3);
        var broad = capped.families("qwen", 0, 4);
        assertThat(broad.totalCapped()).isTrue();
        assertThat(broad.total()).isEqualTo(3);
        assertThat(broad.items()).extracting(Family::id).containsExactly("qwen/qwen-a", "other/base", "lab/qwen-c", "y/qwen-tie");
        assertThat(capped.families("qwen", 4, 4).items()).extracting(Family::id).containsExactly("z/qwen-tie", "qwen/qwen-b");
        assertThat(capped.families("tie", 0, 4).totalCapped()).as("two heads: below the cap").isFalse();
    }

    private static Derivation link(String child, String parent, Relation relation) {
        return new Derivation(child, parent, relation, List.of(), "hf-tag");
    }

    private static HubModel hub(String id) {
        return new HubModel(id, id.substring(0, id.indexOf('/')), 10L, 1L, null, null, null, null, null, null, null);
    }
}
