package org.llmtracker.graph.lineage;

import static org.llmtracker.graph.model.Values.strings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.model.Page;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

/**
 * Lineage reads that keep the heavy work inside Neo4j, so a family of hundreds of thousands of
 * models never crosses Bolt. Descendants are found with one variable-length match that Neo4j
 * runs as a pruning breadth-first expansion (each model visited once, cycles included), then
 * counted and sorted by downloads in the store; only the requested page comes back. What a page
 * item needs beyond its node (depth, the link that reaches it, relations and stages at that
 * distance) comes from the small subgraph of the page items and their ancestors, walked in
 * memory with {@link LineageQueries#walk} so the answer is the same as a full breadth-first walk.
 */
final class RelativesInStore {

    private static final String DESCENDANTS = """
            MATCH (:Model {id: $id})<-[:DERIVED_FROM*1..%d]-(c:Model)
            WITH DISTINCT c
            WHERE c.id <> $id AND ($minDownloads IS NULL OR c.downloads >= $minDownloads)
            """;

    private static final String COUNT = DESCENDANTS + "RETURN count(c) AS total";

    /**
     * Ties break as {@link LineageQueries#BY_DOWNLOADS_THEN_NAME} does: Java's case-insensitive
     * order compares lower-cased characters, so {@code toLower}, then id.
     */
    private static final String PAGE = DESCENDANTS + """
            RETURN c.id AS id
            ORDER BY coalesce(c.downloads, -1) DESC, toLower(coalesce(c.name, c.id)), c.id
            SKIP $skip LIMIT $limit
            """;

    /** Every link out of the given models and out of their ancestors up to the depth bound. */
    private static final String ANCESTRY = """
            CALL {
              UNWIND $ids AS id MATCH (x:Model {id: id}) RETURN x
              UNION
              UNWIND $ids AS id MATCH (:Model {id: id})-[:DERIVED_FROM*1..%d]->(x:Model) RETURN DISTINCT x
            }
            MATCH (x)-[d:DERIVED_FROM]->(p:Model)
            RETURN x.id AS child, p.id AS parent, coalesce(d.relation, 'UNKNOWN') AS relation,
                   coalesce(d.stages, []) AS stages
            """;

    private RelativesInStore() {
    }

    /** Descendants filtered by depth and downloads only (relation and stage filters need every link: see the caller). */
    static Page<Kin> descendants(TransactionContext tx, String id, KinFilter filter, int skip, int limit) {
        int depth = filter.maxDepth();
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("minDownloads", filter.minDownloads());
        params.put("skip", skip);
        params.put("limit", limit);
        long total = tx.run(COUNT.formatted(depth), params).single().get("total").asLong();
        List<String> ids = tx.run(PAGE.formatted(depth), params).list(r -> r.get("id").asString());
        if (ids.isEmpty()) {
            return new Page<>(total, List.of());
        }
        LineageQueries.Walk walk = LineageQueries.walk(ancestry(tx, ids, depth, true), id, depth, Integer.MAX_VALUE);
        Map<String, Record> nodes = LineageQueries.nodes(tx, ids);
        return new Page<>(total, ids.stream().map(k -> LineageQueries.kin(k, walk.hops().get(k), nodes.get(k))).toList());
    }

    /** Ancestors are few (a lineage is shallow), so all of them are walked, filtered and sorted here. */
    static Page<Kin> ancestors(TransactionContext tx, String id, KinFilter filter, Comparator<Kin> order, int skip,
            int limit) {
        LineageQueries.Walk walk = LineageQueries.walk(ancestry(tx, List.of(id), filter.maxDepth(), false), id,
                filter.maxDepth(), Integer.MAX_VALUE);
        Map<String, Record> nodes = LineageQueries.nodes(tx, new ArrayList<>(walk.hops().keySet()));
        List<Kin> kept = walk.hops().entrySet().stream()
                .map(e -> LineageQueries.kin(e.getKey(), e.getValue(), nodes.get(e.getKey())))
                .filter(filter::keeps)
                .sorted(order)
                .toList();
        int from = Math.min(skip, kept.size());
        int to = (int) Math.min((long) from + limit, kept.size());
        return new Page<>(kept.size(), kept.subList(from, to));
    }

    /**
     * The links among {@code ids} and their ancestors, as a walk step: downwards (parent to
     * child) or upwards (child to parent), ordered by {@code from} then {@code to} like the
     * generation queries, so the walk picks the same {@code via}.
     */
    private static LineageQueries.Step ancestry(TransactionContext tx, List<String> ids, int depth, boolean down) {
        Map<String, List<LineageQueries.Link>> out = new HashMap<>();
        tx.run(ANCESTRY.formatted(depth), Map.of("ids", ids)).forEachRemaining(r -> {
            String child = r.get("child").asString();
            String parent = r.get("parent").asString();
            String from = down ? parent : child;
            out.computeIfAbsent(from, k -> new ArrayList<>()).add(new LineageQueries.Link(from, down ? child : parent,
                    r.get("relation").asString(), strings(r.get("stages"))));
        });
        out.values().forEach(links -> links.sort(Comparator.comparing(LineageQueries.Link::to)));
        return frontier -> frontier.stream().sorted()
                .flatMap(from -> out.getOrDefault(from, List.of()).stream())
                .toList();
    }
}
