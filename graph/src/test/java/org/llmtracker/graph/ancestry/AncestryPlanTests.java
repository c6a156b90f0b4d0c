package org.llmtracker.graph.ancestry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.ancestry.AncestryPlan.AncestorRow;
import org.llmtracker.graph.ancestry.AncestryPlan.ModelRows;

/** The index's rows computed from links alone, without a store. */
class AncestryPlanTests {

    private static Link link(String child, String parent, String relation, String... stages) {
        return new Link(child, parent, relation, List.of(stages));
    }

    private static Map<String, ModelRows> byModel(List<ModelRows> rows) {
        return rows.stream().collect(Collectors.toMap(ModelRows::id, r -> r));
    }

    private static Map<String, AncestorRow> byAncestor(ModelRows model) {
        return model.rows().stream().collect(Collectors.toMap(AncestorRow::ancestor, r -> r));
    }

    @Test
    void aChainGivesEveryModelItsAncestorsAtTheirDistanceThroughItsOneLink() {
        AncestryPlan plan = new AncestryPlan().include("alpaca").include("alpaca-gguf")
                .link(link("alpaca", "llama", "FINETUNE", "SFT"), false)
                .link(link("alpaca-gguf", "alpaca", "QUANTIZED"), false);

        Map<String, ModelRows> rows = byModel(plan.rows());

        assertThat(rows).containsOnlyKeys("alpaca", "alpaca-gguf");
        assertThat(rows.get("alpaca-gguf").only()).isEqualTo(link("alpaca-gguf", "alpaca", "QUANTIZED"));
        assertThat(byAncestor(rows.get("alpaca-gguf"))).containsOnlyKeys("alpaca", "llama");
        assertThat(byAncestor(rows.get("alpaca-gguf")).get("llama"))
                .isEqualTo(new AncestorRow("llama", 2, "alpaca", "QUANTIZED", List.of("QUANTIZED"), List.of(), 2));
        assertThat(plan.distances("alpaca-gguf")).isEqualTo(Map.of("alpaca", 1, "llama", 2));
    }

    @Test
    void aMergeNamesEveryLinkOnAShortestWayAndTheSmallestParentAsVia() {
        // merged -> a -> base and merged -> b -> base: both links lead to base in two steps;
        // merged -> c -> x -> base is longer and is not on a shortest way.
        AncestryPlan plan = new AncestryPlan();
        List.of("merged", "a", "b", "c", "x").forEach(plan::include);
        plan.link(link("merged", "b", "MERGE", "DPO"), false).link(link("merged", "a", "MERGE", "SFT"), false)
                .link(link("merged", "c", "ADAPTER"), false).link(link("a", "base", "FINETUNE"), false)
                .link(link("b", "base", "FINETUNE"), false).link(link("c", "x", "FINETUNE"), false)
                .link(link("x", "base", "FINETUNE"), false);

        ModelRows merged = byModel(plan.rows()).get("merged");

        assertThat(merged.only()).isNull();
        assertThat(byAncestor(merged).get("base")).isEqualTo(new AncestorRow("base", 2, "a", "MERGE",
                List.of("MERGE"), List.of("DPO", "SFT"), 2));
        assertThat(byAncestor(merged).get("c").via()).isEqualTo("c");
        assertThat(byAncestor(merged).get("x")).isEqualTo(new AncestorRow("x", 2, "c", "ADAPTER",
                List.of("ADAPTER"), List.of(), 2));
    }

    @Test
    void aCycleEndsAndNoModelIsItsOwnAncestor() {
        AncestryPlan plan = new AncestryPlan().include("a").include("b").include("c")
                .link(link("a", "b", "FINETUNE"), false).link(link("b", "c", "FINETUNE"), false)
                .link(link("c", "a", "FINETUNE"), false);

        Map<String, ModelRows> rows = byModel(plan.rows());

        assertThat(plan.distances("a")).isEqualTo(Map.of("b", 1, "c", 2));
        assertThat(byAncestor(rows.get("b"))).containsOnlyKeys("c", "a");
        assertThat(byAncestor(rows.get("c")).get("b").depth()).isEqualTo(2);
    }

    @Test
    void anAncestorReachedOnlyThroughAnInferredLinkHasNoDeclaredDepth() {
        AncestryPlan plan = new AncestryPlan().include("tune").include("tune-gguf")
                .link(link("tune", "base", "FINETUNE"), true)
                .link(link("tune-gguf", "tune", "QUANTIZED"), false);

        Map<String, ModelRows> rows = byModel(plan.rows());

        assertThat(byAncestor(rows.get("tune")).get("base").declaredDepth()).isNull();
        assertThat(byAncestor(rows.get("tune-gguf")).get("base").declaredDepth()).isNull();
        assertThat(byAncestor(rows.get("tune-gguf")).get("tune").declaredDepth()).isEqualTo(1);
    }

    @Test
    void aShortcutThroughAnInferredLinkKeepsTheLongerDeclaredDepth() {
        // declared: child -> mid -> base; inferred: child -> base directly.
        AncestryPlan plan = new AncestryPlan().include("child").include("mid")
                .link(link("child", "mid", "FINETUNE"), false).link(link("child", "base", "FINETUNE"), true)
                .link(link("mid", "base", "FINETUNE"), false);

        AncestorRow base = byAncestor(byModel(plan.rows()).get("child")).get("base");

        assertThat(base.depth()).isEqualTo(1);
        assertThat(base.declaredDepth()).isEqualTo(2);
        assertThat(base.via()).isEqualTo("base");
    }

    @Test
    void aParentOutsideTheSetLendsItsStoredRowsAsTheyAre() {
        // "llama" is not recomputed: its stored rows say it sits two below "root", one of them
        // through an inferred link (declared only at three), and under "old" by inference alone.
        AncestryPlan plan = new AncestryPlan().include("alpaca").include("alpaca-gguf")
                .link(link("alpaca", "llama", "FINETUNE", "SFT"), false)
                .link(link("alpaca-gguf", "alpaca", "QUANTIZED"), false)
                .above("llama", Map.of("mid", 1, "root", 2, "old", 1), Map.of("mid", 1, "root", 3));

        Map<String, ModelRows> rows = byModel(plan.rows());

        assertThat(plan.distances("alpaca-gguf")).isEqualTo(Map.of("alpaca", 1, "llama", 2, "mid", 3, "root", 4,
                "old", 3));
        Map<String, AncestorRow> gguf = byAncestor(rows.get("alpaca-gguf"));
        assertThat(gguf.get("root").declaredDepth()).isEqualTo(5);
        assertThat(gguf.get("old").declaredDepth()).isNull();
        assertThat(gguf.get("mid").declaredDepth()).isEqualTo(3);
        assertThat(plan.includes("llama")).isFalse();
        assertThat(rows).doesNotContainKey("llama");
    }

    @Test
    void aModelWhoseLinksWereAllRemovedHasNoRows() {
        AncestryPlan plan = new AncestryPlan().include("orphan").noLinks("orphan").include("child")
                .link(link("child", "orphan", "ADAPTER"), false);

        Map<String, ModelRows> rows = byModel(plan.rows());

        assertThat(rows).containsOnlyKeys("child");
        assertThat(byAncestor(rows.get("child"))).containsOnlyKeys("orphan");
    }
}
