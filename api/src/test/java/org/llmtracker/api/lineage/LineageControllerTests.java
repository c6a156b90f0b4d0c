package org.llmtracker.api.lineage;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.llmtracker.graph.testing.Entries.base;
import static org.llmtracker.graph.testing.Entries.model;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.api.testing.StoreSlice;
import org.llmtracker.graph.ancestry.Ancestry;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.LineageWriter;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The lineage routes over a small family: LLaMA, two fine-tunes, a model built on one of them, and
 * an RLHF derivative. Filters, paths and refusals as the stable contract describes them.
 */
@Neo4jTest
@WebMvcTest({LineageController.class, ConflictController.class})
@Import(StoreSlice.class)
class LineageControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CatalogWriter catalogue;

    @Autowired
    Graph graph;

    @BeforeEach
    void family() {
        catalogue.applyFile(List.of(
                model("llama"),
                model("alpaca", base("llama", Relation.FINETUNE, Stage.SFT)),
                model("vicuna", base("llama", Relation.FINETUNE, Stage.SFT)),
                model("minigpt-4", base("vicuna", Relation.ADAPTER)),
                model("stackllama", base("llama", Relation.FINETUNE, Stage.SFT, Stage.RM, Stage.PPO))), StoreSlice.NOW);
    }

    @Test
    void whileTheIndexIsBuiltLineageReadsAnswer503WithRetryAfterAndTheProgress() throws Exception {
        Ancestry.defer(graph);

        mvc.perform(get("/api/models/llama/descendants"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("Ancestry index being built"))
                .andExpect(jsonPath("$.phase").value("deferred"));
        mvc.perform(get("/api/models/minigpt-4/ancestors")).andExpect(status().isServiceUnavailable());
        mvc.perform(get("/api/lineage/path?from=minigpt-4&to=alpaca")).andExpect(status().isServiceUnavailable());

        Ancestry.build(graph);

        mvc.perform(get("/api/models/llama/descendants"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4));
    }

    @Test
    void descendantsReachThroughOthersAtTheirShortestDepth() throws Exception {
        mvc.perform(get("/api/models/llama/descendants"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.items[*].id", containsInAnyOrder("alpaca", "vicuna", "minigpt-4", "stackllama")))
                .andExpect(jsonPath("$.items[?(@.id == 'minigpt-4')].depth", contains(2)))
                .andExpect(jsonPath("$.items[?(@.id == 'minigpt-4')].via", contains("vicuna")));
    }

    @Test
    void filtersByTrainingStageRelationAndDepth() throws Exception {
        mvc.perform(get("/api/models/llama/descendants?stage=ppo")).andExpect(jsonPath("$.items[*].id", contains("stackllama")));
        mvc.perform(get("/api/models/llama/descendants?relation=adapter")).andExpect(jsonPath("$.items[*].id", contains("minigpt-4")));
        mvc.perform(get("/api/models/llama/descendants?maxDepth=1")).andExpect(jsonPath("$.total").value(3));
    }

    @Test
    void ancestorsComeNearestFirst() throws Exception {
        mvc.perform(get("/api/models/minigpt-4/ancestors"))
                .andExpect(jsonPath("$.items[*].id", contains("vicuna", "llama")))
                .andExpect(jsonPath("$.items[*].depth", contains(1, 2)));
    }

    @Test
    void thePathBetweenCousinsGoesThroughTheirCommonAncestor() throws Exception {
        mvc.perform(get("/api/lineage/path?from=minigpt-4&to=alpaca"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length").value(3))
                .andExpect(jsonPath("$.nodes[*].id", contains("minigpt-4", "vicuna", "llama", "alpaca")));
    }

    @Test
    void aTreeNestsChildrenToTheAskedDepth() throws Exception {
        mvc.perform(get("/api/models/llama/tree?depth=1"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("minigpt-4"))));
        mvc.perform(get("/api/models/llama/tree?depth=2"))
                .andExpect(jsonPath("$.root.id").value("llama"))
                .andExpect(jsonPath("$.root.children[?(@.id == 'vicuna')].children[*].id", contains("minigpt-4")));
    }

    @Test
    void badParametersAreA400NamingThem() throws Exception {
        mvc.perform(get("/api/models/llama/descendants?relation=cousin"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("relation"));
        mvc.perform(get("/api/models/llama/descendants?maxDepth=21"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("maxDepth"));
        mvc.perform(get("/api/models/llama/descendants?maxDepth=deep"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("maxDepth"));
        mvc.perform(get("/api/models/llama/descendants?stage=RLHF"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("stage"))
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("RLHF"), org.hamcrest.Matchers.containsString("PPO"))));
        mvc.perform(get("/api/models/llama/descendants?size=201"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("size"));
        mvc.perform(get("/api/models/llama/descendants?evidence=rumour"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("evidence"));
        mvc.perform(get("/api/models/llama/tree?depth=7"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("depth"));
        mvc.perform(get("/api/lineage/path?from=llama"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("to"));
    }

    @Test
    void lineageOfAnUnknownModelIsA404() throws Exception {
        mvc.perform(get("/api/models/nobody/descendants")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.containsString("nobody")));
        mvc.perform(get("/api/lineage/path?from=llama&to=nobody")).andExpect(status().isNotFound());
    }

    @Test
    void conflictsComeAPageAtATimeWithTheTotal() throws Exception {
        new LineageWriter(graph).upsertDerivations(List.of(
                new Derivation("alpaca", "llama", Relation.ADAPTER, List.of(), "hf-tag"),
                new Derivation("vicuna", "alpaca", Relation.MERGE, List.of(), "hf-card")), StoreSlice.NOW);
        mvc.perform(get("/api/lineage/conflicts?size=1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.items[*].kind", contains("RELATION")))
                .andExpect(jsonPath("$.items[0].child").value("alpaca"));
        mvc.perform(get("/api/lineage/conflicts?size=1&page=1"))
                .andExpect(jsonPath("$.items[*].kind", contains("HUB_ONLY_PARENT")))
                .andExpect(jsonPath("$.items[0].child").value("vicuna"));
        mvc.perform(get("/api/lineage/conflicts?size=201")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("size"));
    }

    @Test
    void conflictsAreEmptyWhenOnlyTheCatalogueSpeaks() throws Exception {
        mvc.perform(get("/api/lineage/conflicts")).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
    }
}
