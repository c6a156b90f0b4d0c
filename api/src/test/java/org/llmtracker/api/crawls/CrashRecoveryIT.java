package org.llmtracker.api.crawls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmtracker.api.LlmTrackerApplication;

import com.github.tomakehurst.wiremock.WireMockServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application killed with {@code kill -9} in the middle of a crawl, then started again on
 * the same store: the interrupted run is ABORTED, not RUNNING forever. The application runs in
 * a separate JVM, so the kill is a real one; GitHub is a local server that answers too slowly
 * for the crawl to end before the kill.
 */
class CrashRecoveryIT {

    private static final String TOKEN = "crash-test-token";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final WireMockServer slowGithub = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
            .containerThreads(20));
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        slowGithub.stop();
    }

    @Test
    void aRunCutShortByKillDashNineIsAbortedAtTheNextStart(@TempDir Path dir) throws Exception {
        slowGithub.start();
        slowGithub.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(120_000).withBody("{}")));

        int firstPort = freePort();
        Process first = start(dir, firstPort, "first.log");
        awaitUp(first, firstPort, dir.resolve("first.log"));
        assertThat(post(firstPort, "/api/crawls/github").statusCode()).isEqualTo(202);
        JsonNode running = await().atMost(Duration.ofSeconds(60)).until(() -> githubRun(firstPort),
                run -> run != null && run.path("status").asString().equals("RUNNING"));

        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(first.isAlive()).isFalse();

        int secondPort = freePort();
        Process second = start(dir, secondPort, "second.log");
        awaitUp(second, secondPort, dir.resolve("second.log"));
        JsonNode after = get(secondPort, "/api/crawl-runs/" + running.path("id").asString());

        assertThat(after.path("status").asString()).isEqualTo("ABORTED");
        assertThat(after.path("finishedAt").isNull()).isFalse();
        assertThat(after.path("note").asString()).contains("stopped before the run ended");
        assertThat(get(secondPort, "/api/crawl-runs?job=github").findValuesAsString("status")).doesNotContain("RUNNING");
    }

    private Process start(Path dir, int port, String logName) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), LlmTrackerApplication.class.getName(),
                "--server.port=" + port,
                "--tracker.neo4j.data-dir=" + dir.resolve("store"),
                "--tracker.neo4j.bolt-port=0",
                "--tracker.neo4j.page-cache-mb=32",
                "--tracker.schedule.enabled=false",
                "--tracker.admin.token=" + TOKEN,
                "--tracker.github.api-url=" + slowGithub.baseUrl(),
                "--tracker.github.token=test",
                "--tracker.github.cache-dir=" + dir.resolve("github-cache"),
                "--tracker.github.read-timeout=300s",
                "--tracker.huggingface.api-url=" + slowGithub.baseUrl()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(logName).toFile())
                .start();
        processes.add(process);
        return process;
    }

    private static void awaitUp(Process process, int port, Path log) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\"");
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static JsonNode githubRun(int port) throws Exception {
        JsonNode runs = get(port, "/api/crawl-runs?job=github");
        return runs.size() == 0 ? null : runs.get(0);
    }

    private static JsonNode get(int port, String path) throws Exception {
        return JSON.readTree(CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static HttpResponse<String> post(int port, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
