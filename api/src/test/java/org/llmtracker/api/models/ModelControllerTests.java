package org.llmtracker.api.models;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.llmtracker.graph.testing.Entries.base;
import static org.llmtracker.graph.testing.Entries.model;
import static org.llmtracker.graph.testing.Entries.withHosting;
import static org.llmtracker.graph.testing.Entries.withOrganisation;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.api.testing.StoreSlice;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;
import org.llmtracker.graph.testing.Neo4jTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The model routes over a small catalogue: the contract's shapes, lookups by alias, and refusals of bad parameters. */
@Neo4jTest
@WebMvcTest({ModelController.class, OrganisationController.class})
@Import(StoreSlice.class)
class ModelControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CatalogWriter catalogue;

    @BeforeEach
    void catalogue() {
        catalogue.applyFile(List.of(
                withHosting(withOrganisation(model("llama"), "Meta AI"), List.of(), List.of("huggyllama/llama-7b")),
                withOrganisation(model("alpaca", base("llama", Relation.FINETUNE, Stage.SFT)), "Stanford University"),
                model("vicuna", base("llama", Relation.FINETUNE, Stage.SFT))), StoreSlice.NOW);
    }

    @Test
    void aModelAnswersWithItsParentsAndChildCounts() throws Exception {
        mvc.perform(get("/api/models/alpaca"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("alpaca"))
                .andExpect(jsonPath("$.organisation").value("Stanford University"))
                .andExpect(jsonPath("$.catalogued").value(true))
                .andExpect(jsonPath("$.parents[0].id").value("llama"))
                .andExpect(jsonPath("$.parents[0].relation").value("FINETUNE"))
                .andExpect(jsonPath("$.parents[0].stages", contains("SFT")))
                // every field of the stable contract is there, null or not
                .andExpect(jsonPath("$.name").hasJsonPath()).andExpect(jsonPath("$.parameters").hasJsonPath())
                .andExpect(jsonPath("$.openSource").hasJsonPath()).andExpect(jsonPath("$.releasedAt").hasJsonPath())
                .andExpect(jsonPath("$.hfId").hasJsonPath()).andExpect(jsonPath("$.downloads").hasJsonPath())
                .andExpect(jsonPath("$.likes").hasJsonPath()).andExpect(jsonPath("$.repositories").isArray())
                .andExpect(jsonPath("$.childCounts").isMap());
        mvc.perform(get("/api/models/llama")).andExpect(jsonPath("$.childCounts.FINETUNE").value(2));
    }

    @Test
    void aHubIdWithItsSlashAndAnyCaseFindsTheCataloguedModel() throws Exception {
        mvc.perform(get("/api/models/HuggyLlama/LLaMA-7b")).andExpect(status().isOk()).andExpect(jsonPath("$.id").value("llama"));
    }

    @Test
    void anUnknownModelIsA404ProblemNamingIt() throws Exception {
        mvc.perform(get("/api/models/no-such-model"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail", containsString("no-such-model")));
    }

    @Test
    void listsPageWithTheTotalOfTheWholeList() throws Exception {
        mvc.perform(get("/api/models?size=2&sort=name"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[*].id", contains("alpaca", "llama")));
        mvc.perform(get("/api/models?size=2&page=1&sort=name")).andExpect(jsonPath("$.items[*].id", contains("vicuna")));
    }

    @Test
    void aBadParameterIsA400NamingIt() throws Exception {
        mvc.perform(get("/api/models?size=0")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("size"));
        mvc.perform(get("/api/models?sort=popularity")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("sort"))
                .andExpect(jsonPath("$.detail", containsString("DOWNLOADS")));
        mvc.perform(get("/api/models?page=2147483647&size=200")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("page"));
    }

    @Test
    void organisationsAreAListAPageAtATimeWithTheTotalAndLinksInHeaders() throws Exception {
        mvc.perform(get("/api/organisations?size=1"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "2"))
                .andExpect(header().string("Link", containsString("page=1&size=1>; rel=\"next\"")))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].key").value("meta-ai"));
        mvc.perform(get("/api/organisations?size=1&page=1"))
                .andExpect(header().string("Link", containsString("page=0&size=1>; rel=\"prev\"")))
                .andExpect(header().string("Link", not(containsString("next"))))
                .andExpect(jsonPath("$[*].key", contains("stanford-university")));
        // without paging parameters a catalogue's list is whole, as before the list paged
        mvc.perform(get("/api/organisations")).andExpect(jsonPath("$.length()").value(2))
                .andExpect(header().string("X-Total-Count", "2"))
                .andExpect(header().doesNotExist("Link"));
        mvc.perform(get("/api/organisations?size=1000")).andExpect(status().isOk());
        mvc.perform(get("/api/organisations?size=0")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/organisations?size=1001")).andExpect(status().isBadRequest());
    }

    @Test
    void searchTextIsNeverQuerySyntax() throws Exception {
        for (String q : List.of("\"", "*", ":", "(", "~", "\\", "AND", "OR", "llama AND OR", "huggyllama/llama-7b~2")) {
            mvc.perform(get("/api/models").param("q", q).param("sort", "relevance"))
                    .andExpect(status().isOk());
        }
        // an alias in any case names its model; the same text in parentheses is text no model holds
        mvc.perform(get("/api/models").param("q", "HuggyLlama/LLaMA-7b").param("sort", "relevance"))
                .andExpect(jsonPath("$.items[0].id").value("llama"));
        mvc.perform(get("/api/models").param("q", "(HuggyLlama/LLaMA-7b)").param("sort", "relevance"))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void anOrganisationListsItsModels() throws Exception {
        mvc.perform(get("/api/organisations"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'Meta AI')].key", contains("meta-ai")));
        mvc.perform(get("/api/organisations/meta-ai/models"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", contains("llama")));
        mvc.perform(get("/api/organisations/nobody/models")).andExpect(status().isNotFound());
    }
}
