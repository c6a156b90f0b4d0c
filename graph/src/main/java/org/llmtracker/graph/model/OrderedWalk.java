package org.llmtracker.graph.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * The first models of a list in a {@link ModelFilter.Sort}'s order, read from the range index of
 * the sort's key instead of ordering every model: the index gives the models in order, each is
 * checked against the list's condition, and the walk stops when the page is full. Only the
 * models tied with the page's last one on the key are read again (an equality seek) and ordered
 * by name key and id. Past the models with the key come those without it, by name key, walked the
 * same way through the name key's index.
 *
 * <p>A walk reads at most {@code scan} index entries and then gives up (empty), because a
 * condition that few models meet would otherwise read the whole index; the caller then orders
 * the condition's own models.
 */
final class OrderedWalk {

    /**
     * {@code %1$s} the key, {@code %2$s} ASC or DESC, {@code %3$s} the condition on {@code m},
     * {@code %4$s} the comparison that puts a model before another. Of the models found, only the
     * page's window is handed on: from the key of the page's first row ({@code first}, the models
     * before that key, {@code earlier}, being counted only) to the key of the last model found
     * ({@code last}), whose ties are read again: they may reach past the models found.
     */
    private static final String WALK = """
            MATCH (m:Model) USING INDEX m:Model(%1$s) WHERE m.%1$s IS NOT NULL
            WITH m ORDER BY m.%1$s %2$s LIMIT $scan
            WITH m WHERE %3$s
            WITH m LIMIT $need
            WITH collect(m) AS found
            WITH found, CASE WHEN size(found) < $need THEN null ELSE found[-1].%1$s END AS last,
                 CASE WHEN size(found) > $skip THEN found[$skip].%1$s END AS first
            RETURN last IS NOT NULL AS complete, last, size(found) AS found,
                   size([x IN found WHERE x.%1$s %4$s first]) AS earlier,
                   [x IN found WHERE NOT x.%1$s %4$s first AND (last IS NULL OR x.%1$s %4$s last) | elementId(x)] AS window
            """;

    /**
     * The page: the window and every model tied with the last key, in order, from the page's first
     * row. Apart from the walk, so that no row carries the list found: a sort's memory is counted
     * per row, and a page 500 deep at 1M models then passed the transaction memory limit.
     */
    private static final String ORDERED = """
            CALL {
              UNWIND $window AS node
              MATCH (m) WHERE elementId(m) = node
              RETURN m
              UNION ALL
              MATCH (m:Model) USING INDEX SEEK m:Model(%1$s) WHERE m.%1$s = $last AND %3$s
              RETURN m
            }
            WITH m ORDER BY m.%1$s %2$s, m.nameKey, m.id SKIP $offset LIMIT $limit
            RETURN collect(m.id) AS ids
            """;

    /** Whether the key's index holds fewer than {@code $scan} models: a walk that read them all found every match. */
    private static final String EXHAUSTED = """
            MATCH (m:Model) USING INDEX m:Model(%1$s) WHERE m.%1$s IS NOT NULL
            WITH m LIMIT $scan
            RETURN count(m) < $scan AS exhausted
            """;

    // Apart from the walk: Neo4j 5.26's planner fails on the map projection after the walk's cached key.
    private static final String SUMMARIES = """
            UNWIND range(0, size($ids) - 1) AS i
            MATCH (m:Model {id: $ids[i]})
            WITH i, m ORDER BY i
            RETURN collect(%s) AS rows
            """.formatted(ModelSearch.SUMMARY);

    private OrderedWalk() {
    }

    /** The walk's first query for {@code sort} and {@code condition} (a Cypher predicate on {@code m}, fixed text). */
    static String query(ModelFilter.Sort sort, String condition) {
        return formatted(WALK, sort, condition);
    }

    private static String formatted(String query, ModelFilter.Sort sort, String condition) {
        if (sort.key == null) {
            throw new IllegalArgumentException("no index gives the order " + sort);
        }
        return query.formatted(sort.key, sort.descending ? "DESC" : "ASC", condition, sort.descending ? ">" : "<");
    }

    /**
     * The ids of rows {@code skip} to {@code skip + limit} of the models that meet
     * {@code condition}, in {@code sort}'s order (fewer when the list ends), or empty when
     * {@code scan} index entries did not find them.
     */
    static Optional<List<String>> ids(TransactionContext tx, ModelFilter.Sort sort, String condition,
            Map<String, Object> params, int skip, int limit, int scan) {
        Map<String, Object> walk = new HashMap<>(params);
        walk.put("skip", skip);
        walk.put("need", skip + limit);
        walk.put("scan", scan);
        Record r = tx.run(query(sort, condition), walk).single();
        boolean complete = r.get("complete").asBoolean();
        // Fewer found than needed: the list ends, or the walk gave up before the index did.
        if (!complete && scan != Integer.MAX_VALUE
                && !tx.run(EXHAUSTED.formatted(sort.key), Map.of("scan", scan)).single().get("exhausted").asBoolean()) {
            return Optional.empty();
        }
        walk.put("window", r.get("window"));
        walk.put("last", r.get("last"));
        walk.put("offset", skip - r.get("earlier").asInt());
        walk.put("limit", limit);
        List<String> page = tx.run(formatted(ORDERED, sort, condition), walk).single().get("ids").asList(Value::asString);
        if (complete || sort == ModelFilter.Sort.NAME) {
            // every model has a name key: a walk by name that ran out ends the list
            return Optional.of(page);
        }
        // Every model with the key was found; those without it come next, by name.
        int found = r.get("found").asInt();
        String without = "(" + condition + ") AND m." + sort.key + " IS NULL";
        return ids(tx, ModelFilter.Sort.NAME, without, params, Math.max(0, skip - found), limit - page.size(), scan)
                .map(rest -> {
                    List<String> all = new ArrayList<>(page);
                    all.addAll(rest);
                    return all;
                });
    }

    /** The summaries of {@code ids}, in that order. */
    static List<Value> summaries(TransactionContext tx, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return tx.run(SUMMARIES, Map.of("ids", ids)).single().get("rows").asList(v -> v);
    }
}
