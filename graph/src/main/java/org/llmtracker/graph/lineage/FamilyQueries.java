package org.llmtracker.graph.lineage;

import static org.llmtracker.graph.store.DriverValues.number;
import static org.llmtracker.graph.store.DriverValues.string;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.model.Page;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.Record;
import org.llmtracker.graph.ancestry.KinCounts;

/**
 * The biggest model families: the models that derive from nothing, by how many derive from them.
 * The {@link KinCounts} make it cheap at any size: the heads carry the {@code FamilyRoot} label
 * (so their number is the label's count) and their counts, indexed by size, so a page is a
 * walk down that index.
 */
public final class FamilyQueries {

    private static final String MATCHES = "($q IS NULL OR m.id CONTAINS $q OR toLower(m.name) CONTAINS $q)";

    /** Without text: the label's count, from the count store. */
    private static final String COUNT = "MATCH (m:FamilyRoot) RETURN count(m) AS total";

    private static final String ROW = """
            RETURN m.id AS id, m.name AS name, coalesce(m.catalogued, false) AS catalogued, m.downloads AS downloads,
                   m.descendants AS descendants, coalesce(m.descendantDepth, 0) AS deepest,
                   [k IN $keys | coalesce(m[k], 0)] AS byRelation, coalesce(m.licenseConflicts, 0) AS licenseConflicts
            """;

    /** A walk down the heads' size index, each head checked against the text. */
    private static final String PAGE = """
            MATCH (m:FamilyRoot)
            WHERE m.descendants > 0 AND %s
            WITH m ORDER BY m.descendants DESC, m.id SKIP $skip LIMIT $limit
            """.formatted(MATCHES) + ROW;

    /**
     * The heads holding the text, from the heads' own TEXT index on the search text (which holds
     * id and lower-case name, so it finds every match and a few more, checked here): the cost
     * follows the heads that match, not the store. Counting every head with a scan took 4 s at 4M models.
     */
    private static final String HOLDING = """
            MATCH (m:FamilyRoot) USING TEXT INDEX m:FamilyRoot(searchText)
            WHERE m.searchText CONTAINS $q AND m.descendants > 0 AND %s
            """.formatted(MATCHES);

    private static final String COUNT_HOLDING = HOLDING + "WITH m LIMIT $cap RETURN count(m) AS total\n";

    private static final String PAGE_HOLDING = HOLDING + "WITH m ORDER BY m.descendants DESC, m.id SKIP $skip LIMIT $limit\n" + ROW;

    /** Up to this many heads hold the text, they are counted and ordered; more are walked and the total is this, capped. */
    static final int EXACT_UP_TO = 2_000;

    private static final List<String> KEYS = java.util.Arrays.stream(Relation.values())
            .map(r -> KinCounts.RELATION_PREFIX + r.name()).toList();

    private final Graph graph;
    private final int exactUpTo;

    public FamilyQueries(Graph graph) {
        this(graph, EXACT_UP_TO);
    }

    FamilyQueries(Graph graph, int exactUpTo) {
        this.graph = graph;
        this.exactUpTo = exactUpTo;
    }

    /**
     * Families by size (most descendants first, then id), whose head's id or name contains
     * {@code q} in any case (null: all). With more than {@link #EXACT_UP_TO} such heads, the
     * total is that number and marked capped, as a broad search's is.
     */
    public Page<Family> families(String q, int skip, int limit) {
        if (skip < 0 || limit < 1) {
            throw new IllegalArgumentException("skip must be >= 0 and limit >= 1, got " + skip + ", " + limit);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("q", q == null || q.isBlank() ? null : q.trim().toLowerCase(java.util.Locale.ROOT));
        params.put("skip", skip);
        params.put("limit", limit);
        params.put("keys", KEYS);
        params.put("cap", exactUpTo + 1);
        return graph.read(tx -> {
            if (params.get("q") == null) {
                long total = tx.run(COUNT, params).single().get("total").asLong();
                return new Page<>(total, skip >= total ? List.of() : tx.run(PAGE, params).list(FamilyQueries::family));
            }
            long holding = tx.run(COUNT_HOLDING, params).single().get("total").asLong();
            if (holding <= exactUpTo) {
                return new Page<>(holding, skip >= holding ? List.of() : tx.run(PAGE_HOLDING, params).list(FamilyQueries::family));
            }
            // More heads hold it than are worth ordering whole: a common text fills a page soon down the size index.
            return new Page<>(exactUpTo, tx.run(PAGE, params).list(FamilyQueries::family), true);
        });
    }

    private static Family family(Record r) {
        Map<String, Long> byRelation = new LinkedHashMap<>();
        List<Long> counts = r.get("byRelation").asList(v -> v.asLong());
        for (int i = 0; i < Relation.values().length; i++) {
            if (counts.get(i) > 0) {
                byRelation.put(Relation.values()[i].name(), counts.get(i));
            }
        }
        return new Family(r.get("id").asString(), string(r.get("name")), r.get("catalogued").asBoolean(),
                number(r.get("downloads")), r.get("descendants").asLong(), r.get("deepest").asInt(), byRelation,
                r.get("licenseConflicts").asLong());
    }
}
