package org.llmtracker.graph.ancestry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;
import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * What the ancestry index holds under each ancestor, counted on the ancestor itself, so a filtered
 * total or a list of families is a property read instead of an expansion of hundreds of thousands
 * of rows: {@code descendants} (its rows), {@code descendantsByDepth} (rows at depth 1, 2, ...),
 * {@code descendantDepth} (the deepest), {@code byRelation.<RELATION>} and {@code byStage.<STAGE>}
 * (rows whose relations or stages name it, as the relation and stage filters read them), and
 * {@code byRelationStage.<RELATION>.<STAGE>} (rows naming both, as the two filters together read
 * them: counting "the SFT fine-tunes of a root" from its rows took 3 s at 1M models). A model
 * with no parent and at least one descendant heads a family and carries the {@code FamilyRoot}
 * label.
 *
 * <p>{@link Ancestry} keeps the counts exact in the transaction that rewrites rows: every row it
 * clears is subtracted and every row it writes added. A model with one parent keeps what its rows
 * were counted as on itself ({@code ancestryCounted}, a {@link Signature}), since its rows leave
 * relation and stages to its link, and the link may have changed by the time the rows are cleared.
 */
public final class KinCounts {

    static final String TOTAL = "descendants";
    static final String BY_DEPTH = "descendantsByDepth";
    static final String DEEPEST = "descendantDepth";
    public static final String RELATION_PREFIX = "byRelation.";
    public static final String STAGE_PREFIX = "byStage.";
    public static final String PAIR_PREFIX = "byRelationStage.";

    /** Every count kept by name, in a fixed order. */
    static final List<String> KEYS = keys();

    /**
     * The ancestors' counts, each ancestor write-locked before it is read (as {@link Ancestry}
     * locks the models it recomputes), so two writers adding below one ancestor add up.
     */
    private static final String READ = """
            UNWIND $nodes AS node
            MATCH (a) WHERE elementId(a) = node
            SET a.ancestryLock = true REMOVE a.ancestryLock
            RETURN node, coalesce(a.descendantsByDepth, []) AS byDepth, [k IN $keys | coalesce(a[k], 0)] AS counts,
                   EXISTS { (a)-[:DERIVED_FROM]->() } AS linked
            """;

    private static final String WRITE = """
            UNWIND $rows AS row
            MATCH (a) WHERE elementId(a) = row.node
            SET a += row.counts
            FOREACH (_ IN CASE WHEN row.root THEN [1] ELSE [] END | SET a:FamilyRoot)
            FOREACH (_ IN CASE WHEN row.root THEN [] ELSE [1] END | REMOVE a:FamilyRoot)
            """;

    /**
     * The relation and stages a single-parent model's rows were counted under, packed in one
     * integer property (one relation's position plus one, then a bit per stage by position) so
     * keeping it costs a model no more than its id. The positions are the enums' declaration
     * order: reordering {@link Relation} or {@link Stage} needs a new index version.
     */
    record Signature(List<String> relations, List<String> stages) {

        private static final Relation[] RELATIONS = Relation.values();
        private static final Stage[] STAGES = Stage.values();

        static int encode(String relation, List<String> stages) {
            int packed = Relation.valueOf(relation).ordinal() + 1;
            for (String stage : stages) {
                packed |= 1 << (4 + Stage.valueOf(stage).ordinal());
            }
            return packed;
        }

        static Signature decode(int packed) {
            int relation = packed & 0xF;
            List<String> stages = new ArrayList<>();
            for (Stage stage : STAGES) {
                if ((packed & (1 << (4 + stage.ordinal()))) != 0) {
                    stages.add(stage.name());
                }
            }
            return new Signature(relation == 0 ? List.of() : List.of(RELATIONS[relation - 1].name()), stages);
        }
    }

    private final Map<String, long[]> byDepth = new HashMap<>();
    private final Map<String, Map<String, Long>> byKey = new HashMap<>();
    private final Set<String> check = new LinkedHashSet<>();

    /** A row of the index from some model to {@code ancestor} (an element id), cleared ({@code sign} -1) or written (+1). */
    void count(String ancestor, int depth, Collection<String> relations, Collection<String> stages, int sign) {
        long[] depths = byDepth.computeIfAbsent(ancestor, k -> new long[0]);
        if (depths.length < depth) {
            depths = java.util.Arrays.copyOf(depths, depth);
            byDepth.put(ancestor, depths);
        }
        depths[depth - 1] += sign;
        Map<String, Long> keys = byKey.computeIfAbsent(ancestor, k -> new HashMap<>());
        keys.merge(TOTAL, (long) sign, Long::sum);
        relations.forEach(r -> keys.merge(RELATION_PREFIX + r, (long) sign, Long::sum));
        stages.forEach(s -> keys.merge(STAGE_PREFIX + s, (long) sign, Long::sum));
        relations.forEach(r -> stages.forEach(s -> keys.merge(pair(r, s), (long) sign, Long::sum)));
    }

