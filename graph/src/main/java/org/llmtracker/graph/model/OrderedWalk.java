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
     * {@code %4$s} the comparison that puts a model before the last one found. The two branches
     * cannot meet, and a plain UNION would compare every row's {@code found} list (quadratic: a
     * page 300 deep took 1.4 GB and failed at 1M models).
     */
    private static final String WALK = """
            MATCH (m:Model) USING INDEX m:Model(%1$s) WHERE m.%1$s IS NOT NULL
            WITH m ORDER BY m.%1$s %2$s LIMIT $scan
            WITH m WHERE %3$s
            WITH m LIMIT $need
            WITH collect(m) AS found
            WITH found, CASE WHEN size(found) < $need THEN null ELSE found[-1].%1$s END AS last
            CALL (found, last) {
              UNWIND found AS m
              WITH m WHERE last IS NULL OR m.%1$s %4$s last
              RETURN m
              UNION ALL
              MATCH (m:Model) USING INDEX m:Model(%1$s) WHERE m.%1$s = last AND %3$s
              RETURN m
            }
            WITH last, m ORDER BY m.%1$s %2$s, m.nameKey, m.id LIMIT $need
            RETURN last IS NOT NULL AS complete, collect(m.id) AS ids
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

    /** The walk's query for {@code sort} and {@code condition} (a Cypher predicate on {@code m}, fixed text). */
    static String query(ModelFilter.Sort sort, String condition) {
        if (sort.key == null) {
            throw new IllegalArgumentException("no index gives the order " + sort);
        }
        return WALK.formatted(sort.key, sort.descending ? "DESC" : "ASC", condition, sort.descending ? ">" : "<");
    }

    /**
     * The ids of the first {@code need} models that meet {@code condition}, in {@code sort}'s order
     * (fewer when fewer meet it), or empty when {@code scan} index entries did not find them.
     */
    static Optional<List<String>> ids(TransactionContext tx, ModelFilter.Sort sort, String condition,
            Map<String, Object> params, int need, int scan) {
        Map<String, Object> walk = new HashMap<>(params);
        walk.put("need", need);
        walk.put("scan", scan);
        List<Record> r = tx.run(query(sort, condition), walk).list();
        List<String> found = r.isEmpty() ? List.of() : r.get(0).get("ids").asList(Value::asString);
        if (!r.isEmpty() && r.get(0).get("complete").asBoolean()) {
            return Optional.of(found);
        }
        boolean exhausted = scan == Integer.MAX_VALUE
                || tx.run(EXHAUSTED.formatted(sort.key), Map.of("scan", scan)).single().get("exhausted").asBoolean();
        if (!exhausted) {
            return Optional.empty();
        }
        if (sort == ModelFilter.Sort.NAME) {
            // every model has a name key: the list ends here
            return Optional.of(found);
        }
        String without = "(" + condition + ") AND m." + sort.key + " IS NULL";
        return ids(tx, ModelFilter.Sort.NAME, without, params, need - found.size(), scan).map(rest -> {
            List<String> all = new ArrayList<>(found);
            all.addAll(rest);
            return all;
        });
    }

    /** The summaries of {@code ids} from {@code skip} on, at most {@code limit}, in that order. */
    static List<Value> summaries(TransactionContext tx, List<String> ids, int skip, int limit) {
        List<String> page = skip >= ids.size() ? List.of() : ids.subList(skip, Math.min(ids.size(), skip + limit));
        if (page.isEmpty()) {
            return List.of();
        }
        return tx.run(SUMMARIES, Map.of("ids", page)).single().get("rows").asList(v -> v);
    }
}
