package org.llmtracker.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.llmtracker.api.testing.ApiTest;
import org.llmtracker.api.testing.Http;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may write, tried the way an attacker would: every write route, spelled every way a URL
 * can be bent, without the token. None may run; each answer is a refusal in problem details.
 */
@ApiTest
class AdminAccessIT {

    private static final Logger log = LoggerFactory.getLogger(AdminAccessIT.class);
    private static final String ENTRY = "{\"name\": \"Probe\", \"kind\": \"model\"}";

    @Autowired
    Http http;

    record Write(String method, String path, String contentType, String body) {
    }

    static final List<Write> WRITES = List.of(
            new Write("PUT", "/api/catalog/bypass-probe", "application/json", ENTRY),
            new Write("POST", "/api/catalog/reload", null, null),
            new Write("POST", "/api/catalog/import", "text/markdown", "| 名称 | 组织 |\n|---|---|\n| X | Y |\n"),
            new Write("POST", "/api/crawls/digest?wait=true", null, null),
            new Write("POST", "/api/import", "application/x-ndjson", "{}\n"));

    /** The same route as a path parameter, an encoding, doubled or trailing slashes, dot segments, another case. */
    static List<String> spellings(String path) {
        String query = path.contains("?") ? path.substring(path.indexOf('?')) : "";
        String bare = path.substring(0, path.length() - query.length());
        List<String> all = List.of(bare,
                bare.replaceFirst("^/api/", "/api;x/"),
                bare.replaceFirst("^/api/", "/api;/"),
                bare + ";jsessionid=1",
                bare.replaceFirst("^/api/", "/%61pi/"),
                bare.replaceFirst("^/api/(.)", "/api/%$1").replace("%c", "%63").replace("%i", "%69"),
                bare.replaceFirst("^/api/", "/api%2F"),
                bare.replaceFirst("^/api/", "/api%5C"),
                "/" + bare,
                bare.replaceFirst("^/api/", "/api//"),
                bare + "/",
                bare.toUpperCase(Locale.ROOT),
                bare.replaceFirst("^/api/", "/api/./"),
                bare.replaceFirst("^/api/", "/api/x/../"),
                bare.replaceFirst("^/api/", "/api/x/%2e%2e/"),
                bare.replaceFirst("^/api/", "/api/%25"));
        return all.stream().map(p -> p + query).toList();
    }

    @Test
    void noSpellingOfAWriteRouteRunsWithoutTheToken() {
        long digestRuns = http.get("/api/crawl-runs?job=digest&limit=200").json().size();
        List<String> table = new ArrayList<>();
        for (Write write : WRITES) {
            for (String path : spellings(write.path())) {
                for (String authorization : new String[] {null, "Bearer wrong", "Basic YWRtaW46YWRtaW4="}) {
                    var response = http.raw(write.method(), path, write.contentType(), write.body(), authorization);
                    table.add(String.format("%-6s %-44s %-24s -> %d %s", write.method(), path, authorization,
                            response.status(), response.json().path("title").asString()));
                    assertThat(response.status()).as(write.method() + " " + path).isIn(400, 401);
                    assertThat(response.contentType()).as(path).startsWith("application/problem+json");
                    if (response.status() == 401) {
                        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
                    }
                }
            }
        }
        log.info("Write attempts without the admin token:\n{}", String.join("\n", table));
        assertThat(http.get("/api/catalog/bypass-probe").status()).isEqualTo(404);
        assertThat(http.get("/api/models/bypass-probe").status()).isEqualTo(404);
        assertThat(http.get("/api/crawl-runs?job=digest&limit=200").json().size()).isEqualTo(digestRuns);
    }

    @Test
    void theBearerSchemeIsReadInAnyCase() {
        for (String scheme : List.of("Bearer", "bearer", "BEARER", "bEaReR")) {
            var response = http.raw("POST", "/api/catalog/reload", null, null, scheme + " " + ApiTest.ADMIN_TOKEN);

            assertThat(response.status()).as(scheme).isEqualTo(200);
        }
    }

    @Test
    void aWrongTokenIsAnInvalidTokenAndAMissingOneAsksForOne() {
        var wrong = http.raw("POST", "/api/catalog/reload", null, null, "Bearer " + ApiTest.ADMIN_TOKEN + "x");
        var missing = http.raw("POST", "/api/catalog/reload", null, null, null);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).contains("Bearer").contains("invalid_token");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer").doesNotContain("invalid_token");
    }

    @Test
    void aUrlOutOfNormalFormIsABadRequestInProblemDetailsEvenForReads() {
        var response = http.raw("GET", "/api;x/models/llama", null, null, null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asString()).contains("not in normal form");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        List<Http.Response> responses = List.of(
                http.get("/api/models/llama"),
                http.get("/api/models/no-such-model"),
                http.get("/api/models?size=100000"),
                http.raw("POST", "/api/catalog/reload", null, null, null),
                http.raw("GET", "/api//models", null, null, null),
                http.raw("GET", "/api%2Fmodels", null, null, null),
                http.get("/v3/api-docs"),
                http.get("/swagger-ui/index.html"));
        for (var response : responses) {
            assertThat(response.header("Content-Security-Policy")).as(response.body())
                    .isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        }
    }

    @Test
    void swaggerUiLoadsOnlyFilesFromItsOwnOrigin() {
        var page = http.get("/swagger-ui/index.html");

        assertThat(page.status()).isEqualTo(200);
        // The policy forbids inline code: every script and style must be a file.
        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContain("<style")
                .doesNotContain("style=").doesNotContain("https://");
        assertThat(http.get("/swagger-ui/swagger-initializer.js").status()).isEqualTo(200);
        var docs = http.get("/v3/api-docs").json();
        assertThat(docs.path("paths").has("/api/models")).isTrue();
        assertThat(docs.path("components").path("securitySchemes").path("admin").path("scheme").asString()).isEqualTo("bearer");
        assertThat(docs.path("paths").path("/api/catalog/reload").path("post").path("security").toString()).contains("admin");
        assertThat(docs.path("paths").path("/api/export").path("get").path("security").toString()).contains("admin");
        assertThat(docs.path("paths").path("/api/models").path("get").has("security")).isFalse();
    }

    @Test
    void healthDetailsAndMetricsAreForTheAdminOnly() {
        var publicHealth = http.get("/actuator/health");
        var adminHealth = http.getAsAdmin("/actuator/health", ApiTest.ADMIN_TOKEN);

        assertThat(publicHealth.json().path("status").asString()).isEqualTo("UP");
        assertThat(publicHealth.json().has("components")).isFalse();
        assertThat(adminHealth.json().path("components").path("neo4j").path("status").asString()).isEqualTo("UP");
        for (String path : List.of("/actuator/metrics", "/actuator/metrics/jvm.memory.used", "/%61ctuator/metrics",
                "/actuator/metrics/")) {
            var response = http.raw("GET", path, null, null, null);
            assertThat(response.status()).as(path).isIn(400, 401);
        }
        assertThat(http.getAsAdmin("/actuator/metrics", ApiTest.ADMIN_TOKEN).status()).isEqualTo(200);
    }
}
