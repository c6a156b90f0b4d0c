package org.llmtracker.api.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmtracker.api.testing.ApiTest;
import org.llmtracker.api.testing.Http;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Model search over the shipped catalogue and the OpenAPI document: what only the whole
 * application shows. Detail, paging, organisations and refusals are specified by ModelControllerTests.
 */
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
