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

import org.llmtracker.graph.digest.Digest.DerivativeGroup;
import org.llmtracker.graph.digest.Digest.FamilyGrowth;
import org.llmtracker.graph.digest.Digest.JobHealth;
import org.llmtracker.graph.digest.Digest.Mover;
import org.llmtracker.graph.digest.Digest.NewModel;
import org.llmtracker.graph.digest.Digest.NewRelease;
import org.llmtracker.graph.digest.Digest.WeekCounts;
import org.llmtracker.graph.model.Page;
import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Reads what changed in one week out of releases, snapshots, first sightings, the ancestry index
 * and runs. Each section is read whole and ranked; the digest keeps its first items and its total.
 */
public final class DigestQueries {

    /** Items per list section unless told otherwise ({@code tracker.digest.items-per-section}). */
    public static final int ITEMS_PER_SECTION = 10;
    /** The most downloaded new models named under each family and each catalogued model. */
    public static final int TOP_PER_GROUP = 3;
    public static final long MIN_BASELINE_STARS = 100;

    // The most starred projects first: their releases are what most readers follow.
    private static final String RELEASES = """
            MATCH (r:Repository)-[:PUBLISHED]->(rel:Release)
            WHERE rel.publishedAt >= $from AND rel.publishedAt < $to AND EXISTS { (:Model)-[:HOSTED_AT]->(r) }
            RETURN r.fullName AS repository, rel.tag AS tag, rel.name AS name, rel.publishedAt AS publishedAt,
                   coalesce(rel.prerelease, false) AS prerelease, rel.url AS url
            ORDER BY coalesce(r.stars, 0) DESC, rel.publishedAt, r.fullName, rel.tag
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

    // Only what has a snapshot inside the week can have moved: start from those (a range seek on the
    // snapshots' time), then read each one's own history, never every snapshot ever taken.
    private static final String IN_WEEK = """
            MATCH (w:Snapshot) WHERE w.at > $from AND w.at < $to
            """;

    private static final String REPOSITORY_MOVERS = IN_WEEK + """
            MATCH (n:Repository)-[:HAD]->(w)
            WITH DISTINCT n
            MATCH (n)-[:HAD]->(s:Snapshot) WHERE s.at < $to
            """ + WINDOW + """
            RETURN n.fullName AS id, n.fullName AS name, n.url AS url, first[$field] AS before, latest[$field] AS after
            """;

    private static final String MODEL_MOVERS = IN_WEEK + """
            MATCH (n:Model)-[:HAD]->(w)
            WITH DISTINCT n
            MATCH (n)-[:HAD]->(s:Snapshot) WHERE s.at < $to
            """ + WINDOW + """
            RETURN n.id AS id, coalesce(n.name, n.id) AS name, 'https://huggingface.co/' + coalesce(n.hfId, n.id) AS url,
                   first[$field] AS before, latest[$field] AS after
            """;

    private static final String RUNS = """
            MATCH (c:CrawlRun) WHERE c.startedAt >= $from AND c.startedAt < $to
            RETURN c.job AS job, c.status AS status, c.note AS note, coalesce(c.requests, 0) AS requests
            ORDER BY job
            """;

    private final Graph graph;
    private final int itemsPerSection;
    private final WeekNews news;

    public DigestQueries(Graph graph) {
        this(graph, ITEMS_PER_SECTION);
    }

    /** @param itemsPerSection the most items a list section shows (its total counts them all) */
    public DigestQueries(Graph graph, int itemsPerSection) {
        if (itemsPerSection < 1) {
            throw new IllegalArgumentException("itemsPerSection must be 1 or more, got " + itemsPerSection);
        }
        this.graph = graph;
        this.itemsPerSection = itemsPerSection;
        this.news = new WeekNews(graph, TOP_PER_GROUP);
    }

    public Digest build(IsoWeek week, Instant builtAt) {
        Lists all = lists(week);
        return new Digest(week.toString(), week.start(), week.end(), builtAt,
                first(all.releases()), first(all.starMovers()), first(all.starRisers()),
                first(all.derivatives()), first(all.families()), first(all.newFamilies()), first(all.newModels()),
                all.counts(), first(all.downloadMovers()), first(all.likeMovers()), health(window(week)),
                licenseConflicts(week));
    }

    /** Every section of the week in full, in the digest's order: what the paged routes page through. */
    public Lists lists(IsoWeek week) {
        Map<String, Object> window = window(week);
        List<Mover> stars = movers(REPOSITORY_MOVERS, window, "stars");
        WeekNews.Lists news_ = news.read(window);
        return new Lists(graph.read(tx -> tx.run(RELEASES, window).list(DigestQueries::release)),
                stars.stream().sorted(byDelta()).toList(),
                stars.stream().filter(m -> m.before() >= MIN_BASELINE_STARS && m.delta() > 0)
                        .sorted(Comparator.comparing(Mover::relative).reversed().thenComparing(Mover::id)).toList(),
                news_.derivatives(), news_.families(), news_.newFamilies(), news_.newModels(), news_.counts(),
                movers(MODEL_MOVERS, window, "downloads").stream().sorted(byDelta()).toList(),
                movers(MODEL_MOVERS, window, "likes").stream().sorted(byDelta()).toList());
    }

    /** The week's sections unbounded. */
    public record Lists(List<NewRelease> releases, List<Mover> starMovers, List<Mover> starRisers,
            List<DerivativeGroup> derivatives, List<FamilyGrowth> families, List<NewModel> newFamilies,
            List<NewModel> newModels, WeekCounts counts, List<Mover> downloadMovers, List<Mover> likeMovers) {
    }

    private <T> Page<T> first(List<T> all) {
        return new Page<>(all.size(), all.subList(0, Math.min(itemsPerSection, all.size())));
    }

    private static Map<String, Object> window(IsoWeek week) {
        return Map.of("from", dateTime(week.start()), "to", dateTime(week.end()));
    }

    /** The week's new licence conflicts: the most downloaded first, bounded, with their total. */
    private Page<org.llmtracker.graph.license.LicenseConflict> licenseConflicts(IsoWeek week) {
        var page = org.llmtracker.graph.license.LicenseQueries.since(graph, week.start(), week.end(), itemsPerSection);
        return new Page<>(page.total(), page.items());
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
