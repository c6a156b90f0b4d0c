package org.llmtracker.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.llmtracker.graph.license.LicenseBook;
import org.llmtracker.graph.license.LicenseQueries;
import org.llmtracker.graph.license.LicenseTerms;
import org.llmtracker.graph.license.LicenseVerdicts;
import org.llmtracker.graph.store.Graph;

/**
 * The licence verdicts at Hub scale: the benchmark's generated lineage (seed 42) loaded as a first
 * fill (the listing writer's pages, then the index in bulk), licences given as on the Hub (a
 * derivative keeps its parent's licence about half the time, else mostly Apache-2.0 or none),
 * every model judged by the {@code licenses} job's refresh, then the conflict list's first page
 * and its filtered forms timed. Arguments: MODELS [PAGE_CACHE_MB] [OUT]. The terms are the few
 * licences the generated Hub uses, built here (the bench depends on the graph module only; the
 * shipped YAML lives in the crawler).
 */
public final class LicenseBench {

    private static final String[] ROOT_LICENSES = {"llama3", "llama3.1", "gemma", "apache-2.0", "mit",
            "creativeml-openrail-m", "cc-by-nc-4.0", "other"};
    private static final double[] ROOT_WEIGHTS = {0.2, 0.2, 0.15, 0.2, 0.1, 0.05, 0.05, 0.05};

