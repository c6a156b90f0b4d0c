package org.llmtracker.api.crawls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmtracker.api.testing.ApiTest;
import org.llmtracker.api.testing.Http;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The whole-Hub sweep through the API a user calls, over a listing of the Llama line (Llama 2 and
 * 3 bases and derivatives of each, see {@code HubFixture}), and "what derives from LLaMA" across
 * its generations.
 */
@ApiTest
class HubSweepApiIT {

    private final Http http;

    HubSweepApiIT(@Autowired Http http) {
        this.http = http;
    }

    @Test
    void aFullSweepStoresTheListingAndLlamasDescendantsAcrossGenerationsIncludeIt() {
        assertThat(http.post("/api/crawls/hub-sweep?wait=true&full=true", null).status()).isEqualTo(401);

        Http.Response swept = http.post("/api/crawls/hub-sweep?wait=true&full=true", ApiTest.ADMIN_TOKEN);

        assertThat(swept.status()).isEqualTo(200);
        JsonNode run = swept.json();
        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("counts").path("fullPasses").asLong()).isOne();
        assertThat(run.path("requests").asLong()).isBetween(1L, 3L);

        JsonNode plain = http.get("/api/models/llama/descendants?size=200").json();
        assertThat(ids(plain)).doesNotContain("llama-2", "lmsys/vicuna-7b-v1.5", "meta-llama/llama-3.1-8b-instruct");

        JsonNode line = http.get("/api/models/llama/descendants?generations=true&size=200").json();
        StringBuilder shown = new StringBuilder("GET /api/models/llama/descendants?generations=true: total "
                + line.path("total").asLong() + "\n| id | relation | depth | generation | via | downloads |\n|---|---|---|---|---|---|\n");
        line.path("items").forEach(item -> shown.append(String.format("| %s | %s | %d | %s | %s | %s |%n",
                item.path("id").asString(), item.path("relation").asString(), item.path("depth").asInt(),
                item.path("generation").asString(), item.path("via").asString(), item.path("downloads").asString())));
        System.out.println(shown);
        Map<String, JsonNode> byId = new HashMap<>();
        line.path("items").forEach(item -> byId.put(item.path("id").asString(), item));
        JsonNode llama2 = byId.get("llama-2");
        assertThat(llama2.path("relation").asString()).isEqualTo("NEW_VERSION_OF");
        assertThat(llama2.path("depth").asInt()).isEqualTo(1);
        assertThat(llama2.path("via").asString()).isEqualTo("llama");
        assertThat(llama2.path("downloads").asLong()).isEqualTo(1_213_442L);
        assertThat(byId.get("llama-3").path("depth").asInt()).isEqualTo(2);
        JsonNode vicuna = byId.get("lmsys/vicuna-7b-v1.5");
        assertThat(vicuna.path("generation").asString()).isEqualTo("llama-2");
        assertThat(vicuna.path("relation").asString()).isEqualTo("FINETUNE");
        assertThat(vicuna.path("depth").asInt()).isEqualTo(1);
        assertThat(byId.get("thebloke/llama-2-7b-gguf").path("relation").asString()).isEqualTo("QUANTIZED");
        JsonNode gguf = byId.get("bartowski/meta-llama-3.1-8b-instruct-gguf");
        assertThat(gguf.path("generation").asString()).isEqualTo("llama-3.1");
        assertThat(gguf.path("depth").asInt()).isEqualTo(2);
        assertThat(gguf.path("via").asString()).isEqualTo("meta-llama/llama-3.1-8b-instruct");
        assertThat(byId.get("some-user/llama3-8b-sql-lora").path("generation").asString()).isEqualTo("llama-3");
        assertThat(line.path("total").asLong()).isEqualTo(line.path("items").size());

        JsonNode tree = http.get("/api/models/llama/tree?depth=1&generations=true").json();
        List<String> versions = new java.util.ArrayList<>();
        tree.path("root").path("children").forEach(child -> {
            if ("NEW_VERSION_OF".equals(child.path("relation").asString())) {
                versions.add(child.path("id").asString());
            }
        });
        assertThat(versions).containsExactly("llama-2");
    }

    @Test
    void onlyTheSweepTakesAFullPass() {
        Http.Response refused = http.post("/api/crawls/github?full=true", ApiTest.ADMIN_TOKEN);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("parameter").asString()).isEqualTo("full");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new java.util.ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }
}
