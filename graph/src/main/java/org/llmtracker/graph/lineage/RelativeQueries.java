package org.llmtracker.graph.lineage;

import static org.llmtracker.graph.store.DriverValues.number;
import static org.llmtracker.graph.store.DriverValues.string;
import static org.llmtracker.graph.store.DriverValues.strings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.model.Page;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.llmtracker.graph.ancestry.KinCounts;

/**
 * Lineage reads that keep the heavy work inside Neo4j, so a family of hundreds of thousands of
 * models never crosses into the application. Descendants come from the {@link Ancestry} index:
 * the count is the ancestor's degree when nothing filters it, and a page is either the top of
 * the ancestor's index rows or, for a large family, the models with most downloads overall
 * (read in order from the downloads index) that belong to it, whichever touches fewer rows.
 * Ancestors are walked ({@link AncestorLines}): a lineage is shallow.
 */
final class RelativeQueries {

    /** What the {@link KinCounts} say of the family: totals without expanding a row. */
    private static final String SIZE = """
            MATCH (x:Model {id: $id})
            RETURN coalesce(x.descendantDepth, 0) AS deepest, COUNT { (x)<-[:DESCENDS_FROM]-() } AS descendants,
                   COUNT { MATCH (m:Model) } AS models, coalesce(x.descendantsByDepth, []) AS byDepth,
                   CASE WHEN $counted IS NULL THEN null ELSE coalesce(x[$counted], 0) END AS counted
            """;

    /** A row without link facts belongs to a model with one parent: its one link says them. */
    private static final String LINK_KEPT = """
            r.depth <= $maxDepth
            AND ($relation IS NULL
                 OR $relation IN coalesce(r.relations, [(c)-[l:DERIVED_FROM]->() | coalesce(l.relation, 'UNKNOWN')]))
            AND ($stage IS NULL OR $stage IN coalesce(r.stages, [(c)-[l:DERIVED_FROM]->() | coalesce(l.stages, [])][0]))
            """;

    /** Whether an index row {@code r} of descendant {@code c} passes the filter's parameters. */
    static final String KEPT = LINK_KEPT + "AND ($minDownloads IS NULL OR c.downloads >= $minDownloads)\n";

    private static final String COUNT = """
            MATCH (:Model {id: $id})<-[r:DESCENDS_FROM]-(c:Model)
            WHERE %s
            RETURN count(*) AS total
            """.formatted(KEPT);

    static final String KIN = """
            CALL (c, r) {
              MATCH (c)-[l:DERIVED_FROM]->(p)
              WHERE r.via IS NULL OR p.id = r.via
              RETURN {via: p.id, relation: coalesce(l.relation, 'UNKNOWN'), stages: coalesce(l.stages, []),
                      sources: coalesce(l.sources, []), confidence: l.confidence} AS only
              LIMIT 1
            }
            RETURN c.id AS id, c.name AS name, c.kind AS kind, c.downloads AS downloads, c.likes AS likes,
                   coalesce(c.catalogued, false) AS catalogued, r.depth AS depth, coalesce(r.via, only.via) AS via,
                   coalesce(r.relation, only.relation) AS relation, coalesce(r.relations, [only.relation]) AS relations,
                   coalesce(r.stages, only.stages) AS stages, only.sources AS sources, only.confidence AS confidence
            """;

    /** The descendants' order for relatives {@code c}: most downloads first (unknown last), then case-insensitive name, then id. */
    static final String MOST_DOWNLOADED = "ORDER BY coalesce(c.downloads, -1) DESC, toLower(coalesce(c.name, c.id)), c.id\n";

    private static final String BY_ANCESTOR = """
            MATCH (:Model {id: $id})<-[r:DESCENDS_FROM]-(c:Model)
            WHERE %s
            WITH c, r
            """.formatted(KEPT) + MOST_DOWNLOADED + "SKIP $skip LIMIT $limit\n" + KIN;

