package org.llmtracker.graph.lineage;

import static org.llmtracker.graph.store.DriverValues.strings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.ancestry.Link;
import org.llmtracker.graph.model.Page;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

/**
 * Reads upwards: the links out of a model and out of its ancestors, from one read of the ancestry
 * index, walked here. A lineage is shallow, so all of it is read; the common-ancestor path and the
 * family graph read the same lines.
 */
final class AncestorLines {

    /**
     * Every link out of the given models and out of their ancestors closer than the depth
     * bound: one read of the ancestry index and one expansion each, whatever the depth.
     */
    static final String LINES = """
            UNWIND $ids AS id
            MATCH (m:Model {id: id})
            CALL (m) {
              RETURN m AS x
              UNION
              MATCH (m)-[r:DESCENDS_FROM]->(x:Model)
              WHERE r.depth < $maxDepth
              RETURN x
            }
            MATCH (x)-[d:DERIVED_FROM]->(p:Model)
            """;

    /** The lines' links with what a relative reports about the parent end. */
    private static final String ANCESTRY = LINES + """
            RETURN x.id AS child, p.id AS parent, coalesce(d.relation, 'UNKNOWN') AS relation,
                   coalesce(d.stages, []) AS stages, p.name AS name, p.kind AS kind, p.downloads AS downloads,
                   p.likes AS likes, coalesce(p.catalogued, false) AS catalogued,
                   coalesce(d.sources, []) AS sources, d.confidence AS confidence
            """;

    private static final String ANCESTRY_DECLARED = declaredLines(ANCESTRY);

    /**
     * A query built on {@link #LINES}, over declared links only, out of the model and the
     * ancestors a declared-only path reaches.
     */
    static String declaredLines(String query) {
        String declared = query
                .replace("WHERE r.depth < $maxDepth", "WHERE r.inferredOnly IS NULL AND coalesce(r.declaredDepth, r.depth) < $maxDepth")
                .replace("MATCH (x)-[d:DERIVED_FROM]->(p:Model)\n", "MATCH (x)-[d:DERIVED_FROM]->(p:Model)\nWHERE coalesce(d.sources, []) <> ['inferred']\n");
        if (!query.startsWith(LINES) || declared.equals(query)) {
            throw new IllegalStateException("not a query on the lines: " + query);
        }
        return declared;
    }

    private AncestorLines() {
    }

    /** Ancestors are few (a lineage is shallow), so all of them are walked, filtered and sorted here. */
    static Page<Relative> ancestors(TransactionContext tx, String id, RelativeFilter filter, Comparator<Relative> order, int skip,
            int limit) {
        Map<String, List<Link>> up = new HashMap<>();
        Map<String, Record> parents = new HashMap<>();
        Map<String, Record> links = new HashMap<>();
        tx.run(filter.declaredOnly() ? ANCESTRY_DECLARED : ANCESTRY, Map.of("ids", List.of(id), "maxDepth", filter.maxDepth()))
                .forEachRemaining(r -> {
                    String child = r.get("child").asString();
                    up.computeIfAbsent(child, k -> new ArrayList<>()).add(new Link(child,
                            r.get("parent").asString(), r.get("relation").asString(), strings(r.get("stages"))));
                    parents.putIfAbsent(r.get("parent").asString(), r);
                    links.put(child + ">" + r.get("parent").asString(), r);
                });
        LineageQueries.Walk walk = LineageQueries.walk(upwards(up), id, filter.maxDepth(), Integer.MAX_VALUE);
        List<Relative> kept = walk.hops().entrySet().stream()
                .map(e -> LineageQueries.kin(e.getKey(), e.getValue(), parents.get(e.getKey()),
                        links.get(e.getValue().via + ">" + e.getKey())))
                .filter(filter::keeps)
                .sorted(order)
                .toList();
        int from = Math.min(skip, kept.size());
        int to = (int) Math.min((long) from + limit, kept.size());
        return new Page<>(kept.size(), kept.subList(from, to));
    }

    /** Links child to parent as a walk step, ordered by {@code from} then {@code to} like the generation queries. */
    static LineageQueries.Step upwards(Map<String, List<Link>> up) {
        up.values().forEach(links -> links.sort(Comparator.comparing(Link::to)));
        return frontier -> frontier.stream().sorted()
                .flatMap(from -> up.getOrDefault(from, List.of()).stream())
                .toList();
    }
}
