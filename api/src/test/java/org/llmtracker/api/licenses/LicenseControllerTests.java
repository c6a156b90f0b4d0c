package org.llmtracker.api.licenses;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.llmtracker.graph.license.LicenseVerdicts;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The licence routes over a small listed Hub, judged by the job's refresh: shapes, order, filters, refusals. */
@Neo4jTest
@WebMvcTest(LicenseController.class)
@Import(StoreSlice.class)
class LicenseControllerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Graph graph;
    @Autowired
    LicenseVerdicts verdicts;

    private static HubModel model(String id, long downloads, String license) {
        return new HubModel(id, id.substring(0, id.indexOf('/')), downloads, 0L, null, null, null, license, null, null, false);
    }

    private static Derivation from(String child, String parent) {
        return new Derivation(child, parent, Relation.FINETUNE, List.of(), "hf-tag");
    }

    @BeforeEach
    void hub() {
        new HubListingStore(graph).store(new HubListingPage(List.of(
                model("meta-llama/Meta-Llama-3-8B", 1000, "llama3"), model("google/gemma-2-9b", 900, "gemma"),
                model("a/Llama-3-chat", 50, "apache-2.0"), model("b/Llama-3-tool", 70, "Apache-2.0"),
                model("c/Llama-3-kept", 80, "llama3"), model("d/gemma-mit", 60, "MIT"), model("e/Llama-3-noname", 40, null)),
                List.of(from("a/Llama-3-chat", "meta-llama/Meta-Llama-3-8B"), from("b/Llama-3-tool", "meta-llama/Meta-Llama-3-8B"),
                        from("c/Llama-3-kept", "meta-llama/Meta-Llama-3-8B"), from("d/gemma-mit", "google/gemma-2-9b"),
                        from("e/Llama-3-noname", "meta-llama/Meta-Llama-3-8B"))), StoreSlice.NOW);
        verdicts.refresh(StoreSlice.NOW);
    }

    @Test
    void conflictsComeMostDownloadedFirstWithTheirAncestorAndReason() throws Exception {
        mvc.perform(get("/api/licenses/conflicts"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[*].id", contains("b/llama-3-tool", "d/gemma-mit", "a/llama-3-chat")))
                .andExpect(jsonPath("$.items[0].license").value("apache-2.0"))
                .andExpect(jsonPath("$.items[0].ancestor").value("meta-llama/meta-llama-3-8b"))
                .andExpect(jsonPath("$.items[0].ancestorLicense").value("llama3"))
                .andExpect(jsonPath("$.items[0].reason").value("permissive-over-restrictive"))
                .andExpect(jsonPath("$.items[0].depth").value(1));
    }

    @Test
    void filtersTakeAnySpellingAndPagesCountTheWholeList() throws Exception {
        mvc.perform(get("/api/licenses/conflicts?ancestorLicense=Llama 3&license=Apache 2.0&size=1&page=1"))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].id", contains("a/llama-3-chat")));
        mvc.perform(get("/api/licenses/conflicts?family=google/gemma-2-9b"))
                .andExpect(jsonPath("$.items[*].id", contains("d/gemma-mit")));
        mvc.perform(get("/api/licenses/conflicts?page=-1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void theSummaryCountsByLicenceVerdictAndPair() throws Exception {
        mvc.perform(get("/api/licenses"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.byLicense['apache-2.0']").value(2))
                .andExpect(jsonPath("$.byVerdict.conflict").value(3))
                .andExpect(jsonPath("$.byVerdict.ok").value(1))
                .andExpect(jsonPath("$.byVerdict.unknown").value(1))
                .andExpect(jsonPath("$.pairs[0].ancestorLicense").value("llama3"))
                .andExpect(jsonPath("$.pairs[0].license").value("apache-2.0"))
                .andExpect(jsonPath("$.pairs[0].conflicts").value(2))
                .andExpect(jsonPath("$.note", containsString("not legal advice")));
    }
}
