package org.llmtracker.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.llmtracker.api.testing.ApiTest;
import org.llmtracker.api.testing.Http;
import org.llmtracker.crawler.catalog.CatalogLoader;
import org.springframework.beans.factory.annotation.Autowired;

/** Reading and editing the catalogue through the API, and who may edit it. */
@ApiTest
class CatalogApiIT {

    private static final String KOALA = """
            {"name": "Koala", "organisation": "UC Berkeley", "kind": "model", "releasedAt": "2023-04-03",
             "githubRepositories": ["young-geng/EasyLM"], "huggingfaceIds": [],
             "baseModels": [{"id": "LLaMA", "relation": "finetune", "stages": ["SFT"]}]}
            """;

    @Autowired
    CatalogStartup startup;

    @Autowired
    Http http;

    @Test
    void anEntryReadsBackWithItsBaseModelsRelationsAndStages() {
        var alpaca = http.get("/api/catalog/chinese-llama-alpaca").json();

        assertThat(alpaca.path("name").asString()).isEqualTo("Chinese-LLaMA-Alpaca");
        assertThat(alpaca.path("baseModels").get(0).path("id").asString()).isEqualTo("llama");
        assertThat(alpaca.path("baseModels").get(0).path("stages").toString())
                .contains("VOCAB_EXTENSION", "CONTINUED_PRETRAINING", "SFT");
    }

    @Test
    void writesWithoutTheAdminTokenAreRefused() {
        // Its own id: whether another test has added koala by then must not matter.
        var anonymous = http.put("/api/catalog/koala-unsigned", KOALA, null);
        var wrongToken = http.put("/api/catalog/koala-unsigned", KOALA, "guess");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(http.get("/api/catalog/koala-unsigned").status()).isEqualTo(404);
    }

    @Test
    void anAdminAddsAnEntryThatJoinsTheLineage() {
        var created = http.put("/api/catalog/koala", KOALA, ApiTest.ADMIN_TOKEN);

        assertThat(created.status()).isIn(200, 201);
        assertThat(http.get("/api/catalog/koala").json().path("organisation").asString()).isEqualTo("UC Berkeley");
        assertThat(http.get("/api/models/llama/descendants?size=200").body()).contains("\"koala\"");
        assertThat(http.get("/api/models/koala").json().path("parents").get(0).path("relation").asString()).isEqualTo("FINETUNE");
    }

    @Test
    void anEntryCanBeTheNewVersionOfAnother() {
        var created = http.put("/api/catalog/llama-5-preview", """
                {"name": "Llama 5 preview", "kind": "model", "newVersionOf": "Llama-4"}
                """, ApiTest.ADMIN_TOKEN);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("newVersionOf").asString()).isEqualTo("llama-4");
        assertThat(http.get("/api/catalog/llama-5-preview").json().path("baseModels").size()).isZero();
    }

    @Test
    void anEntryNamingAnUnknownBaseIsRefusedWithTheFieldAndNothingIsWritten() {
        var response = http.put("/api/catalog/orca-x", """
                {"name": "Orca X", "kind": "model", "baseModels": [{"id": "llamma", "relation": "FINETUNE"}]}
                """, ApiTest.ADMIN_TOKEN);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("detail").asString()).contains("orca-x").contains("baseModels[0].id").contains("llamma");
        assertThat(http.get("/api/models/orca-x").status()).isEqualTo(404);
    }

    @Test
    void anEditThatWouldCloseALineageCycleIsRefused() {
        var response = http.put("/api/catalog/llama", """
                {"name": "LLaMA", "kind": "model", "baseModels": [{"id": "alpaca", "relation": "FINETUNE"}]}
                """, ApiTest.ADMIN_TOKEN);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("detail").asString()).contains("cycle");
        assertThat(http.get("/api/models/llama").json().path("parents").size()).isZero();
    }

    @Test
    void aBodyIdThatDisagreesWithThePathIsRefused() {
        var response = http.put("/api/catalog/koala", "{\"id\": \"vicuna\", \"name\": \"x\", \"kind\": \"model\"}", ApiTest.ADMIN_TOKEN);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("parameter").asString()).isEqualTo("id");
    }

    @Test
    void reloadingTheUnchangedCatalogueLeavesTheGraphAsItWas() {
        var before = http.get("/api/models?size=1").json().path("total").asLong();

        var reload = http.post("/api/catalog/reload", ApiTest.ADMIN_TOKEN);

        assertThat(reload.status()).isEqualTo(200);
        assertThat(reload.json().path("written").asInt()).isZero();
        assertThat(http.get("/api/models?size=1").json().path("total").asLong()).isEqualTo(before);
    }

    @Test
    void seedTablesConvertToCatalogueYamlThatLoads() throws IOException {
        String seed;
        try (var in = getClass().getResourceAsStream("/catalog/seed-tables.md")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        var response = http.post("/api/catalog/import", "text/markdown; charset=utf-8", seed, ApiTest.ADMIN_TOKEN);

        assertThat(response.status()).isEqualTo(200);
        var entries = new CatalogLoader().parse(response.body(), "import response");
        assertThat(entries).extracting(e -> e.id()).contains("llama", "chatglm", "moss", "stackllama");
    }

    @Test
    void aDocumentWithoutTablesIsA400() {
        var response = http.post("/api/catalog/import", "text/markdown", "# nothing here", ApiTest.ADMIN_TOKEN);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("detail").asString()).contains("no table");
    }
}
