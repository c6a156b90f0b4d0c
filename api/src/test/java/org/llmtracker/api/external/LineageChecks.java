package org.llmtracker.api.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.llmtracker.api.testing.Http;
import org.llmtracker.graph.store.EmbeddedNeo4j;
import org.springframework.context.ApplicationContext;

import tools.jackson.databind.JsonNode;

/** What every external store must answer the same way as the embedded one. */
final class LineageChecks {

    private LineageChecks() {
    }

    static void noEmbeddedServer(ApplicationContext app) {
        assertThat(app.getBeanProvider(EmbeddedNeo4j.class).getIfAvailable()).isNull();
    }

    static void answersLineageQuestions(Http http) {
        assertThat(http.get("/actuator/health").json().path("status").asString()).isEqualTo("UP");

        var descendants = http.get("/api/models/llama/descendants?size=200");
        assertThat(descendants.status()).isEqualTo(200);
        assertThat(ids(descendants.json().path("items"))).contains("alpaca", "vicuna", "minigpt-4", "llava");

        var ppo = http.get("/api/models/llama/descendants?stage=PPO");
        assertThat(ids(ppo.json().path("items"))).containsExactlyInAnyOrder("stackllama", "colossalchat", "luotuo");

        var unknown = http.get("/api/models/no-such-model/descendants");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }
}
