package org.llmtracker.graph.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmtracker.graph.testing.Entries.model;
import static org.llmtracker.graph.testing.Entries.withHosting;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.inference.InferredLinks.Decision;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.neo4j.driver.Value;
import org.llmtracker.graph.lineage.Relative;
import org.llmtracker.graph.lineage.LineageConflicts;
import org.llmtracker.graph.lineage.RelativeFilter;
import org.llmtracker.graph.lineage.LineageQueries;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.LineageWriter;

@Neo4jTest
class InferredLinksTests {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final String GGUF = "TheBloke/Llama-2-13B-chat-GGUF";
    private static final String BASE = "meta-llama/Llama-2-13b-chat-hf";

    @Test
    void anInferredLinkIsADerivationFromInferenceWithConfidenceAndEvidenceThatTheAncestryIndexCovers(Graph graph) {
        models(graph, BASE, GGUF);

        var written = new InferredLinks(graph).record(List.of(decision(GGUF, BASE, 0.97)), NOW);

        assertThat(written.written()).isEqualTo(1);
        Value link = link(graph, GGUF);
        assertThat(link.get("sources").asList(Value::asString)).containsExactly("inferred");
        assertThat(link.get("confidence").asDouble()).isEqualTo(0.97);
        assertThat(link.get("relation").asString()).isEqualTo("QUANTIZED");
        assertThat(link.get("evidence").asList(Value::asString)).contains("name stem \"Llama-2-13B-chat\" = " + BASE);
        assertThat(new LineageQueries(graph).descendants(BASE.toLowerCase(), RelativeFilter.depth(5), 0, 10).items())
                .extracting(Relative::id).containsExactly(GGUF.toLowerCase());
    }

    @Test
    void recordingTheSameDecisionsAgainChangesNothing(Graph graph) {
        models(graph, BASE, GGUF);
        InferredLinks links = new InferredLinks(graph);
        links.record(List.of(decision(GGUF, BASE, 0.97)), NOW);

        links.record(List.of(decision(GGUF, BASE, 0.97)), NOW.plusSeconds(3600));

        assertThat(count(graph, "MATCH ()-[d:DERIVED_FROM]->() RETURN count(d) AS n")).isEqualTo(1);
        assertThat(link(graph, GGUF).get("observedAt").asZonedDateTime().toInstant()).isEqualTo(NOW);
    }

    @Test
    void aNewAnswerReplacesTheOldLinkAndNoAnswerRemovesIt(Graph graph) {
        models(graph, BASE, "NousResearch/Llama-2-13b-chat-hf", GGUF);
        InferredLinks links = new InferredLinks(graph);
        links.record(List.of(decision(GGUF, "NousResearch/Llama-2-13b-chat-hf", 0.9)), NOW);

        links.record(List.of(decision(GGUF, BASE, 0.95)), NOW);
        assertThat(link(graph, GGUF).get("parent").asString()).isEqualTo(BASE.toLowerCase());

        links.record(List.of(new Decision(GGUF, null)), NOW);
        assertThat(count(graph, "MATCH ()-[d:DERIVED_FROM]->() RETURN count(d) AS n")).isZero();
        assertThat(new LineageQueries(graph).descendants(BASE.toLowerCase(), RelativeFilter.depth(5), 0, 10).total()).isZero();
    }

    @Test
    void raisingTheThresholdOrTurningFineTunesOffRemovesWhatNoLongerQualifies(Graph graph) {
        models(graph, BASE, GGUF, "lab/Llama-2-13b-chat-pirate");
        InferredLinks links = new InferredLinks(graph);
        links.record(List.of(decision(GGUF, BASE, 0.85),
                new Decision("lab/Llama-2-13b-chat-pirate", new InferredLink("lab/Llama-2-13b-chat-pirate", BASE,
                        Relation.FINETUNE, 0.95, List.of("card: \"fine-tuned from " + BASE + "\"")))), NOW);

        assertThat(links.prune(0.9, true)).isEqualTo(1);
        assertThat(count(graph, "MATCH ()-[d:DERIVED_FROM]->() RETURN count(d) AS n")).isEqualTo(1);
        assertThat(links.prune(0.9, false)).isEqualTo(1);
        assertThat(new LineageQueries(graph).descendants(BASE.toLowerCase(), RelativeFilter.depth(5), 0, 10).total()).isZero();
    }