    /**
     * Only models with downloads: the index holds no nulls, so a short page falls back to {@link #BY_ANCESTOR}.
     * The hint keeps the ancestor a unique-index seek: planned on stale statistics (a store just
     * loaded), Neo4j once chose to scan the whole id index for every model read, 2 s instead of
     * 2 ms at 10,000 models, and kept that plan.
     */
    private static final String BY_DOWNLOADS = """
            MATCH (c:Model)
            WHERE c.downloads >= coalesce($minDownloads, 0)
            CALL (c) {
              MATCH (c)-[r:DESCENDS_FROM]->(a:Model {id: $id})
              USING INDEX SEEK a:Model(id)
              WHERE %s
              RETURN r
            }
            WITH c, r
            ORDER BY c.downloads DESC, toLower(coalesce(c.name, c.id)), c.id
            SKIP $skip LIMIT $limit
            """.formatted(LINK_KEPT) + KIN;

    /**
     * How many models have at least {@code $minDownloads}, from the downloads index alone, up to
     * {@code $cap}: where they are fewer than the ancestor's rows, they are the cheaper side to
     * count and walk from (ten models above 100,000 downloads under a root of 300,000: 2 s counted
     * from the root's rows).
     */
    private static final String DOWNLOADED = """
            MATCH (c:Model) WHERE c.downloads >= $minDownloads
            WITH c LIMIT $cap
            RETURN count(c) AS models
            """;

    /** {@link #COUNT} from the models with enough downloads, each looked up in the ancestor's rows. */
    private static final String COUNT_DOWNLOADED = """
            MATCH (c:Model) WHERE c.downloads >= $minDownloads
            CALL (c) {
              MATCH (c)-[r:DESCENDS_FROM]->(a:Model {id: $id})
              USING INDEX SEEK a:Model(id)
              WHERE %s
              RETURN r
            }
            RETURN count(*) AS total
            """.formatted(LINK_KEPT);

    /** The given members of the family below {@code id}, each at its shortest distance. */
    private static final String MEMBERS = """
            UNWIND $ids AS member
            MATCH (c:Model {id: member})-[r:DESCENDS_FROM]->(:Model {id: $id})
            """ + KIN;

    /**
     * The {@code evidence=declared} variants: rows no declared-only path reaches are left out, and
     * depth is the declared-only depth. Separate texts, so the default queries stay as they were.
     */
    private static final String COUNT_DECLARED = declared(COUNT);
    private static final String COUNT_DOWNLOADED_DECLARED = declared(COUNT_DOWNLOADED);
    private static final String BY_ANCESTOR_DECLARED = declared(BY_ANCESTOR);
    private static final String BY_DOWNLOADS_DECLARED = declared(BY_DOWNLOADS);

    static String declared(String query) {
        String filtered = query.replace("r.depth <= $maxDepth", "r.inferredOnly IS NULL AND coalesce(r.declaredDepth, r.depth) <= $maxDepth")
                .replace("r.depth AS depth", "coalesce(r.declaredDepth, r.depth) AS depth");
        if (filtered.equals(query)) {
            throw new IllegalStateException("no depth condition to make declared-only in " + query);
        }
        return filtered;
    }

    /**
     * Reading the downloads index costs a few times more per model than reading the ancestor's
     * rows, and finds a member every {@code models / total} entries; reading the ancestor's rows
     * expands every one of them, whatever the filter keeps.
     */
    private static final long SCAN_COST = 4;

    private RelativeQueries() {
    }

