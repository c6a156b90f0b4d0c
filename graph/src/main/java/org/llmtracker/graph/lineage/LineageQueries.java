package org.llmtracker.graph.lineage;

import static org.llmtracker.graph.store.DriverValues.number;
import static org.llmtracker.graph.store.DriverValues.string;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.llmtracker.graph.model.Page;
import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.Record;
import org.llmtracker.graph.ancestry.Link;

/**
 * Lineage reads over {@code DERIVED_FROM}. Every answer reports each relative once, at its
 * shortest distance, so cycles, self-references and merges of merges all end. Descendants come
 * from the {@link Ancestry} index and ancestors from one upward expansion
 * ({@link RelativeQueries}); the path joins two models through their nearest common ancestor
 * ({@link CommonAncestorPath}); trees walk one query per generation, because a tree is a few
 * generations of what may be a very large family.
 */
public final class LineageQueries {

    private static final String NAME = "MATCH (m:Model {id: $id}) RETURN m.name AS name";

    private static final String PATH = """
            MATCH (a:Model {id: $from}), (b:Model {id: $to})
            MATCH p = shortestPath((a)-[:DERIVED_FROM*..%d]-(b))
            RETURN [n IN nodes(p) | {id: n.id, name: n.name}] AS nodes,
                   [r IN relationships(p) | {child: startNode(r).id, parent: endNode(r).id,
                                             relation: coalesce(r.relation, 'UNKNOWN')}] AS links
            """;

    /** The longest path searched; the bound must be a literal in Cypher, so it is fixed here. */
    public static final int MAX_PATH_LENGTH = 32;

    private static final String BOUNDED_PATH = PATH.formatted(MAX_PATH_LENGTH);

    /** The same over declared links only: the predicate is applied while searching, not to the one path found. */
    private static final String BOUNDED_DECLARED_PATH = BOUNDED_PATH.replace("\nRETURN",
            "\nWHERE all(r IN relationships(p) WHERE coalesce(r.sources, []) <> ['inferred'])\nRETURN");

    private final Graph graph;

    public LineageQueries(Graph graph) {
        this.graph = graph;
    }

    /**
     * Models that derive from {@code id}, directly or through others, filtered, sorted by
     * downloads (most first) then name, and paged.
     */
    public Page<Relative> descendants(String id, RelativeFilter filter, int skip, int limit) {
        checkPage(skip, limit);
        return graph.read(tx -> RelativeQueries.descendants(tx, id, filter, skip, limit));
    }

    /**
     * With {@code generations}, also the later versions of {@code id} and what derives from
     * them (see {@link Generations}); without, exactly {@link #descendants(String, RelativeFilter, int, int)}.
     */
    public Page<Relative> descendants(String id, RelativeFilter filter, int skip, int limit, boolean generations) {
        if (!generations) {
            return descendants(id, filter, skip, limit);
        }
        checkPage(skip, limit);
        return graph.read(tx -> Generations.descendants(tx, id, filter, skip, limit));
    }

    /**
     * The models deriving directly from {@code id}, by the relation of their link: how many, and the
     * first {@code limit} as {@link #descendants} orders them. Relations without children are absent.
     */
    public Map<String, Page<Relative>> childrenByRelation(String id, int limit) {
        checkPage(0, limit);
        return graph.read(tx -> Children.byRelation(tx, id, limit));
    }

    /** Models {@code id} derives from, directly or through others, nearest first. */
    public Page<Relative> ancestors(String id, RelativeFilter filter, int skip, int limit) {
        checkPage(skip, limit);
        return graph.read(tx -> AncestorLines.ancestors(tx, id, filter, BY_DEPTH_THEN_NAME, skip, limit));
    }

    /**
     * The derivation tree below {@code id}, {@code depth} generations deep and at most
     * {@code maxNodes} models wide; empty when the model does not exist.
     */
    public Optional<Tree> tree(String id, int depth, int maxNodes) {
        if (depth < 0 || maxNodes < 1) {
            throw new IllegalArgumentException("depth must be >= 0 and maxNodes >= 1");
        }
        return graph.read(tx -> TreeWalk.tree(tx, id, depth, maxNodes));
    }

    /** Following declared links only when {@code declared} ({@code evidence=declared}). */
    public Optional<Tree> tree(String id, int depth, int maxNodes, boolean generations, boolean declared) {
        if (depth < 0 || maxNodes < 1) {
            throw new IllegalArgumentException("depth must be >= 0 and maxNodes >= 1");
        }
        return graph.read(tx -> generations ? GenerationTree.tree(tx, id, depth, maxNodes, declared)
                : TreeWalk.tree(tx, id, depth, maxNodes, Set.of(), declared));
    }

