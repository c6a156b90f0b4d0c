package org.llmtracker.api.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmtracker.api.testing.ApiTest;
import org.llmtracker.api.testing.Http;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Model search, detail and organisations over the shipped catalogue. */
@ApiTest
class ModelApiIT {

    @Autowired
    Http http;

    @Test
    void searchMatchesNamesAndIdsCaseInsensitively() {
        var page = http.get("/api/models?q=LLaMA&size=100").json();

        assertThat(ids(page)).contains("llama", "chinese-llama-alpaca", "stackllama").doesNotContain("chatglm");
        assertThat(page.path("total").asLong()).isEqualTo(page.path("items").size());
    }

    @Test
    void filtersCombine() {
        var frameworks = http.get("/api/models?kind=framework&region=domestic&size=100").json();

        assertThat(ids(frameworks)).contains("colossalai").doesNotContain("llama", "palm-rlhf-pytorch");
        for (JsonNode item : frameworks.path("items")) {
            assertThat(item.path("kind").asString()).isEqualTo("framework");
            assertThat(item.path("region").asString()).isEqualTo("domestic");
        }
    }

    @Test
    void pagesDoNotOverlapAndCoverTheWhole() {
        var first = http.get("/api/models?size=10&page=0").json();
        var second = http.get("/api/models?size=10&page=1").json();

        assertThat(ids(first)).hasSize(10).doesNotContainAnyElementsOf(ids(second));
        assertThat(first.path("total").asLong()).isGreaterThanOrEqualTo(46);
    }

    @Test
    void detailCarriesTheContractFields() {
        var alpaca = http.get("/api/models/alpaca").json();

        assertThat(alpaca.has("id") && alpaca.has("name") && alpaca.has("organisation") && alpaca.has("parameters")
                && alpaca.has("openSource") && alpaca.has("releasedAt") && alpaca.has("catalogued") && alpaca.has("hfId")
                && alpaca.has("downloads") && alpaca.has("likes") && alpaca.has("repositories") && alpaca.has("parents")
                && alpaca.has("childCounts")).isTrue();
        assertThat(alpaca.path("repositories").get(0).path("fullName").asString()).isEqualTo("tatsu-lab/stanford_alpaca");
        assertThat(alpaca.path("parents").get(0).path("id").asString()).isEqualTo("llama");
        assertThat(alpaca.path("parents").get(0).path("stages").toString()).contains("SFT");
    }

    @Test
    void childCountsAreByRelation() {
        var llama = http.get("/api/models/llama").json();

        assertThat(llama.path("childCounts").path("FINETUNE").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(llama.path("childCounts").path("CONTINUED_PRETRAINING").asLong()).isEqualTo(1);
    }

    @Test
    void anUnknownSortIsRefusedNamingTheChoices() {
        var response = http.get("/api/models?sort=popularity");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("detail").asString()).contains("DOWNLOADS");
    }

    @Test
    void organisationsListTheirModels() {
        var organisations = http.get("/api/organisations").json();
        String meta = null;
        for (JsonNode o : organisations) {
            if (o.path("name").asString().equals("Meta AI")) {
                meta = o.path("key").asString();
            }
        }
        assertThat(meta).isEqualTo("meta-ai");

        assertThat(ids(http.get("/api/organisations/meta-ai/models").json())).contains("llama", "opt");
        assertThat(http.get("/api/organisations/nobody/models").status()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentDescribesTheLineageRoutes() {
        var docs = http.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/models/{id}/descendants")).isTrue();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asString()));
        return ids;
    }
}
