package org.llmtracker.graph.digest;

import static org.llmtracker.graph.store.DriverValues.dateTime;
import static org.llmtracker.graph.store.DriverValues.instant;
import static org.llmtracker.graph.store.DriverValues.number;
import static org.llmtracker.graph.store.DriverValues.string;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.llmtracker.graph.digest.Digest.Derivative;
import org.llmtracker.graph.digest.Digest.DerivativeGroup;
import org.llmtracker.graph.digest.Digest.JobHealth;
import org.llmtracker.graph.digest.Digest.Mover;
import org.llmtracker.graph.digest.Digest.NewModel;
import org.llmtracker.graph.digest.Digest.NewRelease;
import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Reads what changed in one week out of releases, snapshots, first sightings, derivations and runs. */
public final class DigestQueries {

    public static final int MOVERS = 10;
    public static final int TOP_DERIVATIVES = 5;
    public static final long MIN_BASELINE_STARS = 100;

    private static final String RELEASES = """
            MATCH (r:Repository)-[:PUBLISHED]->(rel:Release)
            WHERE rel.publishedAt >= $from AND rel.publishedAt < $to AND EXISTS { (:Model)-[:HOSTED_AT]->(r) }
            RETURN r.fullName AS repository, rel.tag AS tag, rel.name AS name, rel.publishedAt AS publishedAt,
                   coalesce(rel.prerelease, false) AS prerelease, rel.url AS url
            ORDER BY rel.publishedAt, r.fullName, rel.tag
            """;

    // Baseline: the last snapshot at or before the week starts, else the week's first one.
    private static final String WINDOW = """
            WITH n, s ORDER BY s.at
            WITH n, collect(s) AS snaps
            WITH n, [x IN snaps WHERE x.at <= $from] AS before, [x IN snaps WHERE x.at > $from] AS during
            WHERE size(during) > 0
            WITH n, CASE WHEN size(before) > 0 THEN last(before) ELSE head(during) END AS first, last(during) AS latest
            WHERE first[$field] IS NOT NULL AND latest[$field] IS NOT NULL AND first[$field] <> latest[$field]
            """;

    private static final String REPOSITORY_MOVERS = """
            MATCH (n:Repository)-[:HAD]->(s:Snapshot) WHERE s.at < $to
            """ + WINDOW + """
            RETURN n.fullName AS id, n.fullName AS name, n.url AS url, first[$field] AS before, latest[$field] AS after
            """;

    private static final String MODEL_MOVERS = """
            MATCH (n:Model)-[:HAD]->(s:Snapshot) WHERE s.at < $to
            """ + WINDOW + """
            RETURN n.id AS id, coalesce(n.name, n.id) AS name, 'https://huggingface.co/' + coalesce(n.hfId, n.id) AS url,
                   first[$field] AS before, latest[$field] AS after
            """;

    private static final String NEW_MODELS = """
            MATCH (m:Model) WHERE m.firstSeenAt >= $from AND m.firstSeenAt < $to
            OPTIONAL MATCH p = (m)-[:DERIVED_FROM*1..6]->(a:Model) WHERE a.catalogued AND a <> m
            WITH m, a, length(p) AS hops ORDER BY hops DESC, a.id
            WITH m, head(collect(a)) AS root
            RETURN m.id AS id, coalesce(m.name, m.id) AS name, coalesce(m.catalogued, false) AS catalogued,
                   coalesce(root.name, CASE WHEN m.catalogued THEN m.name END) AS family, m.downloads AS downloads
            ORDER BY family, downloads DESC, id
            """;

    private static final String DERIVATIVES = """
            MATCH (c:Model)-[d:DERIVED_FROM]->(b:Model)
            WHERE b.catalogued AND d.observedAt >= $from AND d.observedAt < $to AND c <> b
            RETURN b.id AS base, coalesce(b.name, b.id) AS baseName, coalesce(d.relation, 'UNKNOWN') AS relation,
                   c.id AS id, coalesce(c.name, c.id) AS name, c.downloads AS downloads
            ORDER BY base, relation, coalesce(downloads, -1) DESC, id
            """;

    private static final String RUNS = """
            MATCH (c:CrawlRun) WHERE c.startedAt >= $from AND c.startedAt < $to
            RETURN c.job AS job, c.status AS status, c.note AS note, coalesce(c.requests, 0) AS requests
            ORDER BY job
            """;

    private final Graph graph;

    public DigestQueries(Graph graph) {
        this.graph = graph;
    }

