package org.llmtracker.api.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.api.testing.LicensedHub;
import org.llmtracker.api.testing.StoreSlice;
import org.llmtracker.api.web.Rereads;
import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.HubListingPage;
import org.llmtracker.graph.hub.HubListingStore;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.lineage.LineageConflicts;
import org.llmtracker.graph.lineage.LineageQueries;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.EmbeddedNeo4jExtension;
import org.llmtracker.graph.testing.Neo4jTest;
import org.llmtracker.graph.testing.SteppingClock;

/**
 * A model page's children, conflicts and descendants table as it opens: read at every visit, but
 * kept for 30 s, then read again off the request, for a model with over 1,000 children or
 * descendants.
 */
@Neo4jTest
class BusyModelPartsTests {

    private final Graph graph = EmbeddedNeo4jExtension.sharedGraph();
    private final SteppingClock clock = new SteppingClock(StoreSlice.NOW, Duration.ZERO);
    private final Rereads rereads = new Rereads();
    private final BusyModelParts parts = new BusyModelParts(new LineageQueries(graph), new LineageConflicts(graph), clock, rereads);

    @AfterEach
    void stopRereads() {
        rereads.destroy();
    }

    @Test
    void aModelWithOverAThousandChildrenShowsThemAsReadThirtySecondsAgoUntilReadAgainInTheBackground() {
        fineTunes("base/busy", 1_001);
        assertThat(parts.of("base/busy").children()).containsOnlyKeys("FINETUNE");

        quantization("base/busy");
        clock.advance(BusyModelParts.FRESH_FOR.minusSeconds(1));
        assertThat(parts.of("base/busy").children()).containsOnlyKeys("FINETUNE");

        clock.advance(Duration.ofSeconds(1));
        assertThat(parts.of("base/busy").children()).as("given at once, stale").containsOnlyKeys("FINETUNE");
        await().until(() -> parts.of("base/busy").children().containsKey("QUANTIZED"));
        BusyModelParts.Parts again = parts.of("base/busy");
        assertThat(again.children()).containsOnlyKeys("FINETUNE", "QUANTIZED");
        assertThat(again.children().get("FINETUNE").total()).isEqualTo(1_001);
        assertThat(again.children().get("FINETUNE").items()).hasSize(5);
    }

    @Test
    void aModelWithAThousandChildrenIsReadAtEveryVisit() {
        fineTunes("base/quiet", 1_000);
        assertThat(parts.of("base/quiet").children()).containsOnlyKeys("FINETUNE");

        quantization("base/quiet");

        assertThat(parts.of("base/quiet").children()).containsOnlyKeys("FINETUNE", "QUANTIZED");
    }

    @Test
    void aModelWithFewChildrenButOverAThousandDescendantsKeepsItsTablesFirstViewForThirtySeconds() {
        familyOfTwoChildren("base/deep", 500);
        BusyModelParts.Parts first = parts.of("base/deep");
        assertThat(first.firstView().total()).isEqualTo(1_002);

        grandchild("base/deep", "tuner/deep-star", 10_000_000L);
        clock.advance(BusyModelParts.FRESH_FOR.minusSeconds(1));
        assertThat(parts.of("base/deep").firstView()).isEqualTo(first.firstView());

        clock.advance(Duration.ofSeconds(1));
        await().until(() -> parts.of("base/deep").firstView().total() == 1_003);
        assertThat(parts.of("base/deep").firstView().items().get(0).id()).isEqualTo("tuner/deep-star");
    }

    @Test
    void aModelWithAThousandDescendantsIsReadAtEveryVisit() {
        familyOfTwoChildren("base/shallow", 499);
        assertThat(parts.of("base/shallow").firstView().total()).isEqualTo(1_000);

        grandchild("base/shallow", "tuner/shallow-star", 10_000_000L);

        assertThat(parts.of("base/shallow").firstView().items().get(0).id()).isEqualTo("tuner/shallow-star");
    }

    /** Two children, each with {@code each} fine-tunes of its own. */
    private void familyOfTwoChildren(String root, int each) {
        List<HubModel> models = new ArrayList<>(List.of(model(root, 1_000_000L)));
        List<Derivation> links = new ArrayList<>();
        for (String side : List.of("a", "b")) {
            String child = root + "-" + side;
            models.add(model(child, 1_000L));
            links.add(new Derivation(child, root, Relation.FINETUNE, List.of(), "hf-tag"));
            for (int i = 0; i < each; i++) {
                String grandchild = "tuner/" + root.substring(root.indexOf('/') + 1) + "-" + side + "-ft-" + i;
                models.add(model(grandchild, (long) i));
                links.add(new Derivation(grandchild, child, Relation.FINETUNE, List.of(), "hf-tag"));
            }
        }
        new HubListingStore(graph).store(new HubListingPage(models, links), StoreSlice.NOW);
    }

    private void grandchild(String root, String id, long downloads) {
        new HubListingStore(graph).store(new HubListingPage(List.of(model(id, downloads)),
                List.of(new Derivation(id, root + "-a", Relation.FINETUNE, List.of(), "hf-tag"))), StoreSlice.NOW);
    }

    private void fineTunes(String root, int count) {
        List<HubModel> models = new ArrayList<>();
        List<Derivation> links = new ArrayList<>();
        models.add(model(root, 1_000_000L));
        for (int i = 0; i < count; i++) {
            String child = "tuner/" + root.substring(root.indexOf('/') + 1) + "-ft-" + i;
            models.add(model(child, (long) i));
            links.add(new Derivation(child, root, Relation.FINETUNE, List.of(), "hf-tag"));
        }
        new HubListingStore(graph).store(new HubListingPage(models, links), StoreSlice.NOW);
    }

    private void quantization(String root) {
        String child = "q/" + root.substring(root.indexOf('/') + 1) + "-GGUF";
        new HubListingStore(graph).store(new HubListingPage(List.of(model(child, 5L)),
                List.of(new Derivation(child, root, Relation.QUANTIZED, List.of(), "hf-tag"))), StoreSlice.NOW);
    }

    private static HubModel model(String id, long downloads) {
        return LicensedHub.model(id, downloads, null);
    }
}
