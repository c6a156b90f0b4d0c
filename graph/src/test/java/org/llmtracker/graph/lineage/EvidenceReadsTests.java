package org.llmtracker.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.inference.InferredLinks.Decision;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.llmtracker.graph.inference.InferredLinks;
import org.llmtracker.graph.inference.InferredLink;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.LineageWriter;

/** Lineage reads with {@code evidence=declared} leave inferred links out; by default they show them, marked. */
@Neo4jTest
class EvidenceReadsTests {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final String BASE = "meta/base-7b";
    private static final String TUNE = "lab/base-7b-chat";
    private static final String GGUF = "quant/base-7b-gguf";
    private static final String BELOW = "user/base-7b-gguf-merge";

    @Test
    void descendantsShowInferredLinksMarkedByDefaultAndLeaveThemOutForDeclaredEvidence(Graph graph) {
        family(graph);
        LineageQueries lineage = new LineageQueries(graph);

        var all = lineage.descendants(BASE, RelativeFilter.depth(5), 0, 10);
        assertThat(all.items()).extracting(Relative::id, Relative::depth, Relative::sources, Relative::confidence)
                .containsExactlyInAnyOrder(tuple(TUNE, 1, List.of("hf-tag"), null), tuple(GGUF, 1, List.of("inferred"), 0.97),
                        tuple(BELOW, 2, List.of("hf-card"), null));

        var declared = lineage.descendants(BASE, RelativeFilter.depth(5).declared(true), 0, 10);
        assertThat(declared.total()).isEqualTo(1);
        assertThat(declared.items()).extracting(Relative::id).containsExactly(TUNE);
    }

    @Test
    void ancestorsAndTreesFollowDeclaredLinksOnlyWhenAsked(Graph graph) {
        family(graph);
        LineageQueries lineage = new LineageQueries(graph);

        assertThat(lineage.ancestors(BELOW, RelativeFilter.depth(5), 0, 10).items())
                .extracting(Relative::id, Relative::depth, Relative::sources)
                .containsExactly(tuple(GGUF, 1, List.of("hf-card")), tuple(BASE, 2, List.of("inferred")));
        assertThat(lineage.ancestors(BELOW, RelativeFilter.depth(5).declared(true), 0, 10).items())
                .extracting(Relative::id).containsExactly(GGUF);

        assertThat(lineage.tree(BASE, 3, 100, false, false).orElseThrow().root().children()).extracting(TreeNode::id)
                .containsExactlyInAnyOrder(TUNE, GGUF);
        LineageQueries.Tree declared = lineage.tree(BASE, 3, 100, false, true).orElseThrow();
        assertThat(declared.root().children()).extracting(TreeNode::id).containsExactly(TUNE);
        assertThat(declared.nodes()).isEqualTo(2);
    }

    @Test
    void onceTheInferredParentIsDeclaredTheWholeLineIsDeclared(Graph graph) {
        family(graph);

        new LineageWriter(graph).upsertDerivations(List.of(new Derivation(GGUF, BASE, Relation.QUANTIZED, List.of(), "hf-tag")), NOW);

        var declared = new LineageQueries(graph).descendants(BASE, RelativeFilter.depth(5).declared(true), 0, 10);
        assertThat(declared.items()).extracting(Relative::id, Relative::depth)
                .containsExactlyInAnyOrder(tuple(TUNE, 1), tuple(GGUF, 1), tuple(BELOW, 2));
        long marked = graph.read(tx -> tx.run("MATCH ()-[r:DESCENDS_FROM]->() WHERE r.inferredOnly OR r.declaredDepth IS NOT NULL "
                + "RETURN count(r) AS n").single().get("n").asLong());
        assertThat(marked).as("rows that only a declared path reaches carry nothing extra").isZero();
    }