    static Page<Relative> descendants(TransactionContext tx, String id, RelativeFilter filter, int skip, int limit) {
        Map<String, Object> params = params(filter);
        params.put("id", id);
        params.put("skip", skip);
        params.put("limit", limit);
        params.put("counted", counted(filter));
        if (filter.maxDepth() == 1 && !filter.declaredOnly()) {
            return Children.page(tx, params, skip);
        }
        Record size = tx.run(SIZE, params).stream().findFirst().orElse(null);
        if (size == null) {
            return new Page<>(0, List.of());
        }
        boolean declared = filter.declaredOnly();
        long rows = size.get("descendants").asLong();
        // Models with enough downloads, counted up to the rows they would save reading.
        boolean fromDownloads = filter.minDownloads() != null
                && SCAN_COST * downloaded(tx, params, rows / SCAN_COST + 1) <= rows;
        long total = total(filter, size);
        if (total < 0) {
            String count = fromDownloads ? (declared ? COUNT_DOWNLOADED_DECLARED : COUNT_DOWNLOADED)
                    : (declared ? COUNT_DECLARED : COUNT);
            total = tx.run(count, params).single().get("total").asLong();
        }
        if (skip >= total) {
            return new Page<>(total, List.of());
        }
        long wanted = (long) skip + limit;
        List<Relative> items = List.of();
        if (fromDownloads || SCAN_COST * wanted * size.get("models").asLong() < total * rows) {
            items = tx.run(declared ? BY_DOWNLOADS_DECLARED : BY_DOWNLOADS, params).list(RelativeQueries::kin);
        }
        if (items.size() < Math.min(limit, total - skip)) {
            items = tx.run(declared ? BY_ANCESTOR_DECLARED : BY_ANCESTOR, params).list(RelativeQueries::kin);
        }
        return new Page<>(total, items);
    }

    private static long downloaded(TransactionContext tx, Map<String, Object> params, long cap) {
        Map<String, Object> capped = new HashMap<>(params);
        capped.put("cap", cap);
        return tx.run(DOWNLOADED, capped).single().get("models").asLong();
    }

    /** The count property that answers the filter's total, when it filters on a relation, a stage or both only. */
    private static String counted(RelativeFilter filter) {
        // The counts cover every link, inferred ones too: a declared-only read counts its rows.
        if (filter.declaredOnly() || filter.minDownloads() != null || (filter.relation() == null && filter.stage() == null)) {
            return null;
        }
        if (filter.relation() != null && filter.stage() != null) {
            return KinCounts.pair(filter.relation().name(), filter.stage().name());
        }
        return filter.relation() != null ? KinCounts.RELATION_PREFIX + filter.relation().name()
                : KinCounts.STAGE_PREFIX + filter.stage().name();
    }

    /** The total from the counts, or -1 when they cannot say (several filters, or downloads) and the rows must be counted. */
    private static long total(RelativeFilter filter, Record size) {
        boolean everyDepth = filter.maxDepth() >= size.get("deepest").asInt();
        if (!size.get("counted").isNull() && everyDepth) {
            return size.get("counted").asLong();
        }
        if (filter.declaredOnly() || filter.relation() != null || filter.stage() != null || filter.minDownloads() != null) {
            return -1;
        }
        if (everyDepth) {
            return size.get("descendants").asLong();
        }
        return size.get("byDepth").asList(Value::asLong).stream().limit(filter.maxDepth()).mapToLong(Long::longValue).sum();
    }

    static List<Relative> members(TransactionContext tx, String id, List<String> ids) {
        return tx.run(MEMBERS, Map.of("id", id, "ids", ids)).list(RelativeQueries::kin);
    }

    /** The filter as the parameters of {@link #KEPT}. */
    static Map<String, Object> params(RelativeFilter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("maxDepth", filter.maxDepth());
        params.put("relation", filter.relation() == null ? null : filter.relation().name());
        params.put("stage", filter.stage() == null ? null : filter.stage().name());
        params.put("minDownloads", filter.minDownloads());
        return params;
    }

    private static List<String> sorted(Value names) {
        return strings(names).stream().sorted().toList();
    }

    static Relative kin(Record r) {
        return new Relative(r.get("id").asString(), string(r.get("name")), string(r.get("kind")), r.get("depth").asInt(),
                r.get("relation").asString(), sorted(r.get("relations")), sorted(r.get("stages")),
                r.get("via").asString(), number(r.get("downloads")), number(r.get("likes")),
                r.get("catalogued").asBoolean(), null, strings(r.get("sources")),
                r.get("confidence").isNull() ? null : r.get("confidence").asDouble());
    }
}
