package org.llmtracker.graph.lineage;

import static org.llmtracker.graph.store.DriverValues.number;
import static org.llmtracker.graph.store.DriverValues.string;
import static org.llmtracker.graph.store.DriverValues.strings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.llmtracker.graph.ancestry.Link;

/**
 * The derivation tree below a model, one query per generation, then one for what the tree shows
 * of the models it kept. A generation of a large family is tens of thousands of rows, of which a
 * capped tree keeps a few hundred, so a generation's rows carry the links only: the frontier goes
 * in as element ids (a direct lookup, not an index seek each) and comes back as positions, and
 * the rows come unsorted, grouped here by parent, which the walk then visits in id order (so the
 * parent that reaches a merge first is the one with the smallest id, as in every other lineage
 * answer). Names, downloads and child counts are read for the kept models only.
 */
final class TreeWalk {

    private static final String ROOT = """
            MATCH (m:Model {id: $id})
            RETURN elementId(m) AS node, m.name AS name, m.downloads AS downloads,
                   COUNT { (m)<-[:DERIVED_FROM]-() } AS children
            """;

    private static final String CHILDREN = """
            UNWIND range(0, size($nodes) - 1) AS from
            MATCH (f) WHERE elementId(f) = $nodes[from]
            MATCH (c)-[d:DERIVED_FROM]->(f)
            RETURN from, c.id AS to, elementId(c) AS node, coalesce(d.relation, 'UNKNOWN') AS relation,
                   coalesce(d.stages, []) AS stages
            """;

    private static final String FACTS = """
            UNWIND $nodes AS node
            MATCH (c) WHERE elementId(c) = node
            RETURN c.id AS id, c.name AS name, c.downloads AS downloads, COUNT { (c)<-[:DERIVED_FROM]-() } AS children
            """;

    /** {@code evidence=declared}: inferred links are not followed, nor counted as children. */
    private static final String CHILDREN_DECLARED = CHILDREN
            .replace("MATCH (c)-[d:DERIVED_FROM]->(f)", "MATCH (c)-[d:DERIVED_FROM]->(f)\nWHERE coalesce(d.sources, []) <> ['inferred']");

    private static final String FACTS_DECLARED = FACTS
            .replace("COUNT { (c)<-[:DERIVED_FROM]-() }", "COUNT { (c)<-[k:DERIVED_FROM]-() WHERE coalesce(k.sources, []) <> ['inferred'] }");

    private static final String ROOT_DECLARED = ROOT
            .replace("COUNT { (m)<-[:DERIVED_FROM]-() }", "COUNT { (m)<-[k:DERIVED_FROM]-() WHERE coalesce(k.sources, []) <> ['inferred'] }");

    private static final Comparator<TreeNode> MOST_DOWNLOADED_FIRST = Comparator
            .comparing((TreeNode t) -> t.downloads() == null ? -1L : t.downloads(), Comparator.reverseOrder())
            .thenComparing(TreeNode::id);

    /** What a tree node shows of a model besides its place in the tree. */
    private record Facts(String name, Long downloads, long children) {
    }

    private TreeWalk() {
    }

    static Optional<LineageQueries.Tree> tree(TransactionContext tx, String id, int depth, int maxNodes) {
        return tree(tx, id, depth, maxNodes, Set.of(), false);
    }

    /**
     * The tree below {@code id}, leaving out the models in {@code shown} (already in another tree of
     * the answer), following declared links only when {@code declared}.
     */
    static Optional<LineageQueries.Tree> tree(TransactionContext tx, String id, int depth, int maxNodes,
            Set<String> shown, boolean declared) {
        Record root = tx.run(declared ? ROOT_DECLARED : ROOT, Map.of("id", id)).stream().findFirst().orElse(null);
        if (root == null) {
            return Optional.empty();
        }
        Map<String, Facts> facts = new HashMap<>();
        Map<String, String> elementIds = new HashMap<>();
        facts.put(id, new Facts(string(root.get("name")), number(root.get("downloads")), root.get("children").asLong()));
        elementIds.put(id, root.get("node").asString());
        LineageQueries.Walk walk = LineageQueries.walk(frontier -> {
            List<List<Link>> byParent = new ArrayList<>(frontier.size());
            frontier.forEach(f -> byParent.add(new ArrayList<>(2)));
            tx.run(declared ? CHILDREN_DECLARED : CHILDREN, Map.of("nodes", frontier.stream().map(elementIds::get).toList()))
                    .forEachRemaining(r -> {
                int from = r.get("from").asInt();
                String to = r.get("to").asString();
                if (shown.contains(to)) {
                    return;
                }
                elementIds.putIfAbsent(to, r.get("node").asString());
                byParent.get(from).add(new Link(frontier.get(from), to, r.get("relation").asString(),
                        strings(r.get("stages"))));
            });
            List<Integer> order = new ArrayList<>(frontier.size());
            for (int i = 0; i < frontier.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparing(frontier::get));
            List<Link> links = new ArrayList<>();
            for (int i : order) {
                List<Link> children = byParent.get(i);
                if (children.size() > 1) {
                    children.sort(Comparator.comparing(Link::to));
                }
                links.addAll(children);
            }
            return links;
        }, id, depth, maxNodes - 1);
        tx.run(declared ? FACTS_DECLARED : FACTS, Map.of("nodes", walk.hops().keySet().stream().map(elementIds::get).toList()))
                .forEachRemaining(r -> facts.put(r.get("id").asString(), new Facts(string(r.get("name")),
                        number(r.get("downloads")), r.get("children").asLong())));
        Map<String, List<String>> childrenOf = new HashMap<>();
        walk.hops().forEach((child, hop) -> childrenOf.computeIfAbsent(hop.via, k -> new ArrayList<>(2)).add(child));
        return Optional.of(new LineageQueries.Tree(build(id, null, walk, facts, childrenOf), walk.hops().size() + 1,
                walk.truncated()));
    }

    private static TreeNode build(String id, LineageQueries.Hop hop, LineageQueries.Walk walk, Map<String, Facts> facts,
            Map<String, List<String>> childrenOf) {
        List<String> below = childrenOf.get(id);
        List<TreeNode> children = List.of();
        if (below != null) {
            List<TreeNode> built = new ArrayList<>(below.size());
            for (String child : below) {
                built.add(build(child, walk.hops().get(child), walk, facts, childrenOf));
            }
            built.sort(MOST_DOWNLOADED_FIRST);
            children = Collections.unmodifiableList(built);
        }
        Facts node = facts.get(id);
        return new TreeNode(id, node.name(), hop == null ? null : hop.relation,
                hop == null || hop.stages.isEmpty() ? List.of() : List.copyOf(hop.stages), node.downloads(),
                node.children(), children);
    }
}