    @Test
    void aMergeReachingAnAncestorSoonerThroughAnInferredLinkKeepsItsLongerDeclaredDepth(Graph graph) {
        models(graph, "a/root", "b/mid", "e/mid2", "c/guess", "d/merge");
        new LineageWriter(graph).upsertDerivations(List.of(new Derivation("b/mid", "a/root", Relation.FINETUNE, List.of(), "hf-tag"),
                new Derivation("e/mid2", "b/mid", Relation.FINETUNE, List.of(), "hf-tag"),
                new Derivation("d/merge", "e/mid2", Relation.MERGE, List.of(), "hf-tag"),
                new Derivation("d/merge", "c/guess", Relation.MERGE, List.of(), "hf-tag")), NOW);
        new InferredLinks(graph).record(List.of(new Decision("c/guess",
                new InferredLink("c/guess", "a/root", Relation.QUANTIZED, 0.9, List.of("name stem")))), NOW);

        LineageQueries lineage = new LineageQueries(graph);
        assertThat(lineage.descendants("a/root", RelativeFilter.depth(5), 0, 10).items())
                .extracting(Relative::id, Relative::depth).contains(tuple("d/merge", 2), tuple("c/guess", 1));
        assertThat(lineage.descendants("a/root", RelativeFilter.depth(5).declared(true), 0, 10).items())
                .extracting(Relative::id, Relative::depth)
                .containsExactlyInAnyOrder(tuple("b/mid", 1), tuple("e/mid2", 2), tuple("d/merge", 3));
        assertThat(lineage.descendants("a/root", new RelativeFilter(null, null, 2, null, true), 0, 10).items())
                .extracting(Relative::id).containsExactlyInAnyOrder("b/mid", "e/mid2");
    }

    @Test
    void aPathGoesThroughAnInferredLinkOnlyWhenInferredLinksCount(Graph graph) {
        family(graph);
        LineageQueries lineage = new LineageQueries(graph);

        assertThat(lineage.path(BELOW, TUNE).orElseThrow().nodes()).extracting(LineagePath.Step::id)
                .containsExactly(BELOW, GGUF, BASE, TUNE);
        assertThat(lineage.path(BELOW, TUNE, true)).as("only the inferred link joins the two lines").isEmpty();
        assertThat(lineage.path(BELOW, GGUF, true).orElseThrow().length()).isOne();
    }

    @Test
    void declaredEvidenceAcrossGenerationsLeavesOutWhatOnlyInferenceJoinsToAnyVersion(Graph graph) {
        family(graph);
        models(graph, "meta/base-2-7b", "lab/base-2-7b-chat", "quant/base-2-7b-gguf");
        new LineageWriter(graph).upsertDerivations(List.of(
                new Derivation("lab/base-2-7b-chat", "meta/base-2-7b", Relation.FINETUNE, List.of(), "hf-tag")), NOW);
        new InferredLinks(graph).record(List.of(new Decision("quant/base-2-7b-gguf", new InferredLink("quant/base-2-7b-gguf",
                "meta/base-2-7b", Relation.QUANTIZED, 0.95, List.of("name stem")))), NOW);
        graph.write(tx -> tx.run("""
                MATCH (newer:Model {id: 'meta/base-2-7b'}), (older:Model {id: $base})
                CREATE (newer)-[:NEW_VERSION_OF {sources: ['catalog']}]->(older)
                """, java.util.Map.of("base", BASE)).consume());
        LineageQueries lineage = new LineageQueries(graph);

        assertThat(lineage.descendants(BASE, RelativeFilter.depth(5), 0, 20, true).items()).extracting(Relative::id)
                .containsExactlyInAnyOrder(TUNE, GGUF, BELOW, "meta/base-2-7b", "lab/base-2-7b-chat", "quant/base-2-7b-gguf");
        var declared = lineage.descendants(BASE, RelativeFilter.depth(5).declared(true), 0, 20, true);
        assertThat(declared.items()).extracting(Relative::id)
                .containsExactlyInAnyOrder(TUNE, "meta/base-2-7b", "lab/base-2-7b-chat");
        assertThat(declared.total()).isEqualTo(3);

        LineageQueries.Tree tree = lineage.tree(BASE, 3, 100, true, true).orElseThrow();
        assertThat(tree.nodes()).isEqualTo(4);
        assertThat(tree.root().children()).extracting(TreeNode::id).containsExactlyInAnyOrder("meta/base-2-7b", TUNE);
    }

    /** A base with a declared fine-tune, a quantization linked by inference, and a model declared below that. */
    private static void family(Graph graph) {
        models(graph, BASE, TUNE, GGUF, BELOW);
        LineageWriter writer = new LineageWriter(graph);
        writer.upsertDerivations(List.of(new Derivation(TUNE, BASE, Relation.FINETUNE, List.of(), "hf-tag"),
                new Derivation(BELOW, GGUF, Relation.MERGE, List.of(), "hf-card")), NOW);
        new InferredLinks(graph).record(List.of(new Decision(GGUF,
                new InferredLink(GGUF, BASE, Relation.QUANTIZED, 0.97, List.of("name stem \"base-7b\" = " + BASE)))), NOW);
    }

    private static void models(Graph graph, String... ids) {
        new LineageWriter(graph).upsertModels(Arrays.stream(ids).map(id -> new HubModel(id, id.substring(0, id.indexOf('/')), 10L, 0L,
                null, null, null, null, NOW, null, null)).toList(), NOW);
    }
}
