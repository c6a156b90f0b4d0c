package org.llmtracker.graph.license;

import static org.llmtracker.graph.store.DriverValues.number;
import static org.llmtracker.graph.store.DriverValues.string;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.llmtracker.graph.model.Page;
import org.llmtracker.graph.store.DriverValues;
import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.Record;

/**
 * Reads of the stored licence verdicts ({@link LicenseVerdicts}). The conflict list walks the
 * {@code :LicenseConflict} models down their downloads index, so its first page costs a page of
 * index entries at any size; models without downloads (catalogue-only) follow, by id.
 */
public final class LicenseQueries {

    private static final String FILTERS = """
            ($license IS NULL OR m.licenseId = $license)
            AND ($ancestorLicense IS NULL OR m.licenseAncestorLicense = $ancestorLicense)
            """;

    private static final String START = "MATCH (m:LicenseConflict) WHERE ";

    private static final String START_IN_FAMILY =
            "MATCH (:Model {id: $family})<-[:DESCENDS_FROM]-(m:LicenseConflict) WHERE ";

    private static final String ITEM = """
            RETURN m.id AS id, m.name AS name, m.licenseId AS license, m.licenseAncestor AS ancestor,
                   m.licenseAncestorLicense AS ancestorLicense, m.licenseReason AS reason, m.licenseDepth AS depth,
                   m.downloads AS downloads
            """;

    private static final String COUNT = "RETURN count(m) AS total, count(m.downloads) AS withDownloads";

    /** Unfiltered: the label's count, from the count store, not a scan. */
    private static final String COUNT_ALL = "MATCH (m:LicenseConflict) RETURN count(m) AS total";

    /** Unfiltered, needed only past the models with downloads: an index count. */
    private static final String COUNT_WITH_DOWNLOADS =
            "MATCH (m:LicenseConflict) WHERE m.downloads IS NOT NULL RETURN count(m) AS withDownloads";

    private static final String BY_DOWNLOADS = "m.downloads IS NOT NULL AND " + FILTERS + " WITH m ORDER BY m.downloads DESC, m.id SKIP $skip LIMIT $limit ";

    private static final String WITHOUT_DOWNLOADS = "m.downloads IS NULL AND " + FILTERS + " WITH m ORDER BY m.id SKIP $skip LIMIT $limit ";

    private static final String SINCE = """
            MATCH (m:LicenseConflict) WHERE m.licenseConflictSince >= $from AND m.licenseConflictSince < $to
            WITH m ORDER BY coalesce(m.downloads, -1) DESC, m.id
            WITH collect(m) AS found
            RETURN size(found) AS total, [m IN found[0..$limit] | {id: m.id, name: m.name, license: m.licenseId,
                   ancestor: m.licenseAncestor, ancestorLicense: m.licenseAncestorLicense, reason: m.licenseReason,
                   depth: m.licenseDepth, downloads: m.downloads}] AS items
            """;

    private static final String CHANGES = """
            UNWIND $links AS link
            MATCH (c:Model {id: link[0]}), (p:Model {id: link[1]})
            WHERE c.licenseId IS NOT NULL AND p.licenseId IS NOT NULL AND c.licenseId <> p.licenseId
            RETURN c.id AS child, p.id AS parent, c.licenseId AS childLicense, p.licenseId AS parentLicense,
                   c.licenseVerdict AS verdict
            """;

    private final Graph graph;
    private final LicenseBook book;
    private final LicenseJudge judge;
    private final long countedOnRequestUpTo;

    public LicenseQueries(Graph graph, LicenseBook book) {
        this(graph, book, LicenseTotals.COUNTED_ON_REQUEST_UP_TO);
    }

    /** @param countedOnRequestUpTo the most models a store without kept counts may hold to be counted on request */
    public LicenseQueries(Graph graph, LicenseBook book, long countedOnRequestUpTo) {
        this.graph = graph;
        this.book = book;
        this.judge = new LicenseJudge(book);
        this.countedOnRequestUpTo = countedOnRequestUpTo;
    }

    /** Filters of the conflict list; each null matches all. {@code family}: below that model. */
    public record Filter(String license, String ancestorLicense, String family) {
    }

