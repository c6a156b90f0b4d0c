package org.llmtracker.api.instances;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.llmtracker.api.external.Neo4jServerProcess;
import org.llmtracker.api.testing.AppProcess;
import org.llmtracker.api.testing.Http;
import org.llmtracker.api.testing.QuartzDatabase;
import org.llmtracker.crawler.sweep.testing.GeneratedHub;
import org.llmtracker.crawler.sweep.testing.HubShape;
import org.llmtracker.crawler.sweep.testing.ListingServer;

import com.github.tomakehurst.wiremock.WireMockServer;

import tools.jackson.databind.JsonNode;

/**
 * Two application processes from the built jar against one Neo4j server in its own process, with
 * their schedule clustered in the machine's PostgreSQL, as docs/deployment.md describes: a job
 * asked of both at once runs once, a sweep whose instance is killed mid-pass is closed by the
 * other and resumed from its committed cursor into the same content a single instance stores,
 * reads on both answer meanwhile, a write on one is read on the other, and each digest fire is
 * delivered once. The Hub is the listing stand-in (the Hub's wire format: pages, {@code Link}
 * cursors, {@code RateLimit} headers) over a generated Hub of {@value #MODELS} models read in
 * pages of {@value #PAGE}. The methods run in order on one set of processes; the timeline and the
 * cases go to {@code target/instances/timeline.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    static final int MODELS = 2000;
    static final int PAGE = 100;
    /** The listing request held open until the instance serving it is killed: pages before it are committed. */
    static final int HELD_REQUEST = 6;
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(4);
    static final int DIGEST_EVERY_SECONDS = 15;
    private static final Pattern FIRE_STARTED = Pattern.compile("Scheduled digest fire of (\\S+) starting");
    private static final String TOKEN = "instances-admin";
    private static final Duration START = Duration.ofMinutes(5);
    private static final Path OUT = Path.of("target", "instances");
    private static final String PROBE = """
            {"name": "Instances probe", "kind": "model", "organisation": "Test Lab"}
            """;
    private static final String NEVER = "0 0 0 1 1 ? 2099";

    private final Timeline timeline = new Timeline();
    private final CountDownLatch killed = new CountDownLatch(1);
    private ListingServer hub;
    private WireMockServer webhook;
    private QuartzDatabase quartz;
    private Neo4jServerProcess server;
    private final Map<String, AppProcess> instances = new HashMap<>();
    private AppProcess survivor;
    private StoreContent swept;

    @BeforeAll
    void startHubServerAndTwoInstances() {
        hub = ListingServer.start(new GeneratedHub(new HubShape(MODELS)), Clock.systemUTC(), 100_000, Duration.ofMinutes(5));
        webhook = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        webhook.start();
        webhook.stubFor(post("/digest").willReturn(aResponse().withStatus(200)));
        quartz = QuartzDatabase.fresh("llm_tracker_instances_test");
        server = Neo4jServerProcess.start(OUT.resolve("neo4j-" + UUID.randomUUID()), "tracker", "pw-" + UUID.randomUUID());
        timeline.event("neo4j", "server process ready");
        // One after the other: the first start applies the schema to the empty server.
        for (String name : List.of("A", "B")) {
            AppProcess app = AppProcess.start("instance-" + name, OUT, clustered(server));
            instances.put(name, app);
            app.awaitUp(START);
            timeline.event(name, "up (GET /actuator/health UP), pid " + app.process().pid());
        }
    }

    @AfterAll
    void stopEverything() {
        instances.values().forEach(AppProcess::close);
        if (server != null) {
            server.close();
        }
        if (webhook != null) {
            webhook.stop();
        }
        if (hub != null) {
            hub.close();
        }
        timeline.write(OUT.resolve("timeline.md"));
    }

    @Test
    @Order(1)
    void aCatalogueWriteOnOneInstanceIsReadOnTheOther() {
        long sent = timeline.now();
        Http.Response written = instances.get("A").http().put("/api/catalog/instances-probe", PROBE, TOKEN);
        timeline.event("A", "PUT /api/catalog/instances-probe -> " + written.status());
        Http.Response read = instances.get("B").http().get("/api/catalog/instances-probe");
        timeline.event("B", "GET /api/catalog/instances-probe -> " + read.status());

        assertThat(written.status()).as(written.body()).isEqualTo(201);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("organisation").asString()).isEqualTo("Test Lab");
        timeline.row("PUT /api/catalog/instances-probe on A, then GET on B", written.status() + ", then " + read.status(),
                timeline.now() - sent, "n/a (a write)");
    }

    @Test
    @Order(2)
    void aSweepAskedOfBothRunsOnceAndAKillMidPassIsClosedByTheOtherThenResumedFromTheCommittedCursor()
            throws Exception {
        hub.afterRequest(HELD_REQUEST, () -> {
            try {
                killed.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Map<String, Readers> readers = new HashMap<>();
        instances.forEach((name, app) -> readers.put(name, new Readers(name, app.http())));

        Map<String, Http.Response> asked = askBothAtOnce("/api/crawls/hub-sweep?full=true");
        String winner = asked.get("A").status() == 202 ? "A" : "B";
        String loser = winner.equals("A") ? "B" : "A";
        assertThat(asked.get(winner).status()).isEqualTo(202);
        assertThat(asked.get(loser).status()).as(asked.get(loser).body()).isEqualTo(409);
        JsonNode running = asked.get(loser).json();
        assertThat(running.path("job").asString()).isEqualTo("hub-sweep");
        assertThat(running.path("status").asString()).isEqualTo("RUNNING");
        String runId = running.path("id").asString();

        await().atMost(Duration.ofSeconds(60)).until(() -> hub.requests() >= HELD_REQUEST);
        timeline.event(winner, "listing request " + HELD_REQUEST + " held open: " + (HELD_REQUEST - 1) + " pages committed");
        assertThat(get(instances.get(loser), "/api/crawl-runs/" + runId).path("status").asString()).isEqualTo("RUNNING");
        Http.Response again = instances.get(loser).http().post("/api/crawls/hub-sweep?full=true", TOKEN);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("id").asString()).isEqualTo(runId);
        timeline.row("POST /api/crawls/hub-sweep?full=true on " + loser + " while " + winner + " sweeps", "409 (run " + runId
                + ")", 0, "n/a");

        readers.get(winner).close();
        long killedAt = timeline.event(winner, "kill -9 (Process.destroyForcibly) mid-pass");
        survivor = instances.get(loser);
        instances.get(winner).kill();
        killed.countDown();
        JsonNode aborted = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(survivor, "/api/crawl-runs/" + runId), run -> "ABORTED".equals(run.path("status").asString()));
        long abortedAt = timeline.event(loser, "run " + runId + " ABORTED: " + aborted.path("note").asString());
        assertThat(abortedAt - killedAt).isGreaterThanOrEqualTo(ABANDONED_AFTER.toMillis() - 1000);
        timeline.row("kill -9 of " + winner + " mid-pass; " + loser + " watches", "ABORTED", abortedAt - killedAt, "n/a");

        long before = hub.requests();
        long resuming = timeline.event(loser, "POST /api/crawls/hub-sweep?wait=true&full=true");
        Http.Response resumed = survivor.http().post("/api/crawls/hub-sweep?wait=true&full=true", TOKEN);
        timeline.event(loser, "sweep ended " + resumed.json().path("status").asString() + " " + resumed.json().path("counts"));
        List<String> targets = hub.targets();
        String heldCursor = cursor(targets.get(HELD_REQUEST - 1));
        String firstAfterKill = targets.get((int) before);

        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.json().path("status").asString()).as(resumed.body()).isEqualTo("SUCCEEDED");
        assertThat(heldCursor).as("the held request was a later page").isNotNull();
        assertThat(cursor(firstAfterKill)).as("the resumed pass's first request: %s", firstAfterKill).isEqualTo(heldCursor);
        assertThat(targets.subList((int) before, targets.size())).as("pages read again").hasSizeLessThan(MODELS / PAGE);
        timeline.row("POST /api/crawls/hub-sweep?wait=true&full=true on " + loser + " after the kill", "200 SUCCEEDED, "
                + (targets.size() - before) + " listing requests, first at the committed cursor", timeline.now() - resuming, "n/a");

        readers.get(loser).close();
        for (Readers reader : List.of(readers.get("A"), readers.get("B"))) {
            timeline.event(reader.instance(), "reader: " + reader.reads() + " reads, " + reader.errors().size() + " errors");
            assertThat(reader.errors()).as("errors of the reads on " + reader.instance()).isEmpty();
            assertThat(reader.reads()).isPositive();
        }
        swept = StoreContent.of(survivor.http().getAsAdmin("/api/export", TOKEN).body());
        swept.write(OUT.resolve("two-instances-content.txt"));
        timeline.event(loser, "export content " + swept.hash());
    }

    @Test
    @Order(3)
    void eachDigestFireIsDeliveredOnceAcrossBothInstances() {
        Http http = survivor.http();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode runs = http.get("/api/crawl-runs?job=digest&limit=200").json();
            long finished = 0;
            for (JsonNode run : runs) {
                if ("RUNNING".equals(run.path("status").asString())) {
                    return false;
                }
                finished++;
            }
            return finished >= 2;
        });
        JsonNode runs = http.get("/api/crawl-runs?job=digest&limit=200").json();
        long deliveries = webhook.findAll(postRequestedFor(urlEqualTo("/digest"))).size();
        long delivered = 0;
        long aborted = 0;
        for (JsonNode run : runs) {
            delivered += run.path("counts").path("delivered").asLong(0);
            aborted += "ABORTED".equals(run.path("status").asString()) ? 1 : 0;
            if ("SUCCEEDED".equals(run.path("status").asString())) {
                assertThat(run.path("counts").path("delivered").asLong()).as(run.toString()).isOne();
            }
        }
        Map<String, Long> byInstance = StoreContent.runsByInstance(http.getAsAdmin("/api/export", TOKEN).body(), "digest");
        timeline.event("A+B", runs.size() + " digest fires, " + deliveries + " webhook deliveries; runs by instance (pid@host) "
                + byInstance);

        // A fire can start seconds late (held back by the run before it, or recovered from the killed
        // node), so the start time does not tell fires apart; the fire's scheduled time, logged as it starts, does.
        Map<String, Integer> startsPerFire = new HashMap<>();
        for (String name : List.of("A", "B")) {
            Matcher started = FIRE_STARTED.matcher(instances.get(name).log());
            while (started.find()) {
                startsPerFire.merge(started.group(1), 1, Integer::sum);
            }
        }
        assertThat(startsPerFire).as("digest fires started, by scheduled time, on A and B").isNotEmpty()
                .allSatisfy((fire, count) -> assertThat(count).as("starts of the fire scheduled for " + fire).isOne());
        assertThat((long) runs.size()).as("digest runs, each from one fire").isLessThanOrEqualTo(startsPerFire.size());
        assertThat(deliveries).as("deliveries, beside runs' delivered counts %d (a run killed mid-delivery may add one: %d)",
                delivered, aborted).isBetween(delivered, delivered + aborted);
        timeline.row("digest cron every " + DIGEST_EVERY_SECONDS + " s on both instances (clustered Quartz)", runs.size()
                + " fires, " + deliveries + " deliveries, at most one run per fire", 0, "n/a");
    }

    @Test
    @Order(4)
    void theContainersOwnErrorPagesCarryTheSecurityHeadersAndChangeNothing() {
        Http http = survivor.http();
        for (String path : List.of("/api/models/a\\b", "/api/models/%00")) {
            long sent = timeline.now();
            String answer = http.socket("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            long took = timeline.now() - sent;
            String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase(java.util.Locale.ROOT);
            String status = head.lines().findFirst().orElse("");
            StoreContent after = StoreContent.of(http.getAsAdmin("/api/export", TOKEN).body());

            assertThat(status).as(answer).startsWith("http/1.1 400");
            assertThat(head).contains("content-security-policy: default-src 'self'", "x-content-type-options: nosniff",
                    "x-frame-options: deny", "referrer-policy: no-referrer");
            assertThat(answer).doesNotContainIgnoringCase("apache tomcat");
            assertThat(after.hash()).isEqualTo(swept.hash());
            timeline.row("GET " + path + " (raw, by socket)", "400, security headers present", took, "yes");
        }
    }

    @Test
    @Order(5)
    void theResumedTwoInstanceSweepStoredWhatOneInstanceSweepingTheSameHubStores() {
        survivor.close();
        server.close();
        timeline.event("A+B", "stopped; the shared server too");
        Neo4jServerProcess fresh = Neo4jServerProcess.start(OUT.resolve("neo4j-" + UUID.randomUUID()), "tracker",
                "pw-" + UUID.randomUUID());
        try {
            List<String> args = new ArrayList<>(external(fresh));
            args.add("--tracker.schedule.enabled=false");
            AppProcess single = AppProcess.start("instance-C", OUT, args);
            instances.put("C", single);
            single.awaitUp(START);
            timeline.event("C", "up alone on a fresh server");
            assertThat(single.http().put("/api/catalog/instances-probe", PROBE, TOKEN).status()).isEqualTo(201);
            long sent = timeline.now();
            Http.Response run = single.http().post("/api/crawls/hub-sweep?wait=true&full=true", TOKEN);
            timeline.event("C", "sweep ended " + run.json().path("status").asString() + " " + run.json().path("counts"));
            StoreContent alone = StoreContent.of(single.http().getAsAdmin("/api/export", TOKEN).body());
            alone.write(OUT.resolve("one-instance-content.txt"));
            timeline.event("C", "export content " + alone.hash());

            assertThat(run.json().path("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(alone.hash().nodes()).isGreaterThan(MODELS);
            assertThat(swept.hash()).as("two instances, killed and resumed (see %s and %s)",
                    OUT.resolve("two-instances-content.txt"), OUT.resolve("one-instance-content.txt")).isEqualTo(alone.hash());
            timeline.row("POST /api/crawls/hub-sweep?wait=true&full=true on one instance, fresh store", "200 SUCCEEDED",
                    timeline.now() - sent, "equal to the two-instance store: " + alone.hash().sha256().substring(0, 16));
            single.close();
        } finally {
            fresh.close();
        }
    }

    @Test
    @Order(6)
    void aRefusedStartExitsTheJvmWithAnErrorStatus() {
        long started = timeline.now();
        AppProcess refused = AppProcess.start("refused", OUT, List.of(
                "--tracker.neo4j.data-dir=" + OUT.resolve("refused-" + UUID.randomUUID()).toAbsolutePath(),
                "--tracker.neo4j.bolt-address=0.0.0.0",
                "--tracker.neo4j.bolt-port=0",
                "--tracker.neo4j.bolt-password=short",
                "--tracker.neo4j.page-cache-mb=16",
                "--tracker.schedule.enabled=false"));
        instances.put("refused", refused);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> !refused.process().isAlive());
        // The child stamps its log with the wall clock, the only clock this JVM shares with it.
        Instant exited = Instant.now();
        long took = timeline.now() - started;
        String refusal = refused.log().lines().filter(line -> line.contains("Application run failed")).findFirst().orElse("");
        long refusalToExit = refusal.isEmpty() ? -1
                : Duration.between(Instant.parse(refusal.substring(0, refusal.indexOf(' '))), exited).toMillis();
        timeline.event("refused", "exited " + refused.process().exitValue() + " after " + took + " ms, " + refusalToExit
                + " ms after the refusal was logged");

        assertThat(refused.process().exitValue()).as(refused.log()).isNotZero();
        assertThat(refused.log()).contains("needs at least 8").doesNotContain("Embedded Neo4j started");
        assertThat(refusalToExit).as("from the logged refusal to the exit, ms").isBetween(0L, 10_000L);
        timeline.row("java -jar with bolt-address=0.0.0.0, bolt-password=short", "exit " + refused.process().exitValue()
                + ", " + refusalToExit + " ms after the refusal", took, "n/a (no store)");
    }

    private Map<String, Http.Response> askBothAtOnce(String path) throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        Map<String, Future<Http.Response>> answers = new HashMap<>();
        for (String name : List.of("A", "B")) {
            Http http = instances.get(name).http();
            answers.put(name, two.submit(() -> {
                go.await();
                return http.post(path, TOKEN);
            }));
        }
        long sent = timeline.event("A+B", "POST " + path + " on both at once");
        go.countDown();
        Map<String, Http.Response> result = new HashMap<>();
        for (String name : List.of("A", "B")) {
            result.put(name, answers.get(name).get(60, TimeUnit.SECONDS));
            timeline.event(name, "answered " + result.get(name).status());
        }
        two.shutdown();
        timeline.row("POST " + path + " on A and B at once", "A " + result.get("A").status() + ", B "
                + result.get("B").status(), timeline.now() - sent, "n/a");
        return result;
    }

    private static JsonNode get(AppProcess app, String path) {
        return app.http().get(path).json();
    }

    /** The {@code cursor} parameter of a listing request, null on the first page. */
    private static String cursor(String target) {
        for (String pair : target.substring(target.indexOf('?') + 1).split("&")) {
            if (pair.startsWith("cursor=")) {
                return pair.substring("cursor=".length());
            }
        }
        return null;
    }

    private List<String> clustered(Neo4jServerProcess neo4j) {
        List<String> args = new ArrayList<>(external(neo4j));
        args.addAll(List.of(
                "--spring.quartz.job-store-type=jdbc",
                "--spring.datasource.url=" + quartz.url(),
                "--spring.datasource.username=" + quartz.user(),
                "--spring.datasource.password=" + quartz.password(),
                "--tracker.runs.heartbeat-interval=1s",
                "--tracker.runs.abandoned-after=" + ABANDONED_AFTER.toSeconds() + "s",
                "--tracker.digest.webhook-url=" + webhook.baseUrl() + "/digest",
                "--tracker.schedule.crons.digest=0/" + DIGEST_EVERY_SECONDS + " * * * * ?",
                "--tracker.schedule.crons.github=" + NEVER,
                "--tracker.schedule.crons.huggingface=" + NEVER,
                "--tracker.schedule.crons.pages=" + NEVER,
                "--tracker.schedule.crons.hub-sweep=" + NEVER,
                "--tracker.schedule.crons.infer=" + NEVER,
                "--tracker.licenses.cron=" + NEVER));
        return args;
    }

    /** What every instance of the deployment takes: the one Neo4j server, the Hub stand-in. */
    private List<String> external(Neo4jServerProcess neo4j) {
        return List.of(
                "--tracker.neo4j.mode=external",
                "--spring.neo4j.uri=" + neo4j.routingUri(),
                "--spring.neo4j.authentication.username=" + neo4j.user(),
                "--spring.neo4j.authentication.password=" + neo4j.password(),
                "--tracker.admin.token=" + TOKEN,
                "--tracker.huggingface.api-url=" + hub.uri(),
                "--tracker.huggingface.sweep.page-size=" + PAGE,
                // Per-page index writes, so lineage reads answer during the sweep (a first fill answers 503).
                "--tracker.huggingface.sweep.first-fill-below=0");
    }
}
