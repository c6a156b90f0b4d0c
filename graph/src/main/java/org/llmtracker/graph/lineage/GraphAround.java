package org.llmtracker.graph.lineage;

import static org.llmtracker.graph.store.DriverValues.number;
import static org.llmtracker.graph.store.DriverValues.string;
import static org.llmtracker.graph.store.DriverValues.strings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.llmtracker.graph.model.Page;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

/**
 * Builds a {@link LineageGraph}. Descendants are chosen most downloaded first (the same page the
 * descendants list serves, fast however large the family), each with the chain of models that
 * joins it to the model asked about, until the node budget is spent: a family of 300,000 gives
 * the few hundred models people look for, connected, instead of the first few hundred of a
 * breadth-first walk.
 */
final class GraphAround {

    private static final String SELF = """
            MATCH (m:Model {id: $id})
            RETURN m.name AS name, m.downloads AS downloads, coalesce(m.catalogued, false) AS catalogued
            """;

    /** Every link out of the models shown: links among them, and the other parents of merges. */
    private static final String LINKS = """
            UNWIND $ids AS id
            MATCH (c:Model {id: id})-[d:DERIVED_FROM]->(p:Model)
            RETURN c.id AS child, p.id AS parent, coalesce(d.relation, 'UNKNOWN') AS relation,
                   coalesce(d.stages, []) AS stages, coalesce(d.sources, []) AS sources, d.confidence AS confidence,
                   p.name AS name, p.downloads AS downloads, coalesce(p.catalogued, false) AS catalogued
            """;

    private static final Comparator<Relative> NEAREST_FIRST = Comparator.comparingInt(Relative::depth)
            .thenComparing(Relative::id);

    private GraphAround() {
    }

    static Optional<LineageGraph> graph(TransactionContext tx, String id, int depth, int maxNodes) {
        Record self = tx.run(SELF, Map.of("id", id)).stream().findFirst().orElse(null);
        if (self == null) {
            return Optional.empty();
        }
        Map<String, LineageGraph.Node> nodes = new LinkedHashMap<>();
        nodes.put(id, new LineageGraph.Node(id, string(self.get("name")), number(self.get("downloads")),
                self.get("catalogued").asBoolean(), "self", 0));
        List<Relative> ancestors = AncestorLines.ancestors(tx, id, RelativeFilter.depth(LineageQueries.MAX_PATH_LENGTH),
                NEAREST_FIRST, 0, Integer.MAX_VALUE).items();
        for (Relative a : ancestors) {
            if (nodes.size() >= maxNodes) {
                break;
            }
            nodes.put(a.id(), new LineageGraph.Node(a.id(), a.name(), a.downloads(), a.catalogued(), "ancestor", -a.depth()));
        }
        Page<Relative> top = RelativeQueries.descendants(tx, id, RelativeFilter.depth(depth), 0,
                Math.max(1, maxNodes - nodes.size()));
        Map<String, Relative> known = new HashMap<>();
        top.items().forEach(r -> known.put(r.id(), r));
        joiners(tx, id, depth, known);
        int shown = 0;
        for (Relative r : top.items()) {
            List<Relative> chain = chain(id, r, known, nodes);
            if (nodes.size() + chain.size() > maxNodes) {
                break;
            }
            for (Relative c : chain) {
                nodes.put(c.id(), new LineageGraph.Node(c.id(), c.name(), c.downloads(), c.catalogued(), "descendant",
                        c.depth()));
                shown++;
            }
        }
        List<LineageGraph.Link> links = new ArrayList<>();
        tx.run(LINKS, Map.of("ids", List.copyOf(nodes.keySet()))).list().forEach(r -> {
            String parent = r.get("parent").asString();
            if (!nodes.containsKey(parent)) {
                if (nodes.size() >= maxNodes) {
                    return;
                }
                nodes.put(parent, new LineageGraph.Node(parent, string(r.get("name")), number(r.get("downloads")),
                        r.get("catalogued").asBoolean(), "co-parent", null));
            }
            links.add(new LineageGraph.Link(r.get("child").asString(), parent, r.get("relation").asString(),
                    strings(r.get("stages")), strings(r.get("sources")),
                    r.get("confidence").isNull() ? null : r.get("confidence").asDouble()));
        });
        links.sort(Comparator.comparing(LineageGraph.Link::child).thenComparing(LineageGraph.Link::parent));
        return Optional.of(new LineageGraph(id, depth, List.copyOf(nodes.values()), links, shown, top.total()));
    }

    /** Reads the models that join the top descendants to the root, generation by generation upwards. */
    private static void joiners(TransactionContext tx, String id, int depth, Map<String, Relative> known) {
        for (int round = 0; round < depth; round++) {
            List<String> missing = known.values().stream().map(Relative::via)
                    .filter(via -> !via.equals(id) && !known.containsKey(via)).distinct().sorted().toList();
            if (missing.isEmpty()) {
                return;
            }
            RelativeQueries.members(tx, id, missing).forEach(r -> known.put(r.id(), r));
        }
    }

    /** {@code r} and the models between it and the root not yet shown, nearest the root first. */
    private static List<Relative> chain(String root, Relative r, Map<String, Relative> known,
            Map<String, LineageGraph.Node> shown) {
        List<Relative> chain = new ArrayList<>();
        for (Relative at = r; at != null && !shown.containsKey(at.id()); at = known.get(at.via())) {
            chain.add(0, at);
            if (at.via().equals(root) || chain.size() > known.size()) {
                break;
            }
        }
        return chain;
    }
}
