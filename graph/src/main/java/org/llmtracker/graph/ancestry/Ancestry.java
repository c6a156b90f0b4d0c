package org.llmtracker.graph.ancestry;

import static org.llmtracker.graph.store.DriverValues.strings;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.llmtracker.graph.lineage.LineageQueries;

/**
 * The ancestry index: a {@code DESCENDS_FROM} relationship from every model to each of its
 * ancestors, holding the shortest distance ({@code depth}), so "everything below LLaMA" is one
 * expansion or one degree read instead of a walk over hundreds of thousands of models. A model
 * with several parents (a merge) also records, per ancestor, which of its own links lie on a
 * shortest way there ({@code via}, {@code relation}, {@code relations}, {@code stages}); a model
 * with one parent reaches every ancestor through it, so its rows leave that to its one link.
 * Ancestors also carry the {@link KinCounts} of what lies below them.
 *
 * <p>Inferred links ({@link InferredLinks}) are links like any other here; a row that no path of
 * declared links alone reaches also says {@code inferredOnly: true}, and one that a longer declared
 * path reaches says its {@code declaredDepth}, so {@code evidence=declared} reads filter on the
 * same index.
 *
 * <p>The index is derived data. Every writer of {@code DERIVED_FROM} calls {@link #refresh} in
 * the same transaction with the children whose links it changed, so a reader never sees the
 * links and the index disagree. The models to recompute are those children and everything
 * below them; the index before the change already lists those descendants. Each is recomputed
 * exactly, breadth-first over the links inside that set; a path that leaves the set never
 * returns to it (a model outside is no descendant of a changed one), so beyond the set the
 * stored index of the first model outside is exact and is used as is.
 */
public final class Ancestry {

    private static final Logger log = LoggerFactory.getLogger(Ancestry.class);

    private static final int CHUNK = 10_000;

    /**
     * What recomputing a model needs, in one read: its element id (writes address nodes by it
     * rather than by a second index lookup per row), the models below it, its own rows (which
     * the {@link KinCounts} lose when they are cleared), and its parents with their own stored
     * rows (used when the parent lies outside the recomputed set).
     *
     * <p>The model and its parents are write-locked first, before anything of them is read. Two
     * writers whose changes meet (one links a model below another's recomputed set, or under a
     * parent whose rows the other rewrites) then run one after the other, and the second sees
     * the first's rows: without the lock, a crawler adding a child while a catalogue edit
     * re-roots its parent could leave the child's rows stale. Setting and removing a property
     * takes the lock and changes nothing.
     */
    private static final String FACTS = """
            UNWIND $ids AS id
            MATCH (m:Model {id: id})
            OPTIONAL MATCH (m)-[:DERIVED_FROM]->(p:Model)
            WITH id, m, collect(p) AS linked
            FOREACH (x IN [m] + linked | SET x.ancestryLock = true REMOVE x.ancestryLock)
            RETURN id, elementId(m) AS node, [(m)<-[:DESCENDS_FROM]-(d:Model) | d.id] AS below,
                   [(m)-[r:DESCENDS_FROM]->(a:Model) | {node: elementId(a), depth: r.depth, relations: r.relations,
                       stages: r.stages}] AS rows, m.ancestryCounted AS counted,
                   [(m)-[l:DERIVED_FROM]->(p:Model) | {id: p.id, node: elementId(p),
                       relation: coalesce(l.relation, 'UNKNOWN'), stages: coalesce(l.stages, []),
                       inferred: l.sources = ['inferred'],
                       up: [(p)-[r:DESCENDS_FROM]->(a:Model) | {id: a.id, node: elementId(a), depth: r.depth,
                            declared: CASE WHEN r.inferredOnly THEN null ELSE coalesce(r.declaredDepth, r.depth) END}]}] AS parents
            """;

    /** The stored rows of parents outside a recomputed set, each parent write-locked first (see {@link #FACTS}). */
    private static final String UP = """
            UNWIND $nodes AS node
            MATCH (p) WHERE elementId(p) = node
            SET p.ancestryLock = true REMOVE p.ancestryLock
            RETURN p.id AS id, [(p)-[r:DESCENDS_FROM]->(a:Model) | {id: a.id, node: elementId(a), depth: r.depth,
                   declared: CASE WHEN r.inferredOnly THEN null ELSE coalesce(r.declaredDepth, r.depth) END}] AS up
            """;

