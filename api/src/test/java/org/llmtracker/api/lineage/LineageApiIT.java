package org.llmtracker.api.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmtracker.api.testing.ApiTest;
import org.llmtracker.api.testing.Http;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The lineage API over the shipped catalogue, through real HTTP: what only the whole application
 * shows (health once the catalogue is loaded, the shipped catalogue's families, ids with a slash
 * through the server). Filters, paths, trees and refusals are specified by LineageControllerTests.
 */
@ApiTest
class LineageApiIT {

    @Autowired
    Http http;

    @Test
    void healthIsUpOnceNeo4jAndTheCatalogueAreReady() {
        var health = http.getAsAdmin("/actuator/health", ApiTest.ADMIN_TOKEN);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
        assertThat(health.json().path("components").path("catalog").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void llamaDescendantsIncludeModelsDerivedThroughVicuna() {
        var response = http.get("/api/models/llama/descendants?size=200");

        assertThat(response.status()).isEqualTo(200);
        List<String> ids = ids(response.json().path("items"));
        assertThat(ids).contains("alpaca", "vicuna", "chinese-llama-alpaca", "stackllama", "colossalchat", "luotuo",
                "huatuo", "minigpt-4", "llava");
        assertThat(ids).doesNotContain("llama", "chatgpt", "chatyuan", "dolly-2");
        assertThat(response.json().path("total").asLong()).isEqualTo(ids.size());
        JsonNode minigpt = item(response.json(), "minigpt-4");
        assertThat(minigpt.path("depth").asInt()).isEqualTo(2);
        assertThat(minigpt.path("via").asString()).isEqualTo("vicuna");
    }

    @Test
    void familiesListTheHeadsOfTheCatalogueBiggestFirstWithCountsByRelation() {
        var response = http.get("/api/families?size=200");

        assertThat(response.status()).isEqualTo(200);
        JsonNode items = response.json().path("items");
        List<String> ids = ids(items);
        assertThat(ids).contains("llama").doesNotContain("alpaca", "vicuna", "minigpt-4");
        JsonNode llama = item(response.json(), "llama");
        JsonNode descendants = http.get("/api/models/llama/descendants?size=200").json();
        assertThat(llama.path("descendants").asLong()).isEqualTo(descendants.path("total").asLong());
        int deepest = 0;
        for (JsonNode d : descendants.path("items")) {
            deepest = Math.max(deepest, d.path("depth").asInt());
        }
        assertThat(llama.path("deepest").asInt()).isEqualTo(deepest).isGreaterThanOrEqualTo(2);
        assertThat(llama.path("byRelation").path("CONTINUED_PRETRAINING").asLong()).isEqualTo(1);
        List<Long> sizes = new ArrayList<>();
        items.forEach(item -> sizes.add(item.path("descendants").asLong()));
        assertThat(sizes).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        JsonNode matching = http.get("/api/families?q=LLA").json().path("items");
        assertThat(ids(matching)).contains("llama");
        matching.forEach(item -> assertThat((item.path("id").asString() + " " + item.path("name").asString()).toLowerCase())
                .contains("lla"));
        assertThat(http.get("/api/families?size=201").status()).isEqualTo(400);
    }

    @Test
    void idsAreCaseInsensitiveAndHubIdsWithASlashResolveThroughAliases() {
        assertThat(http.get("/api/models/LLaMA").json().path("id").asString()).isEqualTo("llama");
        var byHubId = http.get("/api/models/huggyllama/llama-7b");
        assertThat(byHubId.status()).isEqualTo(200);
        assertThat(byHubId.json().path("id").asString()).isEqualTo("llama");
        assertThat(http.get("/api/models/HuggyLlama/LLaMA-7b/descendants").status()).isEqualTo(200);
    }

    @Test
    void evidenceIsDeclaredOrAllAndItemsSayWhoAssertsTheirLink() {
        var declared = http.get("/api/models/llama/descendants?evidence=declared");
        assertThat(declared.status()).isEqualTo(200);
        assertThat(declared.json().path("total").asLong())
                .isEqualTo(http.get("/api/models/llama/descendants").json().path("total").asLong());
        assertThat(declared.json().path("items").values()).isNotEmpty()
                .allSatisfy(item -> assertThat(item.path("sources").values()).isNotEmpty());
        assertThat(http.get("/api/models/minigpt-4/ancestors?evidence=declared").status()).isEqualTo(200);
        assertThat(http.get("/api/models/llama/tree?evidence=declared").status()).isEqualTo(200);
        assertThat(http.get("/api/models/llama/descendants?evidence=declared&generations=true").json().path("total").asLong())
                .isEqualTo(http.get("/api/models/llama/descendants?generations=true").json().path("total").asLong());
        assertThat(http.get("/api/lineage/path?from=llava&to=alpaca&evidence=declared").json().path("nodes"))
                .isEqualTo(http.get("/api/lineage/path?from=llava&to=alpaca").json().path("nodes"));
        assertThat(http.get("/api/lineage/path?from=llava&to=alpaca&evidence=maybe").status()).isEqualTo(400);
        var bad = http.get("/api/models/llama/ancestors?evidence=guessed");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("parameter").asString()).isEqualTo("evidence");
    }

    static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    static JsonNode item(JsonNode page, String id) {
        for (JsonNode item : page.path("items")) {
            if (item.path("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no item " + id + " in " + page);
    }
}
