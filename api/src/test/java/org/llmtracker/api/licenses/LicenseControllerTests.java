package org.llmtracker.api.licenses;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.api.testing.LicensedHub;
import org.llmtracker.api.testing.StoreSlice;
import org.llmtracker.graph.license.LicenseVerdicts;
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

    @BeforeEach
    void hub() {
        LicensedHub.store(graph, verdicts);
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
    void theSummaryCountsByLicenceVerdictAndPairAsTheLastRefreshCountedThem() throws Exception {
        mvc.perform(get("/api/licenses"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.byLicense['apache-2.0']").value(2))
                .andExpect(jsonPath("$.byVerdict.conflict").value(3))
                .andExpect(jsonPath("$.byVerdict.ok").value(1))
                .andExpect(jsonPath("$.byVerdict.unknown").value(1))
                .andExpect(jsonPath("$.pairs[0].ancestorLicense").value("llama3"))
                .andExpect(jsonPath("$.pairs[0].license").value("apache-2.0"))
                .andExpect(jsonPath("$.pairs[0].conflicts").value(2))
                .andExpect(jsonPath("$.counted").value(true))
                .andExpect(jsonPath("$.countedAt").value("2026-11-23T08:00:00Z"))
                .andExpect(jsonPath("$.note", containsString("not legal advice")));
    }
}
