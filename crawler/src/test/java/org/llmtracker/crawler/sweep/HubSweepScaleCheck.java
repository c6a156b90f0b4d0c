package org.llmtracker.crawler.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.llmtracker.crawler.run.CrawlRecorder;
import org.llmtracker.crawler.sweep.testing.GeneratedHub;
import org.llmtracker.crawler.sweep.testing.HubShape;
import org.llmtracker.graph.store.EmbeddedNeo4j;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.store.Schema;

/**
 * The scale check: a full sweep of a generated Hub of two million models (about 400,000 links,
 * shaped like the recorded listings) from the listing stand-in, which serves the Hub's wire
 * behaviour (pages of 1,000 with {@code Link} cursors, a fixed window of 1,000 requests per 5
 * minutes with {@code RateLimit} headers and 429 past it, the window now and then spent by the
 * account's other clients), into an embedded Neo4j of its own.
 * The sweep keeps to its default share (300 requests a window) and waits out the windows; the
 * waits are simulated (the clock jumps), so the time printed is this machine's, and the Hub time
 * the windows would take is printed beside it. Not part of the build; run it with
 *
 * <pre>mvn -B -o verify -pl crawler -am -Dtest=HubSweepScaleCheck -Dsweep.models=2000000 -Dit.test=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false</pre>
 *
 * (the build's test JVM: {@code -Xmx2g}; {@code -Dsweep.page-cache-mb}, default 1024, sizes Neo4j's page cache;
 * {@code -Dsweep.first-fill-below=0} sweeps with the index kept per page instead of a first fill)
 */
class HubSweepScaleCheck {

    /** The application's bound on a pass ({@code tracker.huggingface.sweep.max-models}). */
    private static final long APP_MAX_MODELS = 5_000_000;

    @Test
    void sweepAGeneratedHub() throws IOException {
        int size = Integer.getInteger("sweep.models", 2_000_000);
        int pageCacheMb = Integer.getInteger("sweep.page-cache-mb", 1024);
        HubShape shape = new HubShape(size);
        // -Dsweep.store=DIR keeps the store there, for the application to be measured on it afterwards.
        String kept = System.getProperty("sweep.store");
        Path store = kept == null ? Files.createTempDirectory("llm-tracker-sweep-scale") : Files.createDirectories(Path.of(kept));
        long expectedLinks = 0;
        Set<String> ghosts = new HashSet<>();
        for (int i = 0; i < size; i++) {
            for (String parent : shape.links(i).keySet()) {
                expectedLinks++;
                if (HubShape.unlisted(parent)) {
                    ghosts.add(parent);
                }
            }
        }
        HeapWatch heap = HeapWatch.start();
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(store, 0, pageCacheMb);
        try {
            Graph graph = Graph.inProcess(neo4j, null);
            Schema.apply(graph);
            // The application's default: a full pass into an empty store is a first fill.
            long firstFillBelow = Long.getLong("sweep.first-fill-below", 100_000);
            try (SweepRig rig = new SweepRig(graph, new GeneratedHub(shape), 1000).share(300)
                    .firstFillBelow(firstFillBelow).maxModels(Math.max(APP_MAX_MODELS, size))) {
                // Now and then the account's other clients spend the rest of a window: the next request gets a 429.
                for (long n = 450; n < size / 1000; n += 450) {
                    rig.server.afterRequest(n, rig.server::exhaustWindow);
                }
                long started = System.nanoTime();
                CrawlRecorder run = rig.run();
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                Duration waited = rig.waits.stream().reduce(Duration.ZERO, Duration::plus);

                long diskAfterPass = size(store, p -> true) >> 20;
                long logsAfterPass = size(store, HubSweepScaleCheck::isLog) >> 20;
                long models = count(graph, "MATCH (m:Model) RETURN count(m) AS n");
                long links = count(graph, "MATCH ()-[d:DERIVED_FROM]->() RETURN count(d) AS n");
                long rows = count(graph, "MATCH ()-[r:DESCENDS_FROM]->() RETURN count(r) AS n");
                // Store files show their size only once a checkpoint has flushed the page cache, and
                // Community has no checkpoint procedure: the stop checkpoints, so measure after it.
                neo4j.close();
                System.out.printf(Locale.ROOT, """
                        Hub sweep scale check: %,d listed models (%,d stubs), %,d links declared
                          requests %,d (%,d refused with 429), pages %,d, run %s
                          time on this machine %d s (%,.0f models/s); Hub time at 300 requests per 5 minutes %s
                          graph: %,d models, %,d links, %,d ancestry rows
                          on disk when the pass ends %,d MB (transaction logs %,d MB)
                          on disk after the stop's checkpoint %,d MB (store files %,d MB, transaction logs %,d MB)
                          heap: fullest %,d MB (just before a collection), largest live set %,d MB (just after one), max %,d MB
                        """, size, ghosts.size(), expectedLinks, rig.server.requests(), rig.server.refused(),
                        run.counts().getOrDefault("pages", 0L), run.counts(), took.toSeconds(),
                        size / Math.max(1.0, took.toMillis() / 1000.0), waited, models, links, rows,
                        diskAfterPass, logsAfterPass,
                        size(store, p -> true) >> 20, size(store, p -> !isLog(p)) >> 20, size(store, HubSweepScaleCheck::isLog) >> 20,
                        heap.fullest() >> 20, heap.largestLive() >> 20, Runtime.getRuntime().maxMemory() >> 20);
                assertThat(run.counts()).containsEntry("fullPasses", 1L);
                assertThat(models).isEqualTo(size + ghosts.size());
                assertThat(links).isEqualTo(expectedLinks);
                assertThat(rig.server.requests() - rig.server.refused()).isLessThanOrEqualTo((long) Math.ceil(size / 1000.0) + 2);
            }
        } finally {
            neo4j.close();
            if (kept == null) {
                try (Stream<Path> files = Files.walk(store)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static long count(Graph graph, String cypher) {
        return graph.read(tx -> tx.run(cypher).single().get("n").asLong());
    }

    private static long size(Path dir, java.util.function.Predicate<Path> which) throws IOException {
        List<Long> sizes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).filter(which).forEach(p -> sizes.add(p.toFile().length()));
        }
        return sizes.stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The heap as the collector sees it: how full it was just before each collection (the peak a
     * summed per-pool peak overstates, as pools peak at different times) and how much was live just
     * after one (what the run needs).
     */
    private record HeapWatch(AtomicLong fullestBytes, AtomicLong largestLiveBytes) {

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch(new AtomicLong(), new AtomicLong());
            Set<String> heapPools = new HashSet<>();
            ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .forEach(p -> heapPools.add(p.getName()));
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
                        watch.fullestBytes.accumulateAndGet(used(info.getMemoryUsageBeforeGc(), heapPools), Math::max);
                        watch.largestLiveBytes.accumulateAndGet(used(info.getMemoryUsageAfterGc(), heapPools), Math::max);
                    }
                }, null, null);
            }
            return watch;
        }

        private static long used(Map<String, MemoryUsage> pools, Set<String> heapPools) {
            return pools.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                    .mapToLong(e -> e.getValue().getUsed()).sum();
        }

        long fullest() {
            return fullestBytes.get();
        }

        long largestLive() {
            return largestLiveBytes.get();
        }
    }

    /** Neo4j's transaction logs ({@code neostore.transaction.db.*}, under {@code transactions/}), kept beside the store files. */
    private static boolean isLog(Path file) {
        return file.getFileName().toString().startsWith("neostore.transaction.db");
    }
}
