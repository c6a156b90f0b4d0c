package org.llmtracker.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.llmtracker.graph.digest.Digest;
import org.llmtracker.graph.digest.DigestQueries;
import org.llmtracker.graph.digest.IsoWeek;
import org.llmtracker.graph.store.Graph;

/**
 * What a weekly digest costs at Hub scale: the benchmark's generated graph of N models (heavy-tailed
 * families, the Hub's mix of relations), loaded as a first fill (the sweep's pages, then the index in bulk);
 * then, for each k, the k newest models are the week's new models (first seen in 2026-W48, every
 * other model weeks before) and the digest of that week is built three times. Prints one row per
 * k: the first build (cold plans) and the median of three.
 *
 * <pre>java -cp ... org.llmtracker.bench.DigestBench 1000000 1000,10000,30000,100000</pre>
 */
public final class DigestBench {

    private static final IsoWeek WEEK = IsoWeek.parse("2026-W48").orElseThrow();
    private static final Instant BEFORE = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant DURING = Instant.parse("2026-11-27T00:00:00Z");
    private static final int BATCH = 20_000;

    private DigestBench() {
    }

    public static void main(String[] args) throws Exception {
        int models = Integer.parseInt(args[0]);
        int[] weeks = Arrays.stream((args.length > 1 ? args[1] : "1000,10000,30000").split(",")).mapToInt(Integer::parseInt).toArray();
        LineageData data = new LineageGenerator(42).generate(models);
        Path dir = Files.createTempDirectory("llm-tracker-digest-bench");
        try (Neo4jLineage store = new Neo4jLineage(dir, 1024, Neo4jLineage.Loading.FIRST_FILL, false)) {
            LineageStore.Ingest ingest = store.load(data);
            System.out.printf(Locale.ROOT, "loaded %,d models and %,d links in %.1f s%n", ingest.models(), ingest.edges(), ingest.seconds());
            Graph graph = store.graph();
            List<String> ids = Arrays.asList(data.ids());
            firstSeen(graph, ids, BEFORE);
            System.out.println("| models | new in the week | families that grew | first build | median of 3 |");
            System.out.println("|---|---|---|---|---|");
            int marked = 0;
            for (int k : weeks) {
                // the k newest models (the generator writes parents before children) are the week's
                firstSeen(graph, ids.subList(ids.size() - k, ids.size() - marked), DURING);
                marked = k;
                List<Long> times = new ArrayList<>();
                Digest digest = null;
                for (int run = 0; run < 3; run++) {
                    long t0 = System.nanoTime();
                    digest = new DigestQueries(graph).build(WEEK, Instant.parse("2026-11-30T08:00:00Z"));
                    times.add((System.nanoTime() - t0) / 1_000_000);
                }
                List<Long> sorted = times.stream().sorted().toList();
                System.out.printf(Locale.ROOT, "| %,d | %,d | %,d | %,d ms | %,d ms |%n", models, digest.newModels().total(),
                        digest.families().total(), times.get(0), sorted.get(1));
            }
        }
    }

    private static void firstSeen(Graph graph, List<String> ids, Instant at) {
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            graph.write(tx -> tx.run("UNWIND $ids AS id MATCH (m:Model {id: id}) SET m.firstSeenAt = $at",
                    Map.of("ids", batch, "at", at.atZone(ZoneOffset.UTC))).consume());
        }
    }
}
