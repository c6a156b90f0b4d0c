package org.llmtracker.crawler.inference;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.llmtracker.crawler.huggingface.HubSettings;
import org.llmtracker.crawler.huggingface.testing.HubTestSettings;
import org.llmtracker.crawler.run.CrawlRecorder;
import org.llmtracker.graph.ancestry.Ancestry;
import org.llmtracker.graph.hub.HubCard;
import org.llmtracker.graph.hub.HubListingPage;
import org.llmtracker.graph.hub.HubListingStore;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.hub.LineageWriter;
import org.llmtracker.graph.inference.InferenceReads;
import org.llmtracker.graph.inference.InferredLinks;
import org.llmtracker.graph.store.EmbeddedNeo4j;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.store.Schema;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The {@code infer} job at Hub scale, by hand (not part of the build): {@code load MODELS DIR [SEED]} writes
 * a store of about MODELS undeclared Hub models with real-looking names and listing card fields
 * ({@link CollisionHub}'s patterns, many times over) through the sweep's bulk writer; {@code infer DIR} runs
 * the job over it against a local Hub that knows nothing (so every request it makes is counted and none
 * helps), and prints time, the peak heap seen, requests and links; {@code day DIR MODELS [SEED]} adds a day's
 * new models and runs the job again, to show it checks only those and their namesakes. Run the infer step
 * with {@code -Xmx2g}.
 */
public final class InferScaleCheck {

    private static final Instant NOW = Instant.parse("2026-12-01T04:00:00Z");

    private InferScaleCheck() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path dir = Path.of(mode.equals("infer") ? args[1] : args[2]);
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dir, 0, 1024)) {
            Graph graph = Graph.inProcess(neo4j, null);
            Schema.apply(graph);
            Ancestry.ensure(graph);
            switch (mode) {
                case "load" -> load(graph, Integer.parseInt(args[1]), args.length > 3 ? Long.parseLong(args[3]) : 42, "");
                case "infer" -> infer(graph, NOW);
                case "day" -> {
                    load(graph, Integer.parseInt(args[1]), args.length > 3 ? Long.parseLong(args[3]) : 4242, "day-");
                    infer(graph, NOW.plusSeconds(86_400));
                }
                default -> throw new IllegalArgumentException("mode load, infer or day: " + mode);
            }
        }
    }

    private static void load(Graph graph, int models, long seed, String prefix) {
        long started = System.nanoTime();
        // CollisionHub makes about 34 repos per pattern round; names carry a prefix for a later day's batch.
        CollisionHub hub = CollisionHub.generate(seed, Math.max(1, models / 34), prefix);
        HubListingStore writer = new HubListingStore(graph);
        List<HubModel> page = new ArrayList<>(1000);
        int written = 0;
        for (CollisionHub.Repo r : hub.repos()) {
            String owner = r.id().substring(0, r.id().indexOf('/'));
            HubCard card = r.creator() == null && r.quantizedBy() == null ? null
                    : new HubCard(r.creator(), r.quantizedBy(), r.modelName() == null ? List.of() : List.of(r.modelName()), null, null);
            page.add(new HubModel(r.id(), owner, r.downloads(), r.likes(), "text-generation", r.library(), r.parameters(), null,
                    r.createdAt(), r.createdAt(), false, card, r.modelType(), r.ggufArchitecture()));
            if (page.size() == 1000) {
                writer.store(new HubListingPage(page, List.of()), NOW);
                written += page.size();
                page.clear();
            }
        }
        writer.store(new HubListingPage(page, List.of()), NOW);
        written += page.size();
        System.out.printf("loaded %,d models (%,d cases) in %.1f s%n", written, hub.cases().size(), (System.nanoTime() - started) / 1e9);
    }

    private static void infer(Graph graph, Instant now) {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(get(urlPathEqualTo("/api/models")).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[]")));
        server.stubFor(get(urlPathMatching("/.*")).atPriority(20).willReturn(aResponse().withStatus(404)
                .withHeader("X-Error-Code", "RepoNotFound").withBody("{\"error\":\"Repository not found\"}")));
        AtomicLong peak = new AtomicLong();
        var memory = ManagementFactory.getMemoryMXBean();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max), 0, 100,
                TimeUnit.MILLISECONDS);
        try {
            HubSettings settings = HubTestSettings.of(java.net.URI.create("http://127.0.0.1:" + server.port()), "", 0, 0, 1);
            Clock clock = Clock.fixed(now, ZoneOffset.UTC);
            InferJob job = new InferJob(settings, InferenceSettings.defaults(), new InferenceReads(graph), new InferredLinks(graph),
                    new LineageWriter(graph), clock, HubTestSettings.upstream(settings, d -> { }, clock));
            CrawlRecorder run = new CrawlRecorder();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            long started = System.nanoTime();
            job.run(run);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
            long links = graph.read(tx -> tx.run("MATCH ()-[d:DERIVED_FROM]->() WHERE d.sources = ['inferred'] RETURN count(d) AS n")
                    .single().get("n").asLong());
            System.out.printf("infer: %.1f s wall, %.1f s CPU (all threads, Neo4j's too), machine load %.1f, peak heap seen %,d MB (max %,d MB), requests %d, inferred links stored %,d, "
                    + "requests per link %.5f%ncounts %s%n", seconds, cpu, os.getSystemLoadAverage(), peak.get() >> 20, Runtime.getRuntime().maxMemory() >> 20,
                    run.requests(), links, links == 0 ? 0 : (double) run.requests() / links, run.counts());
        } finally {
            sampler.shutdownNow();
            server.stop();
        }
    }
}
