package org.llmtracker.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmtracker.api.testing.ApiTest;
import org.llmtracker.api.testing.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Input built to hurt: oversized and endless bodies, huge fields, deep nesting, paging past
 * any list. Each gets a 4xx problem naming what is wrong, nothing is stored, and nothing
 * answers 500.
 */
@ApiTest
class InputBoundsIT {

    private static final String TOKEN = ApiTest.ADMIN_TOKEN;

    @Autowired
    Http http;

    @Autowired
    Environment environment;

    @Test
    void aBodyOverTheCapIsRefusedWhetherItsLengthIsDeclaredOrNot() throws Exception {
        String big = "{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\", \"kind\": \"model\"}";

        var declared = http.put("/api/catalog/big-body", big, TOKEN);
        int chunked = chunkedPut("/api/catalog/big-body", big);

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.contentType()).startsWith("application/problem+json");
        assertThat(chunked).isEqualTo(413);
        assertThat(http.get("/api/catalog/big-body").status()).isEqualTo(404);
    }

    @Test
    void aTenThousandCharacterNameIsA400NamingTheField() {
        var response = http.put("/api/catalog/long-name", "{\"name\": \"" + "n".repeat(10_000) + "\", \"kind\": \"model\"}", TOKEN);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("problems").get(0).path("field").asString()).isEqualTo("name");
        assertThat(response.body()).doesNotContain("nnnnnnnnnnnnnnnnnnnn");
        assertThat(http.get("/api/models/long-name").status()).isEqualTo(404);
    }

    @Test
    void anIdTooLongForTheIndexIsA400AndALookupOfOneIsA404() {
        String id = "a".repeat(5_000);

        var put = http.put("/api/catalog/" + id, "{\"name\": \"A\", \"kind\": \"model\"}", TOKEN);

        assertThat(put.status()).isEqualTo(400);
        assertThat(put.json().path("problems").get(0).path("field").asString()).isEqualTo("id");
        assertThat(http.get("/api/models/" + id).status()).isEqualTo(404);
        assertThat(http.get("/api/models/" + id + "/descendants").status()).isEqualTo(404);
    }

    @Test
    void tooManyValuesInAListAreRefused() {
        String repositories = String.join(",", java.util.Collections.nCopies(150, "\"owner/name\""));

        var response = http.put("/api/catalog/many", "{\"name\": \"M\", \"kind\": \"model\", \"githubRepositories\": ["
                + repositories + "]}", TOKEN);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("problems").get(0).path("field").asString()).isEqualTo("githubRepositories");
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        var response = http.put("/api/catalog/typo", "{\"name\": \"T\", \"kind\": \"model\", \"baseModel\": [{\"id\": \"llama\"}]}", TOKEN);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("detail").asString()).contains("unknown field 'baseModel'").contains("baseModels");
        assertThat(http.get("/api/models/typo").status()).isEqualTo(404);
    }

    @Test
    void malformedDeeplyNestedOrMistypedJsonIsA400InPlainWords() {
        var malformed = http.put("/api/catalog/bad", "{\"name\": ", TOKEN);
        var nested = http.put("/api/catalog/bad", "{\"links\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}", TOKEN);
        var mistyped = http.put("/api/catalog/bad", "{\"name\": \"B\", \"kind\": \"model\", \"links\": {\"a\": 1}}", TOKEN);
        var notAnObject = http.put("/api/catalog/bad", "[1, 2]", TOKEN);

        for (var response : List.of(malformed, nested, mistyped, notAnObject)) {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).doesNotContain("jackson").doesNotContain("Exception").doesNotContain("at [Source");
        }
        assertThat(malformed.json().path("detail").asString()).contains("not valid JSON");
        assertThat(mistyped.json().path("detail").asString()).contains("'links'");
    }

    @Test
    void aPutTakesJsonOnly() {
        var response = http.raw("PUT", "/api/catalog/yaml", "application/yaml", "name: Y\nkind: model\n", "Bearer " + TOKEN);

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void pagingPastAnyListIsA400NamingPageOnEveryPagedRoute() {
        for (String route : List.of("/api/models", "/api/organisations/meta-ai/models", "/api/models/llama/descendants",
                "/api/models/llama/ancestors")) {
            var response = http.get(route + "?page=2147483647&size=200");

            assertThat(response.status()).as(route).isEqualTo(400);
            assertThat(response.json().path("parameter").asString()).as(route).isEqualTo("page");
        }
        assertThat(http.get("/api/models?page=99999999999").json().path("parameter").asString()).isEqualTo("page");
    }

    @Test
    void aMarkdownImportNestedTooDeepIsRefusedBeforeParsing() {
        var response = http.post("/api/catalog/import", "text/markdown", ">".repeat(100_000) + " x\n", TOKEN);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("detail").asString()).contains("nests more than");
    }

    @Test
    void aTableImportOverItsCapIsRefused() {
        var response = http.post("/api/catalog/import", "text/markdown", "| 名称 |\n".repeat(400_000), TOKEN);

        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void anImportWithLinksDifferingOnlyInCaseConverts() {
        var response = http.post("/api/catalog/import", "text/markdown; charset=utf-8", """
                | 名称 | 组织 | 参考链接 |
                |---|---|---|
                | Vicuna | LMSYS | https://github.com/lm-sys/FastChat https://github.com/LM-SYS/fastchat |
                """, TOKEN);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).containsOnlyOnce("https://github.com/lm-sys/FastChat").doesNotContain("LM-SYS");
    }

    private int chunkedPut(String path, String body) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + environment.getRequiredProperty("local.server.port") + path))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                // An input stream publisher sends no Content-Length: the body is chunked.
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
