package org.llmtracker.graph.ancestry;

import static org.llmtracker.graph.store.DriverValues.strings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * The ancestry index's Cypher, in one place: what recomputing a set of models reads, and how rows
 * are cleared and written. Rows address nodes by element id (no second index lookup per row).
 */
final class AncestryStatements {

    static final int CHUNK = 10_000;

    /**
     * What recomputing a model needs, in one read: its element id, the models below it, its own rows
     * (which the {@link KinCounts} lose when they are cleared), and its parents with their own stored
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

    private AncestryStatements() {
    }

    /**
     * Reads what recomputing {@code ids} needs into {@code plan}, their element ids into
     * {@code nodes}, the models below them into {@code below}, and subtracts their current rows
     * from {@code counts} (they are about to be cleared).
     */
    static void facts(TransactionContext tx, List<String> ids, AncestryPlan plan, Map<String, String> nodes,
            Set<String> below, KinCounts counts) {
        for (List<String> chunk : chunks(ids, CHUNK)) {
            tx.run(FACTS, Map.of("ids", chunk)).forEachRemaining(r -> {
                String id = r.get("id").asString();
                nodes.put(id, r.get("node").asString());
                below.addAll(strings(r.get("below")));
                KinCounts.Signature counted = KinCounts.Signature.decode(r.get("counted").isNull() ? 0
                        : r.get("counted").asInt());
                for (Value row : r.get("rows").values()) {
                    counts.count(row.get("node").asString(), row.get("depth").asInt(),
                            row.get("relations").isNull() ? counted.relations() : strings(row.get("relations")),
                            row.get("stages").isNull() ? counted.stages() : strings(row.get("stages")), -1);
                }
                plan.noLinks(id);
                for (Value parent : r.get("parents").values()) {
                    String parentId = parent.get("id").asString();
                    nodes.put(parentId, parent.get("node").asString());
                    plan.link(new Link(id, parentId, parent.get("relation").asString(), strings(parent.get("stages"))),
                            parent.get("inferred").asBoolean(false));
                    above(parentId, parent.get("up"), plan, nodes);
                }
            });
        }
    }

    /** The stored rows of parents (element ids) outside the recomputed set, into {@code plan}. */
    static void up(TransactionContext tx, List<String> parentNodes, AncestryPlan plan, Map<String, String> nodes) {
        for (List<String> chunk : chunks(parentNodes, CHUNK)) {
            tx.run(UP, Map.of("nodes", chunk)).forEachRemaining(r -> above(r.get("id").asString(), r.get("up"), plan,
                    nodes));
        }
    }

    private static void above(String parent, Value rows, AncestryPlan plan, Map<String, String> nodes) {
        Map<String, Integer> up = new HashMap<>();
        Map<String, Integer> declared = new HashMap<>();
        for (Value row : rows.values()) {
            String ancestor = row.get("id").asString();
            nodes.putIfAbsent(ancestor, row.get("node").asString());
            up.put(ancestor, row.get("depth").asInt());
            if (!row.get("declared").isNull()) {
                declared.put(ancestor, row.get("declared").asInt());
            }
        }
        plan.above(parent, up, declared);
    }

    static void clear(TransactionContext tx, List<String> nodes) {
        for (List<String> chunk : chunks(nodes, CHUNK)) {
            tx.run(CLEAR, Map.of("nodes", chunk)).consume();
        }
    }

    /** Writes the rows of {@code models}, each also counted under its ancestor in {@code counts}. */
    static void write(TransactionContext tx, List<AncestryPlan.ModelRows> models, Map<String, String> nodes,
            KinCounts counts) {
        List<Map<String, Object>> single = new ArrayList<>();
        List<Map<String, Object>> several = new ArrayList<>();
        for (AncestryPlan.ModelRows model : models) {
            count(model, nodes, counts);
            if (model.only() != null) {
                single.add(single(model, nodes));
            } else {
                several.add(several(model, nodes));
            }
        }
        runInChunks(tx, WRITE_DEPTHS, single, CHUNK / 4);
        runInChunks(tx, WRITE_LINKS, several, CHUNK / 4);
    }

    static void count(AncestryPlan.ModelRows model, Map<String, String> nodes, KinCounts counts) {
        for (AncestryPlan.AncestorRow row : model.rows()) {
            counts.count(nodes.get(row.ancestor()), row.depth(), row.relations(), row.stages(), +1);
        }
    }

    private static Map<String, Object> single(AncestryPlan.ModelRows model, Map<String, String> nodes) {
        List<String> ancestors = new ArrayList<>(model.rows().size());
        List<Integer> depths = new ArrayList<>(model.rows().size());
        List<Map<String, Object>> declared = new ArrayList<>(model.rows().size());
        boolean anyDeclared = false;
        for (AncestryPlan.AncestorRow row : model.rows()) {
            ancestors.add(nodes.get(row.ancestor()));
            depths.add(row.depth());
            Map<String, Object> facts = declaredFacts(row);
            anyDeclared |= !facts.isEmpty();
            declared.add(facts);
        }
        Map<String, Object> row = new HashMap<>();
        row.put("node", nodes.get(model.id()));
        row.put("ancestors", ancestors);
        row.put("depths", depths);
        row.put("declared", anyDeclared ? declared : null);
        row.put("counted", KinCounts.Signature.encode(model.only().relation(), model.only().stages()));
        return row;
    }

    private static Map<String, Object> several(AncestryPlan.ModelRows model, Map<String, String> nodes) {
        List<Map<String, Object>> ancestors = new ArrayList<>(model.rows().size());
        for (AncestryPlan.AncestorRow row : model.rows()) {
            ancestors.add(Map.of("node", nodes.get(row.ancestor()), "depth", row.depth(), "via", row.via(),
                    "relation", row.relation(), "relations", row.relations(), "stages", row.stages(),
                    "declared", declaredFacts(row)));
        }
        return Map.of("node", nodes.get(model.id()), "ancestors", ancestors);
    }

    /** What a row says of declared-only paths: nothing when one is as short as any path. */
    private static Map<String, Object> declaredFacts(AncestryPlan.AncestorRow row) {
        if (row.declaredDepth() == null) {
            return Map.of("inferredOnly", true);
        }
        return row.declaredDepth() == row.depth() ? Map.of() : Map.of("declaredDepth", row.declaredDepth());
    }

    private static void runInChunks(TransactionContext tx, String query, List<Map<String, Object>> rows, int size) {
        for (List<Map<String, Object>> chunk : chunks(rows, size)) {
            tx.run(query, Map.of("rows", chunk)).consume();
        }
    }

    static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(from + size, items.size())));
        }
        return chunks;
    }
}