    /** With {@code generations}, the later versions hang below the version they succeed, each with its own tree. */
    public Optional<Tree> tree(String id, int depth, int maxNodes, boolean generations) {
        return tree(id, depth, maxNodes, generations, false);
    }

    /**
     * The lineage around {@code id} to draw: its ancestors, its most downloaded descendants down
     * to {@code depth} with the models joining them to it, and the links among them, at most
     * {@code maxNodes} models in all; empty when the model does not exist.
     */
    public Optional<LineageGraph> graph(String id, int depth, int maxNodes) {
        if (depth < 1 || maxNodes < 1) {
            throw new IllegalArgumentException("depth and maxNodes must be at least 1");
        }
        return graph.read(tx -> GraphAround.graph(tx, id, depth, maxNodes));
    }

    /**
     * The lineage path between two models: through their nearest common ancestor, or straight
     * up when one derives from the other; when they share no ancestor (a merge can join two
     * families), the shortest path following links either way. Empty when nothing joins them.
     */
    public Optional<LineagePath> path(String from, String to) {
        return path(from, to, false);
    }

    /** The same, following declared links only when {@code declared} ({@code evidence=declared}). */
    public Optional<LineagePath> path(String from, String to, boolean declared) {
        return graph.read(tx -> {
            if (from.equals(to)) {
                return tx.run(NAME, Map.of("id", from)).stream().findFirst()
                        .map(r -> new LineagePath(0, List.of(new LineagePath.Step(from, string(r.get("name")))), List.of()));
            }
            Optional<LineagePath> kinship = CommonAncestorPath.find(tx, from, to, declared);
            if (kinship.isPresent()) {
                return kinship;
            }
            return tx.run(declared ? BOUNDED_DECLARED_PATH : BOUNDED_PATH, Map.of("from", from, "to", to)).stream().findFirst().map(r -> new LineagePath(
                    r.get("links").size(),
                    r.get("nodes").asList(n -> new LineagePath.Step(n.get("id").asString(), string(n.get("name")))),
                    r.get("links").asList(l -> new LineagePath.Link(l.get("child").asString(),
                            l.get("parent").asString(), l.get("relation").asString()))));
        });
    }

    private static void checkPage(int skip, int limit) {
        if (skip < 0 || limit < 1) {
            throw new IllegalArgumentException("skip must be >= 0 and limit >= 1, got " + skip + ", " + limit);
        }
    }

    private static final Comparator<Relative> BY_DEPTH_THEN_NAME = Comparator.comparingInt(Relative::depth)
            .thenComparing(k -> k.name() == null ? k.id() : k.name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Relative::id);

    /** Breadth-first over one direction of DERIVED_FROM; each model is entered once, at its shortest distance. */
    static Walk walk(Step step, String start, int maxDepth, int maxNodes) {
        Map<String, Hop> hops = new LinkedHashMap<>();
        List<String> frontier = List.of(start);
        boolean truncated = false;
        for (int depth = 1; depth <= maxDepth && !frontier.isEmpty() && !truncated; depth++) {
            List<String> next = new ArrayList<>();
            for (Link row : step.links(frontier)) {
                String to = row.to();
                if (to.equals(start)) {
                    continue;
                }
                Hop hop = hops.get(to);
                if (hop == null) {
                    if (hops.size() >= maxNodes) {
                        truncated = true;
                        continue;
                    }
                    hop = new Hop(depth, row.from(), row.relation());
                    hops.put(to, hop);
                    next.add(to);
                } else if (hop.depth != depth) {
                    continue;
                }
                hop.relations.add(row.relation());
                hop.stages.addAll(row.stages());
            }
            frontier = next;
        }
        return new Walk(hops, truncated);
    }

    /** One generation of a walk: the links out of the frontier, ordered by {@code from} then {@code to}. */
    @FunctionalInterface
    interface Step {
        List<Link> links(List<String> frontier);
    }


    /** An ancestor from its walk hop, its own facts and the link that reaches it (its sources and confidence). */
    static Relative kin(String id, Hop hop, Record node, Record link) {
        return new Relative(id, string(node.get("name")), string(node.get("kind")), hop.depth, hop.relation,
                List.copyOf(hop.relations), List.copyOf(hop.stages), hop.via, number(node.get("downloads")),
                number(node.get("likes")), node.get("catalogued").asBoolean(), null,
                link == null ? List.of() : link.get("sources").asList(org.neo4j.driver.Value::asString),
                link == null || link.get("confidence").isNull() ? null : link.get("confidence").asDouble());
    }

    /** A tree and whether the node limit cut it short. */
    public record Tree(TreeNode root, int nodes, boolean truncated) {
    }

    record Walk(Map<String, Hop> hops, boolean truncated) {
    }

    static final class Hop {
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
}