    public Digest build(IsoWeek week, Instant builtAt) {
        Map<String, Object> window = Map.of("from", dateTime(week.start()), "to", dateTime(week.end()));
        List<Mover> stars = movers(REPOSITORY_MOVERS, window, "stars");
        return new Digest(week.toString(), week.start(), week.end(), builtAt,
                graph.read(tx -> tx.run(RELEASES, window).list(DigestQueries::release)),
                stars.stream().sorted(byDelta()).limit(MOVERS).toList(),
                stars.stream().filter(m -> m.before() >= MIN_BASELINE_STARS && m.delta() > 0)
                        .sorted(Comparator.comparing(Mover::relative).reversed().thenComparing(Mover::id))
                        .limit(MOVERS).toList(),
                graph.read(tx -> tx.run(NEW_MODELS, window).list(r -> new NewModel(r.get("id").asString(),
                        r.get("name").asString(), r.get("catalogued").asBoolean(), string(r.get("family")),
                        number(r.get("downloads"))))),
                derivatives(window),
                movers(MODEL_MOVERS, window, "downloads").stream().sorted(byDelta()).limit(MOVERS).toList(),
                movers(MODEL_MOVERS, window, "likes").stream().sorted(byDelta()).limit(MOVERS).toList(),
                health(window),
                licenseConflicts(week));
    }

    private Digest.NewLicenseConflicts licenseConflicts(IsoWeek week) {
        var page = org.llmtracker.graph.license.LicenseQueries.since(graph, week.start(), week.end(), MOVERS);
        return new Digest.NewLicenseConflicts(page.total(), page.items());
    }

    private List<Mover> movers(String query, Map<String, Object> window, String field) {
        Map<String, Object> params = new LinkedHashMap<>(window);
        params.put("field", field);
        return graph.read(tx -> tx.run(query, params).list(r -> {
            long before = r.get("before").asLong();
            long after = r.get("after").asLong();
            return new Mover(r.get("id").asString(), r.get("name").asString(), string(r.get("url")), before, after,
                    after - before, before == 0 ? null : (after - before) / (double) before);
        }));
    }

    // Largest gain first; a loss is still news, so losses follow the gains.
    private static Comparator<Mover> byDelta() {
        return Comparator.comparingLong(Mover::delta).reversed().thenComparing(Mover::id);
    }

    private List<DerivativeGroup> derivatives(Map<String, Object> window) {
        Map<List<String>, List<Record>> groups = new LinkedHashMap<>();
        graph.read(tx -> tx.run(DERIVATIVES, window).list()).forEach(r -> groups
                .computeIfAbsent(List.of(r.get("base").asString(), r.get("relation").asString()), k -> new ArrayList<>())
                .add(r));
        return groups.values().stream().map(rows -> {
            Record first = rows.get(0);
            List<Derivative> top = rows.stream().limit(TOP_DERIVATIVES).map(r -> new Derivative(r.get("id").asString(),
                    r.get("name").asString(), number(r.get("downloads")))).toList();
            return new DerivativeGroup(first.get("base").asString(), first.get("baseName").asString(),
                    first.get("relation").asString(), rows.size(), top);
        }).toList();
    }

    private List<JobHealth> health(Map<String, Object> window) {
        Map<String, long[]> byJob = new TreeMap<>();
        graph.read(tx -> tx.run(RUNS, window).list()).forEach(r -> {
            long[] c = byJob.computeIfAbsent(r.get("job").asString(), k -> new long[7]);
            String status = r.get("status").asString();
            c[0]++;
            c[1] += "SUCCEEDED".equals(status) ? 1 : 0;
            c[2] += "PARTIAL".equals(status) ? 1 : 0;
            c[3] += "FAILED".equals(status) ? 1 : 0;
            c[4] += "PARTIAL".equals(status) && mentionsRateLimit(r.get("note")) ? 1 : 0;
            c[5] += r.get("requests").asLong();
            c[6] += "ABORTED".equals(status) ? 1 : 0;
        });
        return byJob.entrySet().stream().map(e -> {
            long[] c = e.getValue();
            return new JobHealth(e.getKey(), (int) c[0], (int) c[1], (int) c[2], (int) c[3], (int) c[6], (int) c[4], c[5]);
        }).toList();
    }

    private static boolean mentionsRateLimit(Value note) {
        String text = string(note);
        return text != null && text.toLowerCase(Locale.ROOT).replace('-', ' ').contains("rate limit");
    }

    private static NewRelease release(Record r) {
        return new NewRelease(r.get("repository").asString(), string(r.get("tag")), string(r.get("name")),
                instant(r.get("publishedAt")), r.get("prerelease").asBoolean(), string(r.get("url")));
    }
}
