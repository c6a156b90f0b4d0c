package org.llmtracker.graph.ancestry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.lineage.LineageQueries;
import org.llmtracker.graph.lineage.RelativeFilter;

/** Holds the ancestry index to a breadth-first walk over the links as they stand. */
public final class IndexCheck {

    /** The depth the reads below are asked to, and the walk goes to. */
    private static final int MAX_DEPTH = 20;

    private static final String COUNTS = """
            UNWIND $ids AS id
            MATCH (m:Model {id: id})
            RETURN id, [k IN $keys WHERE m[k] IS NOT NULL | k + '=' + toString(m[k])] AS counts,
                   coalesce(m.descendantsByDepth, []) AS byDepth, m.descendantDepth AS deepest, m:FamilyRoot AS root
            """;

    private IndexCheck() {
    }

    /** A descendant as the breadth-first walk first reaches it: depth, the smallest parent on a shortest way, and every link's facts there. */
    private static final class Hop {
        final int depth;
        final String via;
        final String relation;
        final TreeSet<String> relations = new TreeSet<>();
        final TreeSet<String> stages = new TreeSet<>();

        Hop(int depth, String via, String relation) {
            this.depth = depth;
            this.via = via;
            this.relation = relation;
        }
    }

    /** Breadth-first down the links from {@code start}, generation by generation, in id order; each model once. */
    private static Map<String, Hop> walk(Map<String, List<Link>> childrenOf, String start) {
        Map<String, Hop> hops = new LinkedHashMap<>();
        List<String> frontier = List.of(start);
        for (int depth = 1; depth <= MAX_DEPTH && !frontier.isEmpty(); depth++) {
            List<String> next = new ArrayList<>();
            for (String from : frontier.stream().sorted().toList()) {
                for (Link link : childrenOf.getOrDefault(from, List.of())) {
                    if (link.to().equals(start)) {
                        continue;
                    }
                    Hop hop = hops.get(link.to());
                    if (hop == null) {
                        hop = new Hop(depth, from, link.relation());
                        hops.put(link.to(), hop);
                        next.add(link.to());
                    } else if (hop.depth != depth) {
                        continue;
                    }
                    hop.relations.add(link.relation());
                    hop.stages.addAll(link.stages());
                }
            }
            frontier = next;
        }
        return hops;
    }

    /** What {@link KinCounts} keeps on each model, as text: counts by name, by depth, the deepest, the family label. */
    private static Map<String, String> counts(Graph graph, List<String> ids) {
        Map<String, String> counts = new HashMap<>();
        graph.read(tx -> tx.run(COUNTS, Map.of("ids", ids, "keys", KinCounts.KEYS)).list()).forEach(r -> counts.put(
                r.get("id").asString(), new TreeSet<>(r.get("counts").asList(v -> v.asString())) + " by depth "
                        + r.get("byDepth").asList(v -> v.asLong()) + " deepest "
                        + (r.get("deepest").isNull() ? 0 : r.get("deepest").asInt()) + " root " + r.get("root").asBoolean()));
        return counts;
    }

    /** The same, counted over a breadth-first walk. */
    private static String expectedCounts(Map<String, Hop> walk, boolean hasParent) {
        Map<String, Long> byKey = new HashMap<>();
        List<Long> byDepth = new ArrayList<>();
        walk.values().forEach(hop -> {
            byKey.merge(KinCounts.TOTAL, 1L, Long::sum);
            hop.relations.forEach(r -> byKey.merge(KinCounts.RELATION_PREFIX + r, 1L, Long::sum));
            hop.stages.forEach(s -> byKey.merge(KinCounts.STAGE_PREFIX + s, 1L, Long::sum));
            hop.relations.forEach(r -> hop.stages.forEach(s -> byKey.merge(KinCounts.pair(r, s), 1L, Long::sum)));
            while (byDepth.size() < hop.depth) {
                byDepth.add(0L);
            }
            byDepth.set(hop.depth - 1, byDepth.get(hop.depth - 1) + 1);
        });
        java.util.TreeSet<String> counts = new TreeSet<>();
        byKey.forEach((k, v) -> counts.add(k + "=" + v));
        return counts + " by depth " + byDepth + " deepest " + byDepth.size() + " root "
                + (!hasParent && !walk.isEmpty());
    }

    private static boolean hasParent(Map<String, List<Link>> childrenOf, String id) {
        return childrenOf.values().stream().flatMap(List::stream).anyMatch(l -> l.to().equals(id));
    }

    public static void assertIndexAgreesWithTheLinks(Graph graph, List<String> ids) {
        Map<String, List<Link>> childrenOf = new HashMap<>();
        graph.read(tx -> tx.run("""
                MATCH (c:Model)-[d:DERIVED_FROM]->(p:Model)
                RETURN c.id AS child, p.id AS parent, coalesce(d.relation, 'UNKNOWN') AS relation,
                       coalesce(d.stages, []) AS stages
                """).list()).forEach(r -> childrenOf.computeIfAbsent(r.get("parent").asString(), k -> new ArrayList<>())
                .add(new Link(r.get("parent").asString(), r.get("child").asString(),
                        r.get("relation").asString(), r.get("stages").asList(v -> v.asString()))));
        childrenOf.values().forEach(links -> links.sort(Comparator.comparing(Link::to)));
        LineageQueries queries = new LineageQueries(graph);
        Map<String, String> counts = counts(graph, ids);
        for (String id : ids) {
            Map<String, Hop> walk = walk(childrenOf, id);
            Map<String, String> expected = new HashMap<>();
            walk.forEach((kin, hop) -> expected.put(kin, hop.depth + " via " + hop.via + " " + hop.relation
                    + " " + hop.relations + " " + hop.stages));
            Map<String, String> actual = new HashMap<>();
            queries.descendants(id, RelativeFilter.depth(MAX_DEPTH), 0, 200).items().forEach(k -> actual.put(k.id(),
                    k.depth() + " via " + k.via() + " " + k.relation() + " " + k.relations() + " " + k.stages()));
            assertThat(actual).as("descendants of %s", id).isEqualTo(expected);
            long quantized = walk.values().stream().filter(h -> h.relations.contains("QUANTIZED")).count();
            assertThat(queries.descendants(id, new RelativeFilter(Relation.QUANTIZED, null, MAX_DEPTH, null), 0, 1).total())
                    .as("quantized descendants of %s", id).isEqualTo(quantized);
            assertThat(counts.get(id)).as("counts kept on %s", id).isEqualTo(expectedCounts(walk, hasParent(childrenOf, id)));
        }
    }

}
