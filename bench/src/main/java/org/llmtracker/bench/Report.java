package org.llmtracker.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** The results as Markdown: the machine, the command, the date, then one table per size. */
public final class Report {

    private Report() {
    }

    public static String markdown(List<SizeResult> results, Options options, String command, Instant at) {
        StringBuilder md = new StringBuilder();
        md.append("# Lineage benchmark: Neo4j (the graph module) against PostgreSQL recursive SQL\n\n");
        md.append("- date: ").append(at.truncatedTo(ChronoUnit.SECONDS)).append('\n');
        md.append("- command: `").append(command).append("`\n");
        md.append("- machine: ").append(machine()).append('\n');
        md.append("- settings: every question warmed up at least ").append(options.warmup()).append(" times and ")
                .append(options.seconds()).append(" s, then measured at least ").append(options.runs()).append(" times and ")
                .append(options.seconds()).append(" s (at most ").append(Stats.MAX_RUNS).append(" runs); seed ")
                .append(options.seed()).append(", Neo4j page cache ").append(options.pageCacheMegabytes())
                .append(" MiB, PostgreSQL ").append(options.pgUrl()).append(" with work_mem 256MB\n\n");
        md.append("""
                Neo4j is embedded in the benchmark's JVM and queried in-process, as the application does
                in its default embedded mode. It is loaded three times, each time with the ancestry index and its counts as
                it goes: through the graph module's batch `LineageWriter` (all models, then all links,
                timed only), through the Hub sweep's pages, `HubListingStore` (pages of 1,000 models
                with their parent links, one transaction each, parents first, the index kept per page,
                timed only), and as a first fill (the same pages with the index deferred, then the
                index and its counts built in bulk), which `LineageQueries` then answers. PostgreSQL holds `models`,
                `organisations` and `edges (child, parent, relation)` with indexes on both edge ends and
                on downloads, loaded with COPY; `WITH RECURSIVE` queries answer with the same semantics
                (each relative once at its shortest distance, ties broken by id; the path climbs from
                both models to their nearest common ancestor). Times are milliseconds of wall clock as
                the client sees them, after warm-up, as a running server answers; ratio = Neo4j p50 /
                PostgreSQL p50 (below 1: Neo4j is faster); runs = measured runs, Neo4j/PostgreSQL.
                `agree` says both stores gave the same answer (counts and ids). Ingest times include
                PostgreSQL's index builds and ANALYZE, and Neo4j's ancestry index.

                """);
        for (SizeResult r : results) {
            md.append(table(r)).append('\n');
        }
        return md.toString();
    }

    static String table(SizeResult r) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "## %,d models, %,d edges, %,d families%n%n", r.models(), r.edges(),
                r.families()));
        md.append(String.format(Locale.ROOT, "Biggest family: %,d models under `%s`; deepest leaf `%s` (depth %d); path `%s` to `%s`.%n%n",
                r.landmarks().familySize(), r.landmarks().biggestRoot(), r.landmarks().deepestLeaf(),
                r.landmarks().leafDepth(), r.landmarks().pathFrom(), r.landmarks().pathTo()));
        md.append("| question | Neo4j p50 | Neo4j p95 | PostgreSQL p50 | PostgreSQL p95 | ratio | answer | agree | runs |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|---|---|\n");
        for (SizeResult.Row row : r.rows()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %d/%d |%n", row.question(),
                    millis(row.neo4j().p50()), millis(row.neo4j().p95()), millis(row.postgres().p50()),
                    millis(row.postgres().p95()), ratio(row.ratio()), row.neo4jAnswer().count(),
                    row.agree() ? "yes" : "**NO**", row.neo4j().runs(), row.postgres().runs()));
        }
        if (r.neo4jWriterIngest() != null) {
            md.append(ingest("ingest through the writer, models/s (edges/s)", r.neo4jWriterIngest(), r.postgresIngest()));
        }
        md.append(ingest("bulk ingest, pages of 1,000, index per page, models/s (edges/s)", r.neo4jBulkIngest(),
                r.postgresIngest()));
        md.append(ingest("first fill: pages of 1,000, then index and counts in bulk, models/s (edges/s)",
                r.neo4jFirstFillIngest(), r.postgresIngest()));
        md.append(String.format(Locale.ROOT, "%nPeak heap during the Neo4j phase (Neo4j included): %,d MiB.%n",
                r.peakHeapBytes() >> 20));
        return md.toString();
    }

    private static String ingest(String title, LineageStore.Ingest neo4j, LineageStore.Ingest postgres) {
        return String.format(Locale.ROOT, "| %s | %,.0f (%,.0f) | | %,.0f (%,.0f) | | %.2f | %.1f s vs %.1f s | | |%n",
                title, neo4j.modelsPerSecond(), neo4j.edgesPerSecond(), postgres.modelsPerSecond(),
                postgres.edgesPerSecond(), neo4j.seconds() / postgres.seconds(), neo4j.seconds(), postgres.seconds());
    }

    /** Two significant digits when Neo4j is over a hundred times faster, rather than a bare 0.00. */
    private static String ratio(double value) {
        return value < 0.01 ? String.format(Locale.ROOT, "%.1e", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Two decimals below 10 ms, where a tenth is most of the answer. */
    private static String millis(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }

    static String machine() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%d cores, %.1f GiB memory, %s %s (%s), max heap %,d MiB, %s %s",
                runtime.availableProcessors(), os.getTotalMemorySize() / (double) (1L << 30),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.vm.vendor"), runtime.maxMemory() >> 20, System.getProperty("os.name"),
                System.getProperty("os.version"));
    }
}
