package org.llmtracker.graph.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.llmtracker.graph.model.Page;
import org.neo4j.driver.TransactionContext;

/**
 * One generation below a model: its own incoming links, ordered as the descendants read orders
 * them. A family's root has thousands of them and hundreds of thousands of index rows, which a
 * depth-limited read of the index would count and filter (the model page's children by relation).
 */
final class Children {

    /**
     * The children's links, each with the child's index row to the model. The row is picked from
     * the child's own rows (one per ancestor), in a list filter rather than a pattern ending at the
     * model, which only a child can be expanded from: planned freely, Neo4j once expanded all of a
     * root's rows instead (7,352 at 4M models, 42 ms for 662 children). The hint keeps the model a
     * seek: CI measured 321-325 hits for a root with 2 children, in a plan that scanned the whole
     * id index (304 entries) for it, made on another test's few models and kept.
     */
    private static final String LINKS = """
            MATCH (x:Model {id: $id})<-[l:DERIVED_FROM]-(c:Model)
            USING INDEX SEEK x:Model(id)
            WHERE c <> x
              AND ($relation IS NULL OR coalesce(l.relation, 'UNKNOWN') = $relation)
              AND ($stage IS NULL OR $stage IN coalesce(l.stages, []))
              AND ($minDownloads IS NULL OR c.downloads >= $minDownloads)
            UNWIND [row IN [(c)-[up:DESCENDS_FROM]->() | up] WHERE endNode(row) = x] AS r
            """;
    static final String COUNT = LINKS + "RETURN count(*) AS total\n";

    /**
     * Ordered by downloads alone first; only the children down to the page's last one's downloads
     * are then ordered by name too: a root's 20,000 children would otherwise each have their name read.
     */
    private static final String PAGE = LINKS + """
            WITH c, r, coalesce(c.downloads, -1) AS d
            ORDER BY d DESC
            WITH collect({c: c, r: r, d: d}) AS cs
            WITH cs, coalesce(cs[$skip + $limit - 1].d, -1) AS last
            UNWIND [e IN cs WHERE e.d >= last] AS e
            WITH e.c AS c, e.r AS r
            """ + RelativeQueries.MOST_DOWNLOADED + "SKIP $skip LIMIT $limit\n" + RelativeQueries.KIN;

    /**
     * Every relation's first children and count in one read of the links (the model page). A root's
     * tens of thousands of children are ordered by downloads alone; only those tied with or above
     * each relation's {@code $limit}-th are ordered by name too (their downloads carried, not read
     * again), and only the first are looked up in the ancestry index for what a relative shows.
     */
    private static final String BY_RELATION = """
            MATCH (x:Model {id: $id})<-[l:DERIVED_FROM]-(c:Model)
            USING INDEX SEEK x:Model(id)
            WHERE c <> x
            WITH x, coalesce(l.relation, 'UNKNOWN') AS linked, c, coalesce(c.downloads, -1) AS d
            ORDER BY d DESC
            WITH x, linked, count(*) AS total, collect({c: c, d: d}) AS cs
            WITH x, linked, total, cs, coalesce(cs[$limit - 1].d, -1) AS last
            UNWIND [e IN cs WHERE e.d >= last] AS e
            WITH x, linked, total, e.c AS c
            """ + RelativeQueries.MOST_DOWNLOADED + """
            WITH x, linked, total, collect(c)[0..$limit] AS first
            UNWIND range(0, size(first) - 1) AS place
            WITH x, linked, total, place, first[place] AS c
            UNWIND [row IN [(c)-[up:DESCENDS_FROM]->() | up] WHERE endNode(row) = x] AS r
            """ + RelativeQueries.KIN.replace("RETURN c.id AS id,", "RETURN linked, total, c.id AS id,")
            + "ORDER BY linked, place\n";

    private Children() {
    }

    /** The first {@code limit} children of each relation {@code id} has children by, most downloaded first, with their counts. */
    static Map<String, Page<Relative>> byRelation(TransactionContext tx, String id, int limit) {
        Map<String, List<Relative>> first = new HashMap<>();
        Map<String, Long> totals = new HashMap<>();
        tx.run(BY_RELATION, Map.of("id", id, "limit", limit)).forEachRemaining(r -> {
            String relation = r.get("linked").asString();
            totals.put(relation, r.get("total").asLong());
            first.computeIfAbsent(relation, k -> new ArrayList<>()).add(RelativeQueries.kin(r));
        });
        Map<String, Page<Relative>> pages = new TreeMap<>();
        totals.forEach((relation, total) -> pages.put(relation, new Page<>(total, first.get(relation))));
        return pages;
    }

    /** {@code params} as {@link RelativeQueries} builds them: the filter's, {@code id}, {@code skip} and {@code limit}. */
    static Page<Relative> page(TransactionContext tx, Map<String, Object> params, int skip) {
        long total = tx.run(COUNT, params).single().get("total").asLong();
        return new Page<>(total, skip >= total ? List.of() : tx.run(PAGE, params).list(RelativeQueries::kin));
    }
}
