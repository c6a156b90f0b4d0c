package org.llmtracker.api.crawls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.llmtracker.api.testing.ApiTest;
import org.llmtracker.api.testing.Http;
import org.llmtracker.crawler.huggingface.testing.FixtureFamily;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** The acceptance test of the Hugging Face crawler, through the API a user calls. */
@ApiTest
class HuggingFaceApiIT {

    private static final String FIXTURE_ENTRY = """
            {"name": "Fixture Base 7B", "organisation": "Fixture Org", "kind": "model",
             "githubRepositories": [], "huggingfaceIds": ["%s"], "baseModels": []}
            """.formatted(FixtureFamily.LEGACY_ROOT);

    private final Http http;
    private final Map<String, FixtureFamily.Expected> expected = new TreeMap<>(FixtureFamily.generate().expected(3));

    HuggingFaceApiIT(@Autowired Http http) {
        this.http = http;
    }

    @Test
    void afterADiscoveryCrawlTheDescendantsAreExactlyTheFixtureFamily() {
        assertThat(http.put("/api/catalog/fixture-base", FIXTURE_ENTRY, ApiTest.ADMIN_TOKEN).status()).isIn(200, 201);

        JsonNode run = crawl();

        // the fixture's two malformed list items and its broken listing: the run says some parts failed
        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("PARTIAL");
        assertThat(run.path("counts").path("failed").asLong()).as(run.toString()).isEqualTo(3);
        assertThat(run.path("counts").path("discovered").asLong()).isEqualTo(expected.size());
        assertThat(run.path("requests").asLong()).isPositive();
        assertThat(descendants("")).isEqualTo(expected);

        Map<String, Long> childCounts = new TreeMap<>();
        expected.values().stream().filter(e -> e.depth() == 1)
                .forEach(e -> e.relations().forEach(r -> childCounts.merge(r, 1L, Long::sum)));
        JsonNode detail = http.get("/api/models/fixture-base").json();
        Map<String, Long> actualCounts = new TreeMap<>();
        detail.path("childCounts").properties().forEach(p -> actualCounts.put(p.getKey(), p.getValue().asLong()));
        assertThat(actualCounts).isEqualTo(childCounts).containsKeys("FINETUNE", "ADAPTER", "QUANTIZED", "UNKNOWN");
        assertThat(detail.path("downloads").asLong()).isEqualTo(5_000_000L);

        Map<String, FixtureFamily.Expected> quantized = new TreeMap<>(expected);
        quantized.values().removeIf(e -> !e.relations().contains("QUANTIZED"));
        assertThat(descendants("&relation=QUANTIZED")).isEqualTo(quantized);

        assertThat(http.get("/api/models/" + FixtureFamily.ROOT).json().path("id").asString()).isEqualTo("fixture-base");
        assertThat(http.get("/api/models/" + FixtureFamily.TRI_MERGE + "/ancestors").json().path("items"))
                .extracting(i -> i.path("id").asString()).contains("fixture-base");
        JsonNode gated = http.get("/api/models/" + FixtureFamily.GATED).json();
        assertThat(gated.path("hfStatus").asString()).isEqualTo("gated");
        assertThat(gated.path("catalogued").asBoolean()).isFalse();
        assertThat(http.get("/api/crawl-runs?job=huggingface").json().get(0).path("counts").path("listed").asLong())
                .isEqualTo(expected.size());
    }

    @Test
    void conflictsAreListedAndCrawlsNeedTheAdminToken() {
        Http.Response conflicts = http.get("/api/lineage/conflicts");

        assertThat(conflicts.status()).isEqualTo(200);
        assertThat(http.post("/api/crawls/huggingface?wait=true", null).status()).isIn(401, 403);
    }

    /**
     * Starts a crawl and waits for its record. Not {@code wait=true}: on a loaded machine a crawl
     * can outlast the test client's 60-second request timeout.
     */
    private JsonNode crawl() {
        assertThat(http.post("/api/crawls/huggingface", ApiTest.ADMIN_TOKEN).status()).isEqualTo(202);
        AtomicReference<JsonNode> finished = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode runs = http.get("/api/crawl-runs?job=huggingface").json();
            boolean done = runs.size() > 0 && !"RUNNING".equals(runs.get(0).path("status").asString());
            finished.set(done ? runs.get(0) : null);
            return done;
        });
        return finished.get();
    }

    private Map<String, FixtureFamily.Expected> descendants(String filter) {
        Map<String, FixtureFamily.Expected> found = new TreeMap<>();
        for (int page = 0; ; page++) {
            JsonNode body = http.get("/api/models/fixture-base/descendants?size=200&page=" + page + filter).json();
            for (JsonNode item : body.path("items").values()) {
                Set<String> relations = new TreeSet<>();
                item.path("relations").values().forEach(r -> relations.add(r.asString()));
                found.put(item.path("id").asString(), new FixtureFamily.Expected(item.path("depth").asInt(), relations));
            }
            if (body.path("items").size() < 200) {
                return found;
            }
        }
    }
}
