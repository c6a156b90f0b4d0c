package org.llmtracker.api.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmtracker.api.LlmTrackerApplication;
import org.llmtracker.api.testing.ApiTest;
import org.llmtracker.api.testing.Http;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A crawled store exported over HTTP and restored into a second application on an empty store:
 * the restore answers the export's own counts and content hash, and answers lineage questions
 * the same way.
 */
@ApiTest
class BackupIT {

    private static final Logger log = LoggerFactory.getLogger(BackupIT.class);
    private static final String TOKEN = ApiTest.ADMIN_TOKEN;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Http http;

    @Test
    void anExportRestoredIntoAnEmptyStoreIsTheSameGraph(@TempDir Path store) throws Exception {
        assertThat(http.post("/api/crawls/huggingface?wait=true", TOKEN).json().path("status").asString())
                .as("the fixture family has a broken listing and malformed items (which the crawler now repairs or skips)")
                .isIn("PARTIAL", "SUCCEEDED");
        assertThat(http.post("/api/crawls/digest?wait=true", TOKEN).status()).isEqualTo(200);
        var export = http.getAsAdmin("/api/export", TOKEN);
        String[] lines = export.body().split("\n");
        JsonNode end = JSON.readTree(lines[lines.length - 1]);
        String descendants = http.get("/api/models/llama/descendants?size=200").body();

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        assertThat(export.header("Content-Disposition")).contains("llm-tracker-").contains(".jsonl");
        assertThat(end.path("nodes").asLong()).isEqualTo(lines.length - 2 - end.path("relationships").asLong());
        assertThat(http.post("/api/import", "application/x-ndjson", export.body(), TOKEN).status()).isEqualTo(409);

        try (ConfigurableApplicationContext restored = emptyApp(store)) {
            String base = "http://127.0.0.1:" + restored.getEnvironment().getRequiredProperty("local.server.port");
            HttpResponse<String> imported = send(HttpRequest.newBuilder(URI.create(base + "/api/import"))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(export.body())));
            JsonNode hash = JSON.readTree(imported.body());
            log.info("Export round trip: {} nodes, {} relationships, sha256 {} (restored: {})", end.path("nodes"),
                    end.path("relationships"), end.path("sha256").asString(), imported.body());

            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            assertThat(hash.path("sha256").asString()).isEqualTo(end.path("sha256").asString());
            assertThat(hash.path("nodes").asLong()).isEqualTo(end.path("nodes").asLong());
            assertThat(hash.path("relationships").asLong()).isEqualTo(end.path("relationships").asLong());
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/models/llama/descendants?size=200"))).body())
                    .isEqualTo(descendants);
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/import")).header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(export.body())))
                    .statusCode()).isEqualTo(409);
        }
    }

    @Test
    void theExportIsForTheAdminOnlyWhateverTheMethodOrSpelling() {
        for (String method : new String[] {"GET", "HEAD"}) {
            for (String path : new String[] {"/api/export", "/%61pi/export", "/api/%65xport"}) {
                assertThat(http.raw(method, path, null, null, null).status()).as(method + " " + path).isEqualTo(401);
                assertThat(http.raw(method, path, null, null, "Bearer wrong").status()).as(method + " " + path).isEqualTo(401);
            }
        }
    }

    private static ConfigurableApplicationContext emptyApp(Path store) {
        return new SpringApplicationBuilder(LlmTrackerApplication.class).run(
                "--server.port=0",
                "--tracker.neo4j.data-dir=" + store,
                "--tracker.neo4j.bolt-port=0",
                "--tracker.neo4j.page-cache-mb=32",
                "--tracker.schedule.enabled=false",
                "--tracker.catalog.load-at-start=false",
                "--tracker.admin.token=" + TOKEN);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
