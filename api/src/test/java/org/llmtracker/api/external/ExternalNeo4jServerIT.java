package org.llmtracker.api.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.llmtracker.api.LlmTrackerApplication;
import org.llmtracker.api.testing.Http;
import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.exceptions.ClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application against a Neo4j server in another JVM, over the routing scheme a cluster
 * uses, with authentication on: the external mode a user who outgrows the embedded store runs.
 * This class starts its own application context (external mode cannot share the embedded
 * one) and closes it at the end. The methods run in order: the last one stops the server
 * under the running application and starts it again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class ExternalNeo4jServerIT {

    private static final Logger log = LoggerFactory.getLogger(ExternalNeo4jServerIT.class);
    private static final String ADMIN_TOKEN = "external-admin";
    private static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(60);

    private final String password = "pw-" + UUID.randomUUID();
    private Neo4jServerProcess server;
    private ConfigurableApplicationContext app;
    private Http http;
    private String startupLog;

    @BeforeAll
    void startServerThenApplication(CapturedOutput output) {
        server = Neo4jServerProcess.start(Path.of("target/external-neo4j", UUID.randomUUID().toString()), "tracker",
                password);
        app = new SpringApplicationBuilder(LlmTrackerApplication.class, ProbeCrawlConfiguration.class)
                .run(
                        // As command-line arguments, so they win over application.yaml as a user's would.
                        "--server.port=0",
                        "--tracker.neo4j.mode=external",
                        "--spring.neo4j.uri=" + server.routingUri(),
                        "--spring.neo4j.authentication.username=" + server.user(),
                        "--spring.neo4j.authentication.password=" + server.password(),
                        // An outage answers within about a second instead of after the default retries.
                        "--spring.neo4j.max-transaction-retry-time=1s",
                        "--spring.neo4j.connection-timeout=2s",
                        "--tracker.admin.token=" + ADMIN_TOKEN,
                        "--tracker.schedule.enabled=false",
                        "--tracker.clock.fixed=2026-11-23T08:00:00Z");
        startupLog = output.getAll();
        http = new Http(app.getEnvironment());
    }

    @AfterAll
    void stopApplicationThenServer() {
        if (app != null) {
            app.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void startsNoEmbeddedServerAndLogsWhichStoreItUsesWithoutCredentials() {
        LineageChecks.noEmbeddedServer(app);
        assertThat(startupLog).contains("Graph store: external Neo4j at " + server.routingUri())
                .doesNotContain("Embedded Neo4j started")
                .doesNotContain(password);
    }

    @Test
    @Order(2)
    void answersLineageQuestionsFromTheServer() {
        LineageChecks.answersLineageQuestions(http);
    }

    @Test
    @Order(3)
    void theServerRefusesAWriteOnTheReadPathSoReadsCanGoToReadReplicas() {
        Graph graph = app.getBean(Graph.class);

        assertThatThrownBy(() -> graph.read(tx -> tx.run("CREATE (:Probe)").consume()))
                .isInstanceOfSatisfying(ClientException.class,
                        e -> assertThat(e.code()).isEqualTo("Neo.ClientError.Statement.AccessMode"));
    }

    @Test
    @Order(4)
    void aStoppedServerGives503HealthDownAndFailedCrawlsThenEverythingRecoversWhenItIsBack() {
        server.stop();

        var during = http.get("/api/models/llama/descendants");
        assertThat(during.status()).isEqualTo(503);
        assertThat(during.contentType()).startsWith("application/problem+json");
        assertThat(during.json().path("title").asString()).isEqualTo("Graph store unavailable");
        var health = http.getAsAdmin("/actuator/health", ADMIN_TOKEN);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().path("components").path("neo4j").path("status").asString()).isEqualTo("DOWN");
        var crawlDuring = http.post("/api/crawls/probe?wait=true", ADMIN_TOKEN);
        assertThat(crawlDuring.status()).isEqualTo(200);
        assertThat(crawlDuring.json().path("status").asString()).isEqualTo("FAILED");
        assertThat(crawlDuring.json().path("note").asString()).contains("unavailable");

        long restarting = System.nanoTime();
        server.start();

        var after = eventually(() -> http.get("/api/models/llama/descendants?size=200"), r -> r.status() == 200);
        log.info("API answering again {} ms after the server process was started again",
                Duration.ofNanos(System.nanoTime() - restarting).toMillis());
        assertThat(LineageChecks.ids(after.json().path("items"))).contains("minigpt-4", "llava");
        assertThat(eventually(() -> http.get("/actuator/health"), r -> r.status() == 200).json().path("status")
                .asString()).isEqualTo("UP");
        var crawlAfter = http.post("/api/crawls/probe?wait=true", ADMIN_TOKEN);
        assertThat(crawlAfter.json().path("status").asString()).isEqualTo("SUCCEEDED");
        List<String> recorded = new ArrayList<>();
        http.get("/api/crawl-runs?job=probe").json()
                .forEach(run -> recorded.add(run.path("id").asString() + " " + run.path("status").asString()));
        assertThat(recorded).containsExactlyInAnyOrder(
                crawlDuring.json().path("id").asString() + " FAILED",
                crawlAfter.json().path("id").asString() + " SUCCEEDED");
    }

    /**
     * Polls until the answer satisfies {@code done}; the deadline bounds a server that never
     * comes back. While the store is still starting every answer must be a 503, never a 500.
     */
    private static Http.Response eventually(Supplier<Http.Response> call, Predicate<Http.Response> done) {
        AtomicReference<Http.Response> last = new AtomicReference<>();
        await().atMost(RECOVERY_DEADLINE).pollInterval(Duration.ZERO).until(() -> {
            Http.Response answer = call.get();
            last.set(answer);
            if (done.test(answer)) {
                return true;
            }
            assertThat(answer.status()).as("answer while recovering: %s", answer.body()).isEqualTo(503);
            return false;
        });
        return last.get();
    }
}