    private LicenseBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--stored")) {
            stored(Integer.parseInt(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 1024,
                    args.length > 3 ? Path.of(args[3]) : null);
            return;
        }
        int models = Integer.parseInt(args[0]);
        long pageCache = args.length > 1 ? Long.parseLong(args[1]) : 1024;
        Path out = args.length > 2 ? Path.of(args[2]) : null;
        LineageData data = new LineageGenerator(42).generate(models);
        LicenseBook book = book();
        StringBuilder report = new StringBuilder();
        try (Neo4jLineage store = new Neo4jLineage(pageCache, Neo4jLineage.Loading.FIRST_FILL)) {
            LineageStore.Ingest ingest = store.load(data);
            line(report, String.format(Locale.ROOT, "loaded %,d models, %,d links in %.1f s", ingest.models(), ingest.edges(),
                    ingest.seconds()));
            Graph graph = store.graph();
            long started = System.nanoTime();
            license(graph, data);
            line(report, String.format(Locale.ROOT, "licence tags written in %.1f s", (System.nanoTime() - started) / 1e9));
            LicenseVerdicts verdicts = new LicenseVerdicts(graph, book, 2000);
            started = System.nanoTime();
            verdicts.ensure();
            LicenseVerdicts.Refreshed done = verdicts.refresh(Instant.parse("2026-11-27T00:00:00Z"));
            double judging = (System.nanoTime() - started) / 1e9;
            line(report, String.format(Locale.ROOT, "judged %,d models in %.1f s (%,.0f models/s)", done.judged(), judging,
                    done.judged() / judging));
            LicenseQueries queries = new LicenseQueries(graph, book);
            line(report, "verdicts: " + queries.summary().byVerdict());
            line(report, "| read at " + String.format(Locale.ROOT, "%,d", models) + " models | p50 ms | p95 ms | runs | total |");
            line(report, "|---|---|---|---|---|");
            time(report, "conflict list, first page (50)", () -> queries.conflicts(new LicenseQueries.Filter(null, null, null), 0, 50));
            time(report, "conflict list, page 20 (50)", () -> queries.conflicts(new LicenseQueries.Filter(null, null, null), 1000, 50));
            time(report, "conflicts apache-2.0 over llama3, first page", () -> queries.conflicts(
                    new LicenseQueries.Filter("apache-2.0", "llama3", null), 0, 50));
            time(report, "conflicts in the biggest family, first page", () -> queries.conflicts(
                    new LicenseQueries.Filter(null, null, data.landmarks().biggestRoot().toLowerCase(Locale.ROOT)), 0, 50));
            Stats.Timed<?> summary = Stats.measure(queries::summary, 1, 3, 0);
            line(report, String.format(Locale.ROOT, "| /api/licenses summary (all counts) | %.1f | %.1f | %d | |",
                    summary.stats().p50(), summary.stats().p95(), summary.stats().runs()));
        }
        System.out.println(report);
        if (out != null) {
            Files.writeString(out, report);
        }
    }

    /**
     * The reads alone at a size the listing writer cannot load in a bounded run on a busy machine:
     * {@code models} models written straight as the verdict job leaves them (licence, verdict,
     * ancestor, the {@code :LicenseConflict} label on about four in ten, downloads heavy-tailed),
     * then the conflict list timed as above. Judging's own cost is the full run's, at smaller sizes.
     */
    private static void stored(int models, long pageCache, Path out) throws Exception {
        StringBuilder report = new StringBuilder();
        String[] licences = {"apache-2.0", "mit", "llama3", "llama3.1", "gemma", "creativeml-openrail-m", "cc-by-nc-4.0"};
        String[] ancestors = {"llama3", "llama3.1", "gemma", "llama2", "creativeml-openrail-m"};
        try (Neo4jLineage store = new Neo4jLineage(pageCache, Neo4jLineage.Loading.FIRST_FILL)) {
            Graph graph = store.graph();
            Random random = new Random(42);
            long started = System.nanoTime();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < models; i++) {
                Map<String, Object> row = new HashMap<>();
                row.put("id", "org" + (i % 5000) + "/model-" + i);
                row.put("downloads", (long) Math.floor(Math.pow(10, 7 * Math.pow(random.nextDouble(), 3))));
                double r = random.nextDouble();
                String verdict = r < 0.4 ? "conflict" : r < 0.5 ? "naming" : r < 0.7 ? "unknown" : r < 0.85 ? "ok" : null;
                row.put("verdict", verdict);
                row.put("license", licences[random.nextInt(licences.length)]);
                row.put("ancestorLicense", verdict == null ? null : ancestors[random.nextInt(ancestors.length)]);
                row.put("ancestor", verdict == null ? null : "meta-llama/base-" + random.nextInt(200));
                rows.add(row);
                if (rows.size() == 20_000 || i == models - 1) {
                    List<Map<String, Object>> batch = List.copyOf(rows);
                    graph.write(tx -> tx.run("""
                            UNWIND $rows AS row
                            CREATE (m:Model {id: row.id, name: row.id, downloads: row.downloads, licenseId: row.license,
                                             licenseVerdict: row.verdict, licenseAncestorLicense: row.ancestorLicense,
                                             licenseAncestor: row.ancestor, licenseReason: 'permissive-over-restrictive',
                                             licenseDepth: 1})
                            FOREACH (_ IN CASE WHEN row.verdict = 'conflict' THEN [1] ELSE [] END | SET m:LicenseConflict)
                            """, Map.of("rows", batch)).consume());
                    rows.clear();
                }
            }
            line(report, String.format(Locale.ROOT, "wrote %,d models with stored verdicts in %.1f s", models,
                    (System.nanoTime() - started) / 1e9));
            LicenseQueries queries = new LicenseQueries(graph, book());
            line(report, "| read at " + String.format(Locale.ROOT, "%,d", models) + " models (stored verdicts) | p50 ms | p95 ms | runs | total |");
            line(report, "|---|---|---|---|---|");
            time(report, "conflict list, first page (50)", () -> queries.conflicts(new LicenseQueries.Filter(null, null, null), 0, 50));
            time(report, "conflict list, page 20 (50)", () -> queries.conflicts(new LicenseQueries.Filter(null, null, null), 1000, 50));
            time(report, "conflicts apache-2.0 over llama3, first page", () -> queries.conflicts(
                    new LicenseQueries.Filter("apache-2.0", "llama3", null), 0, 50));
            Stats.Timed<?> summary = Stats.measure(queries::summary, 1, 3, 0);
            line(report, String.format(Locale.ROOT, "| /api/licenses summary (all counts) | %.1f | %.1f | %d | |",
                    summary.stats().p50(), summary.stats().p95(), summary.stats().runs()));
        }
        if (out != null) {
            Files.writeString(out, report);
        }
    }

    private static void time(StringBuilder report, String title, java.util.function.Supplier<org.llmtracker.graph.model.Page<?>> read) {
        Stats.Timed<org.llmtracker.graph.model.Page<?>> t = Stats.measure(read, 20, 50, 2);
        line(report, String.format(Locale.ROOT, "| %s | %.1f | %.1f | %d | %,d |", title, t.stats().p50(), t.stats().p95(),
                t.stats().runs(), t.answer().total()));
    }

    private static void line(StringBuilder report, String line) {
        System.out.println(line);
        report.append(line).append('\n');
    }

    /** Roots by weight; a derivative keeps its first parent's licence about half the time, else Apache-2.0, MIT, OpenRAIL or none. */
    private static void license(Graph graph, LineageData data) {
        Random random = new Random(42);
        String[] licence = new String[data.models()];
        int[] parent = new int[data.models()];
        java.util.Arrays.fill(parent, -1);
        for (int e = data.edges() - 1; e >= 0; e--) {
            parent[data.edgeChild()[e]] = data.edgeParent()[e];
        }
        for (int i = 0; i < data.models(); i++) {
            if (parent[i] < 0 || licence[parent[i]] == null && parent[i] > i) {
                licence[i] = weighted(random);
            } else {
                double r = random.nextDouble();
                String up = licence[parent[i]];
                licence[i] = r < 0.45 ? up : r < 0.7 ? "apache-2.0" : r < 0.75 ? "mit" : r < 0.8 ? "creativeml-openrail-m" : null;
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < data.models(); i++) {
            if (licence[i] != null) {
                Map<String, Object> row = new HashMap<>();
                row.put("id", data.ids()[i].toLowerCase(Locale.ROOT));
                row.put("license", licence[i]);
                rows.add(row);
            }
            if (rows.size() == 10_000 || i == data.models() - 1) {
                List<Map<String, Object>> batch = List.copyOf(rows);
                graph.write(tx -> tx.run("UNWIND $rows AS row MATCH (m:Model {id: row.id}) SET m.hfLicense = row.license",
                        Map.of("rows", batch)).consume());
                rows.clear();
            }
        }
    }

    private static String weighted(Random random) {
        double r = random.nextDouble();
        for (int i = 0; i < ROOT_WEIGHTS.length; i++) {
            r -= ROOT_WEIGHTS[i];
            if (r < 0) {
                return ROOT_LICENSES[i];
            }
        }
        return ROOT_LICENSES[0];
    }

    private static LicenseBook book() {
        return new LicenseBook(List.of(
                terms("apache-2.0", "permissive", false, true), terms("mit", "permissive", false, true),
                terms("llama3", "llama3", true, true), terms("llama3.1", "llama3", true, true),
                terms("gemma", "gemma", true, true), terms("creativeml-openrail-m", "openrail", true, true),
                terms("cc-by-nc-4.0", "cc-nc", true, false),
                new LicenseTerms("other", null, "other", false, true, true, false, null, false, true, null, null, null)));
    }

    private static LicenseTerms terms(String id, String family, boolean restrictive, boolean commercial) {
        return new LicenseTerms(id, null, family, restrictive, commercial, true, false,
                id.startsWith("llama3") ? "Llama" : null, true, false, "https://example.org/" + id, null, null);
    }
}