    /** Also marks the model for the licence verdicts, which follow its lineage (LicenseVerdicts). */
    private static final String CLEAR = """
            UNWIND $nodes AS node
            MATCH (m) WHERE elementId(m) = node
            SET m:LicenseStale
            WITH m
            MATCH (m)-[r:DESCENDS_FROM]->()
            DELETE r
            """;

    /**
     * A model with one parent: every row is reached through that parent, so a row holds its depth
     * only, and, where inferred links are on the way, how a declared-only path reaches the ancestor
     * ({@code inferredOnly}: none does; {@code declaredDepth}: a longer one does); the model keeps
     * what its rows were counted as.
     */
    private static final String WRITE_DEPTHS = """
            UNWIND $rows AS row
            MATCH (d) WHERE elementId(d) = row.node
            SET d.ancestryCounted = row.counted
            WITH d, row
            UNWIND range(0, size(row.ancestors) - 1) AS i
            MATCH (a) WHERE elementId(a) = row.ancestors[i]
            CREATE (d)-[r:DESCENDS_FROM {depth: row.depths[i]}]->(a)
            SET r += CASE WHEN row.declared IS NULL THEN {} ELSE row.declared[i] END
            """;

    /** A model with several parents: which of them lead to an ancestor depends on the ancestor. */
    private static final String WRITE_LINKS = """
            UNWIND $rows AS row
            MATCH (d) WHERE elementId(d) = row.node
            UNWIND row.ancestors AS x
            MATCH (a) WHERE elementId(a) = x.node
            CREATE (d)-[r:DESCENDS_FROM {depth: x.depth, via: x.via, relation: x.relation, relations: x.relations,
                                        stages: x.stages}]->(a)
            SET r += x.declared
            """;

    private static final String COUNTED = """
            MATCH (m:Model)
            WHERE m.descendants IS NOT NULL OR m.descendantDepth IS NOT NULL OR m:FamilyRoot
            RETURN elementId(m) AS node
            """;

    private static final String UNCOUNT = """
            UNWIND $nodes AS node
            MATCH (m) WHERE elementId(m) = node
            SET m += $none
            REMOVE m:FamilyRoot
            """;

    private static final String BUILT = "MATCH (s:IndexState {name: 'ancestry'}) RETURN s.version AS version";

    private static final String MARK_BUILT = "MERGE (s:IndexState {name: 'ancestry'}) SET s.version = $version";

    private static final String ALL_LINKS = """
            MATCH (c:Model)-[l:DERIVED_FROM]->(p:Model)
            RETURN c.id AS child, elementId(c) AS childNode, p.id AS parent, elementId(p) AS node,
                   coalesce(l.relation, 'UNKNOWN') AS relation, coalesce(l.stages, []) AS stages,
                   l.sources = ['inferred'] AS inferred
            """;

    /** Raised when what the index stores changes meaning, so stores built before are rebuilt at start. */
    private static final int VERSION = 2;

    private Ancestry() {
    }

    /**
     * Builds the index where it is missing: a store written before the index existed, or one
     * built by another version. Cheap when the index is current (one lookup). Runs before the
     * application serves, so the build is written in batches rather than one huge transaction.
     */
    public static void ensure(Graph graph) {
        Long built = graph.read(tx -> tx.run(BUILT).stream().findFirst()
                .map(r -> r.get("version").isNull() ? null : r.get("version").asLong()).orElse(null));
        if (built != null && built == VERSION) {
            return;
        }
        rebuild(graph);
    }

