package org.llmtracker.api.models;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.api.testing.StoreSlice;
import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.HubListingPage;
import org.llmtracker.graph.hub.HubListingStore;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.inference.InferredLink;
import org.llmtracker.graph.inference.InferredLinks;
import org.llmtracker.graph.license.LicenseVerdicts;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /api/models/{id}} gives the model's licence and its verdict; inferred links count only with evidence=all. */
@Neo4jTest
@WebMvcTest(ModelController.class)
@Import(StoreSlice.class)
class ModelLicenseTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Graph graph;
    @Autowired
    LicenseVerdicts verdicts;

    @BeforeEach
    void hub() {
        new HubListingStore(graph).store(new HubListingPage(List.of(
                new HubModel("meta-llama/Meta-Llama-3-8B", "meta-llama", 100L, 0L, null, null, null, "llama3", null, null, false),
                new HubModel("a/Llama-3-chat", "a", 10L, 0L, null, null, null, "Apache License 2.0", null, null, false),
                new HubModel("g/guessed", "g", 10L, 0L, null, null, null, "mit", null, null, false)),
                List.of(new Derivation("a/Llama-3-chat", "meta-llama/Meta-Llama-3-8B", Relation.FINETUNE, List.of(), "hf-tag"))),
                StoreSlice.NOW);
        new InferredLinks(graph).record(List.of(new InferredLinks.Decision("g/guessed", new InferredLink("g/guessed",
                "meta-llama/Meta-Llama-3-8B", Relation.FINETUNE, 0.9, List.of("name")))), StoreSlice.NOW);
        verdicts.refresh(StoreSlice.NOW);
    }

    @Test
    void aModelGivesItsHubLicenceIdAndItsVerdict() throws Exception {
        mvc.perform(get("/api/models/a/Llama-3-chat"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.license").value("apache-2.0"))
                .andExpect(jsonPath("$.licenseCheck.verdict").value("conflict"))
                .andExpect(jsonPath("$.licenseCheck.ancestor").value("meta-llama/meta-llama-3-8b"))
                .andExpect(jsonPath("$.licenseCheck.ancestorLicense").value("llama3"))
                .andExpect(jsonPath("$.licenseCheck.reason").value("permissive-over-restrictive"));
        mvc.perform(get("/api/models/meta-llama/Meta-Llama-3-8B")).andExpect(jsonPath("$.licenseCheck").doesNotExist());
    }

    @Test
    void inferredLinksCountOnlyWithEvidenceAll() throws Exception {
        mvc.perform(get("/api/models/g/guessed")).andExpect(jsonPath("$.licenseCheck").doesNotExist());
        mvc.perform(get("/api/models/g/guessed?evidence=all")).andExpect(jsonPath("$.licenseCheck.verdict").value("conflict"));
        mvc.perform(get("/api/models/g/guessed?evidence=some")).andExpect(status().isBadRequest());
    }
}