    @Test
    void aParentDeclaredLaterReplacesTheInferredOneAndTheDisagreementIsListed(Graph graph) {
        models(graph, BASE, "NousResearch/Llama-2-13b-chat-hf", GGUF);
        new InferredLinks(graph).record(List.of(decision(GGUF, "NousResearch/Llama-2-13b-chat-hf", 0.9)), NOW);

        new LineageWriter(graph).upsertDerivations(List.of(new Derivation(GGUF, BASE, Relation.QUANTIZED, List.of(), "hf-tag")), NOW);

        Value link = link(graph, GGUF);
        assertThat(link.get("parent").asString()).isEqualTo(BASE.toLowerCase());
        assertThat(link.get("sources").asList(Value::asString)).containsExactly("hf-tag");
        assertThat(count(graph, "MATCH ()-[d:DERIVED_FROM]->() RETURN count(d) AS n")).isEqualTo(1);
        assertThat(new LineageConflicts(graph).list()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("INFERRED_DIFFERS");
            assertThat(c.child()).isEqualTo(GGUF.toLowerCase());
            assertThat(c.parent()).isEqualTo(BASE.toLowerCase());
            assertThat(c.inferredParent()).isEqualTo("nousresearch/llama-2-13b-chat-hf");
            assertThat(c.confidence()).isEqualTo(0.9);
        });
        // Each of the three models finds it from its own page: the child, the declared parent, the inferred one.
        for (String id : List.of(GGUF, BASE, "NousResearch/Llama-2-13b-chat-hf")) {
            assertThat(new LineageConflicts(graph).involving(id)).as(id).isEqualTo(new LineageConflicts(graph).list());
        }
        assertThat(new LineageQueries(graph).descendants("nousresearch/llama-2-13b-chat-hf", RelativeFilter.depth(5), 0, 10)
                .total()).isZero();
    }

    @Test
    void aDeclarationOfTheInferredParentKeepsTheLinkAsDeclaredWithNoConflict(Graph graph) {
        models(graph, BASE, GGUF);
        new InferredLinks(graph).record(List.of(decision(GGUF, BASE, 0.97)), NOW);

        new LineageWriter(graph).upsertDerivations(List.of(new Derivation(GGUF, BASE, Relation.QUANTIZED, List.of(), "hf-tag")), NOW);

        Value link = link(graph, GGUF);
        assertThat(link.get("sources").asList(Value::asString)).containsExactly("hf-tag");
        assertThat(link.get("confidence").isNull()).isTrue();
        assertThat(new LineageConflicts(graph).list()).isEmpty();
    }

    @Test
    void aLinkThatWouldCloseACycleIsRefused(Graph graph) {
        models(graph, "a/Base-7B", "b/Base-7B-tuned");
        new LineageWriter(graph).upsertDerivations(List.of(new Derivation("b/Base-7B-tuned", "a/Base-7B", Relation.FINETUNE,
                List.of(), "hf-tag")), NOW);

        var written = new InferredLinks(graph).record(List.of(new Decision("a/Base-7B",
                new InferredLink("a/Base-7B", "b/Base-7B-tuned", Relation.UNKNOWN, 0.99, List.of("made up")))), NOW);

        assertThat(written.written()).isZero();
        assertThat(written.refused()).containsExactly("a/base-7b -> b/base-7b-tuned");
        assertThat(count(graph, "MATCH ()-[d:DERIVED_FROM]->() RETURN count(d) AS n")).isEqualTo(1);
    }

    @Test
    void aCataloguedModelAndAModelWithADeclaredParentGetNoInferredLink(Graph graph) {
        new CatalogWriter(graph).applyFile(List.of(withHosting(model("llama"), List.of(), List.of("huggyllama/llama-7b"))), NOW);
        models(graph, BASE, "x/declared", "y/other");
        new LineageWriter(graph).upsertDerivations(List.of(new Derivation("x/declared", "y/other", Relation.FINETUNE, List.of(),
                "hf-card")), NOW);

        var written = new InferredLinks(graph).record(List.of(decision("llama", BASE, 0.99), decision("x/declared", BASE, 0.99)), NOW);

        assertThat(written.written()).isZero();
        assertThat(count(graph, "MATCH ()-[d:DERIVED_FROM {sources: ['inferred']}]->() RETURN count(d) AS n")).isZero();
    }

    @Test
    void theJobReadsModelsWithoutADeclaredParentAndEveryStoredHubModelAsACandidate(Graph graph) {
        models(graph, BASE, GGUF, "x/declared");
        new LineageWriter(graph).upsertDerivations(List.of(new Derivation("x/declared", BASE, Relation.FINETUNE, List.of(),
                "hf-card")), NOW);
        InferenceReads reads = new InferenceReads(graph);

        assertThat(reads.subjects(10)).extracting(StoredHubModel::hfId).containsExactlyInAnyOrder(BASE, GGUF);
        new InferredLinks(graph).record(List.of(decision(GGUF, BASE, 0.97)), NOW);
        assertThat(reads.subjects(10)).extracting(StoredHubModel::hfId).as("the never-checked first").startsWith(BASE);
        List<StoredHubModel> all = new java.util.ArrayList<>();
        reads.candidates(all::add);
        assertThat(all).hasSize(3);
    }

    private static Decision decision(String child, String parent, double confidence) {
        return new Decision(child, new InferredLink(child, parent, Relation.QUANTIZED, confidence,
                List.of("name stem \"Llama-2-13B-chat\" = " + BASE, "older by 41 days")));
    }

    private static void models(Graph graph, String... ids) {
        new LineageWriter(graph).upsertModels(java.util.Arrays.stream(ids)
                .map(id -> new HubModel(id, id.substring(0, id.indexOf('/')), 10L, 0L, null, null, null, null, NOW.minusSeconds(86_400),
                        null, null)).toList(), NOW);
    }

    private static Value link(Graph graph, String child) {
        return graph.read(tx -> tx.run("""
                MATCH (:Model {id: $id})-[d:DERIVED_FROM]->(p) RETURN d {.*, parent: p.id} AS d
                """, java.util.Map.of("id", child.toLowerCase())).single().get("d"));
    }

    private static long count(Graph graph, String query) {
        return graph.read(tx -> tx.run(query).single().get("n").asLong());
    }
}
