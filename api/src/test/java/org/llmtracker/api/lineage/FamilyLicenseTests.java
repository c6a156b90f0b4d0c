package org.llmtracker.api.lineage;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmtracker.api.testing.StoreSlice;
import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.HubListingPage;
import org.llmtracker.graph.hub.HubListingStore;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.license.LicenseVerdicts;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** {@code /api/families} items count their descendants whose licence drops the head's terms, and follow a relicensing. */
@Neo4jTest
@WebMvcTest(FamilyController.class)
@Import(StoreSlice.class)
class FamilyLicenseTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Graph graph;
    @Autowired
    LicenseVerdicts verdicts;

    private static HubModel model(String id, String license) {
        return new HubModel(id, id.substring(0, id.indexOf('/')), 10L, 0L, null, null, null, license, null, null, false);
    }

    @Test
    void aFamilyCountsItsConflictsAndACorrectedLicenceTakesOneAway() throws Exception {
        HubListingStore writer = new HubListingStore(graph);
        writer.store(new HubListingPage(List.of(model("google/gemma-2-9b", "gemma"), model("a/gemma-ft", "apache-2.0"),
                model("b/gemma-ft-q4", "mit"), model("c/gemma-kept", "gemma")), List.of(
                new Derivation("a/gemma-ft", "google/gemma-2-9b", Relation.FINETUNE, List.of(), "hf-tag"),
                new Derivation("b/gemma-ft-q4", "a/gemma-ft", Relation.QUANTIZED, List.of(), "hf-tag"),
                new Derivation("c/gemma-kept", "google/gemma-2-9b", Relation.FINETUNE, List.of(), "hf-tag"))), StoreSlice.NOW);
        verdicts.refresh(StoreSlice.NOW);
        mvc.perform(get("/api/families")).andExpect(jsonPath("$.items[*].licenseConflicts", contains(2)));

        writer.store(new HubListingPage(List.of(model("b/gemma-ft-q4", "gemma")), List.of()), StoreSlice.NOW);
        verdicts.refresh(StoreSlice.NOW);
        mvc.perform(get("/api/families")).andExpect(jsonPath("$.items[*].licenseConflicts", contains(1)));
    }
}