    /** The count of rows naming both {@code relation} and {@code stage}. */
    public static String pair(String relation, String stage) {
        return PAIR_PREFIX + relation + "." + stage;
    }

    /** A model whose own links changed: it may have started or stopped heading a family. */
    void check(String node) {
        check.add(node);
    }

    /** Adds the counted changes to what the ancestors hold, and labels the models that now head a family. */
    void apply(TransactionContext tx) {
        Set<String> nodes = new TreeSet<>(byKey.keySet());
        nodes.addAll(check);
        if (nodes.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>(nodes.size());
        for (List<String> chunk : AncestryStatements.chunks(List.copyOf(nodes), 10_000)) {
            tx.run(READ, Map.of("nodes", chunk, "keys", KEYS)).forEachRemaining(r -> rows.add(row(r.get("node").asString(),
                    r.get("byDepth").asList(Value::asLong), r.get("counts").asList(Value::asLong),
                    r.get("linked").asBoolean())));
        }
        for (List<Map<String, Object>> chunk : AncestryStatements.chunks(rows, 10_000)) {
            tx.run(WRITE, Map.of("rows", chunk)).consume();
        }
    }

    private Map<String, Object> row(String node, List<Long> storedDepths, List<Long> stored, boolean linked) {
        long[] change = byDepth.getOrDefault(node, new long[0]);
        List<Long> depths = new ArrayList<>();
        for (int i = 0; i < Math.max(storedDepths.size(), change.length); i++) {
            depths.add((i < storedDepths.size() ? storedDepths.get(i) : 0) + (i < change.length ? change[i] : 0));
        }
        while (!depths.isEmpty() && depths.get(depths.size() - 1) == 0) {
            depths.remove(depths.size() - 1);
        }
        Map<String, Long> delta = byKey.getOrDefault(node, Map.of());
        Map<String, Object> counts = new HashMap<>();
        for (int i = 0; i < KEYS.size(); i++) {
            long value = stored.get(i) + delta.getOrDefault(KEYS.get(i), 0L);
            if (value < 0) {
                throw new IllegalStateException("ancestry counts of " + node + " went negative for " + KEYS.get(i));
            }
            counts.put(KEYS.get(i), value == 0 ? null : value);
        }
        counts.put(BY_DEPTH, depths.isEmpty() ? null : depths);
        counts.put(DEEPEST, depths.isEmpty() ? null : depths.size());
        Object total = counts.get(TOTAL);
        return Map.of("node", node, "counts", counts, "root", !linked && total != null);
    }

    /**
     * Writes the counts as they stand after a build from nothing (every row of the index counted
     * here, nothing stored before): absolute values, so writing them twice (a build resumed after
     * a crash) leaves them right. {@code linked} says which models have a parent (they head no family).
     */
    void applyAbsolute(Graph graph, Predicate<String> linked) {
        List<Long> none = KEYS.stream().map(k -> 0L).toList();
        for (List<String> chunk : AncestryStatements.chunks(List.copyOf(new TreeSet<>(byKey.keySet())), 10_000)) {
            List<Map<String, Object>> rows = chunk.stream().map(node -> row(node, List.of(), none, linked.test(node)))
                    .toList();
            graph.write(tx -> tx.run(WRITE, Map.of("rows", rows)).consume());
        }
    }

    /** Every count property, for a rebuild that starts from nothing. */
    static Map<String, Object> none() {
        Map<String, Object> none = new HashMap<>();
        KEYS.forEach(k -> none.put(k, null));
        none.put(BY_DEPTH, null);
        none.put(DEEPEST, null);
        return none;
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        keys.add(TOTAL);
        for (Relation r : Relation.values()) {
            keys.add(RELATION_PREFIX + r.name());
        }
        for (Stage s : Stage.values()) {
            keys.add(STAGE_PREFIX + s.name());
        }
        for (Relation r : Relation.values()) {
            for (Stage s : Stage.values()) {
                keys.add(pair(r.name(), s.name()));
            }
        }
        return List.copyOf(keys);
    }
}
