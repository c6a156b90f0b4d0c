package org.llmtracker.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmtracker.graph.testing.Entries.base;
import static org.llmtracker.graph.testing.Entries.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;

@Neo4jTest
class LineageGraphTests {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    private Graph graph;
    private LineageQueries lineage;

    /**
     * llama <- alpaca ; llama <- vicuna <- minigpt-4 ; llama <- llama-q4 (QUANTIZED) ;
     * merged <- alpaca + vicuna + outsider (MERGE) ; outsider is a root of its own.
     */
    @BeforeEach
    void family(Graph graph) {
        this.graph = graph;
        this.lineage = new LineageQueries(graph);
        new CatalogWriter(graph).applyFile(List.of(
                model("llama"),
                model("outsider"),
                model("alpaca", base("llama", Relation.FINETUNE, Stage.SFT)),
                model("vicuna", base("llama", Relation.FINETUNE, Stage.SFT)),
                model("minigpt-4", base("vicuna", Relation.FINETUNE, Stage.SFT)),
                model("llama-q4", base("llama", Relation.QUANTIZED)),
                model("merged", base("alpaca", Relation.MERGE), base("vicuna", Relation.MERGE),
                        base("outsider", Relation.MERGE))), NOW);
        downloads(Map.of("alpaca", 10L, "vicuna", 20L, "minigpt-4", 5_000L, "llama-q4", 300L, "merged", 1L));
    }

    @Test
    void aSmallFamilyIsDrawnWholeWithEveryLinkAndTheOtherParentsOfAMerge() {
        LineageGraph drawn = lineage.graph("llama", 3, 100).orElseThrow();

        assertThat(drawn.nodes()).extracting(LineageGraph.Node::id)
                .containsExactlyInAnyOrder("llama", "alpaca", "vicuna", "minigpt-4", "llama-q4", "merged", "outsider");
        assertThat(drawn.shown()).isEqualTo(5);
        assertThat(drawn.descendants()).isEqualTo(5);
        assertThat(drawn.truncated()).isFalse();
        assertThat(drawn.links()).filteredOn(l -> l.child().equals("merged")).extracting(LineageGraph.Link::parent)
                .containsExactly("alpaca", "outsider", "vicuna");
        assertThat(node(drawn, "outsider").role()).isEqualTo("co-parent");
        assertThat(node(drawn, "minigpt-4").generation()).isEqualTo(2);
        assertThat(drawn.links()).filteredOn(l -> l.child().equals("alpaca")).singleElement()
                .satisfies(l -> {
                    assertThat(l.relation()).isEqualTo("FINETUNE");
                    assertThat(l.stages()).containsExactly("SFT");
                    assertThat(l.sources()).containsExactly("catalog");
                    assertThat(l.confidence()).isNull();
                });
    }

    @Test
    void aCutFamilyKeepsTheMostDownloadedWithTheModelsThatJoinThemToTheRoot() {
        LineageGraph drawn = lineage.graph("llama", 3, 3).orElseThrow();

        // minigpt-4 is the most downloaded; vicuna joins it to llama, and the budget of 3 is spent.
        assertThat(drawn.nodes()).extracting(LineageGraph.Node::id).containsExactly("llama", "vicuna", "minigpt-4");
        assertThat(drawn.shown()).isEqualTo(2);
        assertThat(drawn.descendants()).isEqualTo(5);
        assertThat(drawn.truncated()).isTrue();
        assertThat(drawn.links()).extracting(l -> l.child() + "->" + l.parent())
                .containsExactly("minigpt-4->vicuna", "vicuna->llama");
    }

    @Test
    void aDescendantSeesItsAncestorsUpToTheRoots() {
        LineageGraph drawn = lineage.graph("minigpt-4", 2, 100).orElseThrow();

        assertThat(drawn.nodes()).extracting(n -> n.id() + ":" + n.role() + ":" + n.generation())
                .containsExactly("minigpt-4:self:0", "vicuna:ancestor:-1", "llama:ancestor:-2");
        assertThat(drawn.descendants()).isZero();
    }

    @Test
    void anInferredLinkCarriesItsSourceAndConfidence() {
        graph.write(tx -> tx.run("""
                MATCH (:Model {id: 'llama-q4'})-[d:DERIVED_FROM]->() SET d.sources = ['inferred'], d.confidence = 0.75
                """).consume());

        LineageGraph drawn = lineage.graph("llama", 1, 100).orElseThrow();

        assertThat(drawn.links()).filteredOn(l -> l.child().equals("llama-q4")).singleElement()
                .satisfies(l -> {
                    assertThat(l.sources()).containsExactly("inferred");
                    assertThat(l.confidence()).isEqualTo(0.75);
                });
    }

    @Test
    void anUnknownModelHasNoGraph() {
        assertThat(lineage.graph("nobody", 2, 10)).isEmpty();
    }

    private static LineageGraph.Node node(LineageGraph graph, String id) {
        return graph.nodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }

    private void downloads(Map<String, Long> downloads) {
        graph.write(tx -> tx.run("UNWIND keys($d) AS id MATCH (m:Model {id: id}) SET m.downloads = $d[id]",
                Map.of("d", downloads)).consume());
    }
}