    /** Conflicts, most downloaded first, then by id. */
    public Page<LicenseConflict> conflicts(Filter filter, int skip, int limit) {
        if (skip < 0 || limit < 1) {
            throw new IllegalArgumentException("skip must be >= 0 and limit >= 1, got " + skip + ", " + limit);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("license", filter.license() == null ? null : book.normalise(filter.license()));
        params.put("ancestorLicense", filter.ancestorLicense() == null ? null : book.normalise(filter.ancestorLicense()));
        params.put("family", filter.family());
        String start = filter.family() == null ? START : START_IN_FAMILY;
        boolean unfiltered = filter.license() == null && filter.ancestorLicense() == null && filter.family() == null;
        return graph.read(tx -> {
            long total;
            long withDownloads;
            if (unfiltered) {
                total = tx.run(COUNT_ALL).single().get("total").asLong();
                withDownloads = -1;
            } else {
                Record counted = tx.run(start + FILTERS + COUNT, params).single();
                total = counted.get("total").asLong();
                withDownloads = counted.get("withDownloads").asLong();
            }
            List<LicenseConflict> items = new ArrayList<>();
            if (skip < total && (withDownloads < 0 || skip < withDownloads)) {
                Map<String, Object> page = new HashMap<>(params);
                page.put("skip", skip);
                page.put("limit", limit);
                items.addAll(tx.run(start + BY_DOWNLOADS + ITEM, page).list(LicenseQueries::conflict));
            }
            if (items.size() < limit && skip + items.size() < total) {
                if (withDownloads < 0) {
                    withDownloads = tx.run(COUNT_WITH_DOWNLOADS).single().get("withDownloads").asLong();
                }
                Map<String, Object> page = new HashMap<>(params);
                page.put("skip", (int) Math.max(0, skip - withDownloads));
                page.put("limit", limit - items.size());
                items.addAll(tx.run(start + WITHOUT_DOWNLOADS + ITEM, page).list(LicenseQueries::conflict));
            }
            return new Page<>(total, items);
        });
    }

    /**
     * The counts as the last licence refresh left them (see {@link LicenseTotals}): a request never
     * counts a large store.
     */
    public LicenseSummary summary() {
        return LicenseTotals.read(graph, countedOnRequestUpTo);
    }

    /** One model's licence and verdict, judged now; {@code declaredOnly=false} follows inferred links too. */
    public Optional<ModelLicense> check(String id, boolean declaredOnly) {
        return graph.read(tx -> LicenseFacts.read(tx, List.of(id), book).stream().findFirst()
                .map(m -> new ModelLicense(m.subject().license(),
                        judge.judge(m.subject(), declaredOnly ? m.declared() : m.all()))));
    }

    /** Which of these (child, parent) links change the licence. */
    public List<LicenseChange> changes(List<List<String>> links) {
        if (links.isEmpty()) {
            return List.of();
        }
        return graph.read(tx -> tx.run(CHANGES, Map.of("links", links)).list(r -> new LicenseChange(
                r.get("child").asString(), r.get("parent").asString(), r.get("childLicense").asString(),
                r.get("parentLicense").asString(), string(r.get("verdict")))));
    }

    /** Conflicts found in {@code [from, to)}, most downloaded first, at most {@code limit}, with their number. */
    public Page<LicenseConflict> newConflicts(Instant from, Instant to, int limit) {
        return since(graph, from, to, limit);
    }

    /** The same over the stored verdicts alone, without the licence terms (the weekly digest reads it). */
    public static Page<LicenseConflict> since(Graph graph, Instant from, Instant to, int limit) {
        return graph.read(tx -> {
            Record r = tx.run(SINCE, Map.of("from", DriverValues.dateTime(from), "to", DriverValues.dateTime(to),
                    "limit", limit)).single();
            List<LicenseConflict> items = r.get("items").asList(v -> new LicenseConflict(v.get("id").asString(),
                    string(v.get("name")), string(v.get("license")), string(v.get("ancestor")),
                    string(v.get("ancestorLicense")), string(v.get("reason")),
                    v.get("depth").isNull() ? null : v.get("depth").asInt(), number(v.get("downloads"))));
            return new Page<>(r.get("total").asLong(), items);
        });
    }

    private static LicenseConflict conflict(Record r) {
        return new LicenseConflict(r.get("id").asString(), string(r.get("name")), string(r.get("license")),
                string(r.get("ancestor")), string(r.get("ancestorLicense")), string(r.get("reason")),
                r.get("depth").isNull() ? null : r.get("depth").asInt(), number(r.get("downloads")));
    }
}