    /** Builds the whole index from the links, whatever the store says of it (after an import). */
    public static void rebuild(Graph graph) {
        long started = System.nanoTime();
        Facts facts = new Facts();
        graph.read(tx -> {
            tx.run(ALL_LINKS).forEachRemaining(r -> {
                String child = r.get("child").asString();
                facts.nodes.put(child, r.get("childNode").asString());
                facts.nodes.put(r.get("parent").asString(), r.get("node").asString());
                facts.parents.computeIfAbsent(child, k -> new ArrayList<>()).add(new Link(child,
                        r.get("parent").asString(), r.get("relation").asString(), strings(r.get("stages"))));
                if (r.get("inferred").asBoolean(false)) {
                    facts.inferred.add(child + ">" + r.get("parent").asString());
                }
            });
            return null;
        });
        // Every model with a parent is inside: every link is then inside the set.
        facts.inside.addAll(facts.parents.keySet());
        KinCounts counts = new KinCounts();
        Rows rows = rows(facts, counts);
        for (List<String> nodes : chunks(rows.cleared)) {
            graph.write(tx -> tx.run(CLEAR, Map.of("nodes", nodes)).consume());
        }
        List<String> counted = graph.read(tx -> tx.run(COUNTED).list(r -> r.get("node").asString()));
        for (List<String> nodes : chunks(counted)) {
            graph.write(tx -> tx.run(UNCOUNT, Map.of("nodes", nodes, "none", KinCounts.none())).consume());
        }
        for (List<Map<String, Object>> batch : chunks(rows.single, CHUNK)) {
            graph.write(tx -> {
                runInChunks(tx, WRITE_DEPTHS, batch, CHUNK / 4);
                return null;
            });
        }
        graph.write(tx -> {
            runInChunks(tx, WRITE_LINKS, rows.several, CHUNK / 4);
            counts.apply(tx);
            tx.run(MARK_BUILT, Map.of("version", VERSION)).consume();
            return null;
        });
        log.info("Ancestry index built for {} models in {} ms", facts.inside.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Recomputes the index for {@code changed} (models whose own DERIVED_FROM links were added,
     * removed or edited in this transaction) and everything below them.
     */
    public static void refresh(TransactionContext tx, Collection<String> changed) {
        if (changed.isEmpty()) {
            return;
        }
        Facts facts = new Facts();
        KinCounts counts = new KinCounts();
        Set<String> fresh = new LinkedHashSet<>(changed);
        while (!fresh.isEmpty()) {
            List<String> ids = List.copyOf(fresh);
            facts.inside.addAll(ids);
            Set<String> below = new LinkedHashSet<>();
            facts(tx, ids, facts, below, counts);
            below.removeAll(facts.inside);
            fresh = below;
        }
        facts.inside.retainAll(facts.nodes.keySet());
        changed.stream().map(facts.nodes::get).filter(java.util.Objects::nonNull).forEach(counts::check);
        Rows rows = rows(facts, counts);
        for (List<String> nodes : chunks(rows.cleared)) {
            tx.run(CLEAR, Map.of("nodes", nodes)).consume();
        }
        write(tx, rows, counts);
    }

    /** A link from a model created in this transaction, as its writer knows it, ends by element id. */
    public record NewLink(String child, String childNode, String parent, String parentNode, String relation,
            List<String> stages) {
    }

    /**
     * The index for models created in this transaction, linked by {@code links}: nothing is below
     * them (but each other), so they are all the recomputed set, and what {@link #refresh} reads per
     * model is known to the caller; only the parents outside the set are read, once each.
     */
    public static void index(TransactionContext tx, List<NewLink> links) {
        if (links.isEmpty()) {
            return;
        }
        Facts facts = new Facts();
        for (NewLink link : links) {
            facts.inside.add(link.child());
            facts.nodes.put(link.child(), link.childNode());
            facts.nodes.put(link.parent(), link.parentNode());
            facts.parents.computeIfAbsent(link.child(), k -> new ArrayList<>())
                    .add(new Link(link.child(), link.parent(), link.relation(), link.stages()));
        }
        List<String> outside = links.stream().filter(l -> !facts.inside.contains(l.parent())).map(NewLink::parentNode)
                .distinct().toList();
        for (List<String> chunk : chunks(outside)) {
            tx.run(UP, Map.of("nodes", chunk)).forEachRemaining(r -> up(r.get("id").asString(), r.get("up"), facts));
        }
        KinCounts counts = new KinCounts();
        Rows rows = rows(facts, counts);
        for (List<String> nodes : chunks(rows.cleared)) {
            tx.run(CLEAR, Map.of("nodes", nodes)).consume();
        }
        write(tx, rows, counts);
    }

    private static void write(TransactionContext tx, Rows rows, KinCounts counts) {
        runInChunks(tx, WRITE_DEPTHS, rows.single, CHUNK / 4);
        runInChunks(tx, WRITE_LINKS, rows.several, CHUNK / 4);
        counts.apply(tx);
    }

    /** A parent's stored rows, and how declared-only paths reach its ancestors. */
    private static void up(String parent, Value rows, Facts facts) {
        Map<String, Integer> up = new HashMap<>();
        Map<String, Integer> upDeclared = new HashMap<>();
        for (Value row : rows.values()) {
            facts.nodes.putIfAbsent(row.get("id").asString(), row.get("node").asString());
            up.put(row.get("id").asString(), row.get("depth").asInt());
            if (!row.get("declared").isNull()) {
                upDeclared.put(row.get("id").asString(), row.get("declared").asInt());
            }
            facts.inferredAbove |= row.get("declared").isNull() || row.get("declared").asInt() != row.get("depth").asInt();
        }
        facts.stored.put(parent, up);
        facts.storedDeclared.put(parent, upDeclared);
    }

    /** The recomputed set and what recomputing it needs: element ids, links, and stored rows of parents outside it. */
    private static final class Facts {
        final Map<String, String> nodes = new HashMap<>();
        final Map<String, List<Link>> parents = new HashMap<>();
        final Map<String, Map<String, Integer>> stored = new HashMap<>();
        /** Per parent outside the set: its ancestors' declared-only depths (absent: none reaches them). */
        final Map<String, Map<String, Integer>> storedDeclared = new HashMap<>();
        /** Inferred links, as "child>parent". */
        final Set<String> inferred = new HashSet<>();
        /** Whether a stored row of a parent outside the set has an inferred link on its shortest way. */
        boolean inferredAbove;
        final Set<String> inside = new LinkedHashSet<>();
    }

    /** What to write: the models whose rows are replaced, and their new rows. */
    private record Rows(List<String> cleared, List<Map<String, Object>> single, List<Map<String, Object>> several) {
    }

    /** The new rows of the recomputed set, each also counted under its ancestor. */
    private static Rows rows(Facts facts, KinCounts counts) {
        Map<String, Map<String, Integer>> distances = new HashMap<>();
        Map<String, Map<String, Integer>> declared = new HashMap<>();
        Map<String, List<Link>> declaredParents = declaredOnly(facts);
        for (String id : facts.inside) {
            distances.put(id, distances(id, facts.inside, facts.parents, facts.stored));
            // Without inferred links on the way, the declared-only paths are the paths: nothing more to store.
            declared.put(id, facts.inferred.isEmpty() && !facts.inferredAbove ? null
                    : distances(id, facts.inside, declaredParents, facts.storedDeclared));
        }
        List<Map<String, Object>> single = new ArrayList<>();
        List<Map<String, Object>> several = new ArrayList<>();
        for (String id : facts.inside) {
            Map<String, Integer> up = distances.get(id);
            if (up.isEmpty()) {
                continue;
            }
            List<Link> links = facts.parents.get(id);
            Map<String, Integer> byDeclared = declared.get(id);
            if (links.size() == 1) {
                Link only = links.get(0);
                List<String> ancestors = new ArrayList<>(up.size());
                List<Integer> depths = new ArrayList<>(up.size());
                List<Map<String, Object>> declaredFacts = new ArrayList<>(up.size());
                up.forEach((ancestor, depth) -> {
                    ancestors.add(facts.nodes.get(ancestor));
                    depths.add(depth);
                    declaredFacts.add(declaredFacts(depth, byDeclared == null ? depth : byDeclared.get(ancestor)));
                    counts.count(facts.nodes.get(ancestor), depth, List.of(only.relation()), only.stages(), +1);
                });
                Map<String, Object> row = new HashMap<>();
                row.put("node", facts.nodes.get(id));
                row.put("ancestors", ancestors);
                row.put("depths", depths);
                row.put("declared", declaredFacts.stream().allMatch(Map::isEmpty) ? null : declaredFacts);
                row.put("counted", KinCounts.Signature.encode(only.relation(), only.stages()));
                single.add(row);
            } else {
                List<Map<String, Object>> ancestors = new ArrayList<>(up.size());
                up.forEach((ancestor, depth) -> {
                    Map<String, Object> entry = new HashMap<>(entry(facts.nodes.get(ancestor), depth, links,
                            p -> p.equals(ancestor) ? Integer.valueOf(0)
                                    : (facts.inside.contains(p) ? distances.get(p) : facts.stored.getOrDefault(p, Map.of()))
                                            .get(ancestor)));
                    entry.put("declared", declaredFacts(depth, byDeclared == null ? depth : byDeclared.get(ancestor)));
                    ancestors.add(entry);
                    @SuppressWarnings("unchecked")
                    List<String> relations = (List<String>) entry.get("relations");
                    @SuppressWarnings("unchecked")
                    List<String> stages = (List<String>) entry.get("stages");
                    counts.count(facts.nodes.get(ancestor), depth, relations, stages, +1);
                });
                several.add(Map.of("node", facts.nodes.get(id), "ancestors", ancestors));
            }
        }
        return new Rows(facts.inside.stream().map(facts.nodes::get).toList(), single, several);
    }

    /** What a row says of declared-only paths: nothing when one is as short as any path. */
    private static Map<String, Object> declaredFacts(int depth, Integer declaredDepth) {
        if (declaredDepth == null) {
            return Map.of("inferredOnly", true);
        }
        return declaredDepth == depth ? Map.of() : Map.of("declaredDepth", declaredDepth);
    }

    /** The links of the recomputed set without the inferred ones. */
    private static Map<String, List<Link>> declaredOnly(Facts facts) {
        if (facts.inferred.isEmpty()) {
            return facts.parents;
        }
        Map<String, List<Link>> declared = new HashMap<>();
        facts.parents.forEach((child, links) -> declared.put(child,
                links.stream().filter(l -> !facts.inferred.contains(child + ">" + l.to())).toList()));
        return declared;
    }

    private static void facts(TransactionContext tx, List<String> ids, Facts facts, Set<String> below,
            KinCounts counts) {
        for (List<String> chunk : chunks(ids)) {
            tx.run(FACTS, Map.of("ids", chunk)).forEachRemaining(r -> {
                String id = r.get("id").asString();
                facts.nodes.put(id, r.get("node").asString());
                below.addAll(strings(r.get("below")));
                // Its rows are about to be cleared: what they counted goes.
                KinCounts.Signature counted = KinCounts.Signature.decode(r.get("counted").isNull() ? 0
                        : r.get("counted").asInt());
                for (Value row : r.get("rows").values()) {
                    counts.count(row.get("node").asString(), row.get("depth").asInt(),
                            row.get("relations").isNull() ? counted.relations() : strings(row.get("relations")),
                            row.get("stages").isNull() ? counted.stages() : strings(row.get("stages")), -1);
                }
                List<Link> links = new ArrayList<>();
                for (Value parent : r.get("parents").values()) {
                    String parentId = parent.get("id").asString();
                    facts.nodes.put(parentId, parent.get("node").asString());
                    links.add(new Link(id, parentId, parent.get("relation").asString(),
                            strings(parent.get("stages"))));
                    if (parent.get("inferred").asBoolean(false)) {
                        facts.inferred.add(id + ">" + parentId);
                    }
                    up(parentId, parent.get("up"), facts);
                }
                facts.parents.put(id, links);
            });
        }
    }

    private static void runInChunks(TransactionContext tx, String query, List<Map<String, Object>> rows, int size) {
        for (List<Map<String, Object>> chunk : chunks(rows, size)) {
            tx.run(query, Map.of("rows", chunk)).consume();
        }
    }

    /** Shortest distance from {@code start} to each ancestor (itself excluded, even in a cycle). */
    private static Map<String, Integer> distances(String start, Set<String> inside,
            Map<String, List<Link>> parents, Map<String, Map<String, Integer>> stored) {
        Map<String, Integer> best = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        seen.put(start, 0);
        queue.add(start);
        while (!queue.isEmpty()) {
            String node = queue.poll();
            int depth = seen.get(node);
            for (Link link : parents.getOrDefault(node, List.of())) {
                String parent = link.to();
                if (inside.contains(parent)) {
                    if (!seen.containsKey(parent)) {
                        seen.put(parent, depth + 1);
                        best.put(parent, depth + 1);
                        queue.add(parent);
                    }
                } else {
                    best.merge(parent, depth + 1, Math::min);
                    stored.getOrDefault(parent, Map.of())
                            .forEach((ancestor, k) -> best.merge(ancestor, depth + 1 + k, Math::min));
                }
            }
        }
        best.remove(start);
        return best;
    }

    /** The pair's row: the descendant's links whose parent lies one generation closer to the ancestor. */
    private static Map<String, Object> entry(String ancestorNode, int depth, List<Link> links,
            Function<String, Integer> distanceFromParent) {
        String via = null;
        String relation = null;
        TreeSet<String> relations = new TreeSet<>();
        TreeSet<String> stages = new TreeSet<>();
        for (Link link : links) {
            Integer d = distanceFromParent.apply(link.to());
            if (d == null || d != depth - 1) {
                continue;
            }
            if (via == null || link.to().compareTo(via) < 0) {
                via = link.to();
                relation = link.relation();
            }
            relations.add(link.relation());
            stages.addAll(link.stages());
        }
        if (via == null) {
            throw new IllegalStateException("No link of depth " + depth + " towards " + ancestorNode);
        }
        return Map.of("node", ancestorNode, "depth", depth, "via", via, "relation", relation,
                "relations", List.copyOf(relations), "stages", List.copyOf(stages));
    }

    private static List<List<String>> chunks(List<String> ids) {
        return chunks(ids, CHUNK);
    }

    static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(from + size, items.size())));
        }
        return chunks;
    }
}
