package org.llmtracker.graph.ancestry;

import static org.llmtracker.graph.store.DriverValues.strings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.IntPredicate;

import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole ancestry index built in bulk from the links: every model with a parent is recomputed,
 * so the {@link AncestryPlan} needs no stored rows, and the rows are written in batches rather
 * than one huge transaction. Its state lives on {@code (:IndexState {name: 'ancestry'})}:
 * {@code version} once built; while a first fill defers the index or a build runs, {@code building},
 * {@code phase} (deferred, clearing, rows, counts), {@code done} of {@code total} row batches,
 * {@code edits} (link changes writers deferred) and {@code snapshot} (the edits the build's read saw).
 */
final class AncestryBuild {

    private static final Logger log = LoggerFactory.getLogger(AncestryBuild.class);

    private static final String STATE = """
            MATCH (s:IndexState {name: 'ancestry'})
            RETURN s.version AS version, coalesce(s.building, false) AS building, s.phase AS phase,
                   coalesce(s.done, 0) AS done, coalesce(s.total, 0) AS total, s.snapshot AS snapshot,
                   s.batchRows AS batchRows
            """;

    /** A first fill begins: writers leave the index to the build from now on (unless a build is under way). */
    private static final String DEFER = """
            MERGE (s:IndexState {name: 'ancestry'})
            WITH s WHERE NOT coalesce(s.building, false)
            SET s.building = true, s.phase = 'deferred', s.version = null, s.edits = 0, s.done = 0, s.total = null,
                s.snapshot = null
            """;

    private static final String RESTART = """
            MERGE (s:IndexState {name: 'ancestry'})
            SET s.building = true, s.phase = 'clearing', s.version = null, s.edits = coalesce(s.edits, 0), s.done = 0,
                s.total = null, s.snapshot = null
            """;

    /**
     * In a writer's transaction: while the index is deferred or building, the writer only records
     * that links moved (the build then starts again from the links), and writes no rows.
     */
    private static final String DEFERRED = """
            MATCH (s:IndexState {name: 'ancestry'}) WHERE s.building
            SET s.edits = coalesce(s.edits, 0) + 1
            RETURN true AS deferred
            """;

    private static final String PHASE = """
            MATCH (s:IndexState {name: 'ancestry'})
            SET s.phase = $phase, s.done = $done, s.total = $total, s.snapshot = $snapshot, s.batchRows = $batchRows
            """;

    private static final String DONE = "MATCH (s:IndexState {name: 'ancestry'}) SET s.done = $done";

    /** The build is the index only if no link moved since it read them. */
    private static final String FINISH = """
            MATCH (s:IndexState {name: 'ancestry'}) WHERE coalesce(s.edits, 0) = $snapshot
            SET s.version = $version
            REMOVE s.building, s.phase, s.done, s.total, s.snapshot, s.edits, s.batchRows
            RETURN count(s) AS finished
            """;

    private static final String ALL_LINKS = """
            MATCH (c:Model)-[l:DERIVED_FROM]->(p:Model)
            RETURN c.id AS child, elementId(c) AS childNode, p.id AS parent, elementId(p) AS node,
                   coalesce(l.relation, 'UNKNOWN') AS relation, coalesce(l.stages, []) AS stages,
                   l.sources = ['inferred'] AS inferred
            """;

    private static final String CLEAR_ALL = """
            MATCH ()-[r:DESCENDS_FROM]->()
            WITH r LIMIT $batch
            DELETE r
            RETURN count(*) AS deleted
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

    /** Index rows per transaction of the build. */
    static final int ROWS_PER_BATCH = 50_000;

    private AncestryBuild() {
    }

    private record State(Long version, boolean building, String phase, long done, long total, Long snapshot,
            Integer batchRows) {
    }

    /** The links as one read saw them, with the count of deferred link changes at that moment. */
    private record Links(TreeMap<String, List<Link>> byChild, Set<String> inferred, Map<String, String> nodes,
            long edits) {
    }

    private static Optional<State> state(Graph graph) {
        return graph.read(tx -> tx.run(STATE).stream().findFirst().map(r -> new State(
                r.get("version").isNull() ? null : r.get("version").asLong(), r.get("building").asBoolean(),
                r.get("phase").isNull() ? null : r.get("phase").asString(), r.get("done").asLong(),
                r.get("total").asLong(), r.get("snapshot").isNull() ? null : r.get("snapshot").asLong(),
                r.get("batchRows").isNull() ? null : r.get("batchRows").asInt())));
    }

    /** Whether the index is built by this version; a first fill still writing (deferred) counts as current. */
    static boolean current(Graph graph) {
        return state(graph).map(s -> (s.version() != null && s.version() == Ancestry.VERSION)
                || (s.building() && "deferred".equals(s.phase()))).orElse(false);
    }

    static void restart(Graph graph) {
        graph.write(tx -> tx.run(RESTART).consume());
    }

    static void defer(Graph graph) {
        graph.write(tx -> tx.run(DEFER).consume());
    }

    static boolean deferred(TransactionContext tx) {
        return tx.run(DEFERRED).hasNext();
    }

    static Optional<AncestryProgress> progress(Graph graph) {
        return state(graph).filter(State::building)
                .map(s -> new AncestryProgress(s.phase(), s.done(), s.total()));
    }

    /**
     * Builds the index from the links, in batches of rows each committed with how many are done,
     * so a build a crash cut short resumes at its next batch (the batches are the same: the links
     * have not moved, or the build starts over). The counts are written last, as absolute values.
     */
    static void build(Graph graph) {
        build(graph, ROWS_PER_BATCH, batch -> false);
    }

    /** The same, in batches of {@code rowsPerBatch} rows; {@code crashBefore} stands in for a crash (tests). */
    static void build(Graph graph, int rowsPerBatch, IntPredicate crashBefore) {
        defer(graph);
        while (true) {
            long started = System.nanoTime();
            State state = state(graph).orElseThrow();
            if ("deferred".equals(state.phase()) || "clearing".equals(state.phase())) {
                phase(graph, "clearing", 0, 0, null, null);
                clear(graph);
                phase(graph, "rows", 0, 0, null, null);
                state = state(graph).orElseThrow();
            }
            Links links = links(graph);
            if (state.snapshot() != null && state.snapshot() != links.edits()) {
                log.info("Links changed while the ancestry index was built: the build starts over");
                phase(graph, "clearing", 0, 0, null, null);
                continue;
            }
            AncestryPlan plan = new AncestryPlan();
            // Every model with a parent is inside: every link is then inside the set. In id order, so a
            // build cut short computes the same batches again.
            links.byChild().forEach((child, own) -> {
                plan.include(child);
                own.forEach(l -> plan.link(l, links.inferred().contains(child + ">" + l.to())));
            });
            // A resumed build cuts the rows as the build it resumes did, so its done batches are the same.
            int batchRows = state.batchRows() != null ? state.batchRows() : rowsPerBatch;
            // The rows are computed twice, a model at a time, and never held all at once: first to
            // count the batches for the progress, then batch by batch to write them.
            int[] total = {0};
            eachBatch(plan, batchRows, (k, batch) -> total[0]++);
            long done = state.done();
            phase(graph, "rows", done, total[0], links.edits(), batchRows);
            KinCounts counts = new KinCounts();
            eachBatch(plan, batchRows, (k, batch) -> {
                if (k < done) {
                    batch.forEach(model -> AncestryStatements.count(model, links.nodes(), counts));
                    return;
                }
                if (crashBefore.test(k)) {
                    throw new IllegalStateException("stand-in crash before batch " + k);
                }
                long through = k + 1;
                graph.write(tx -> {
                    AncestryStatements.write(tx, batch, links.nodes(), counts);
                    tx.run(DONE, Map.of("done", through)).consume();
                    return null;
                });
            });
            phase(graph, "counts", total[0], total[0], links.edits(), batchRows);
            Set<String> linked = new HashSet<>();
            links.byChild().keySet().forEach(child -> linked.add(links.nodes().get(child)));
            counts.applyAbsolute(graph, linked::contains);
            long finished = graph.write(tx -> tx.run(FINISH, Map.of("snapshot", links.edits(), "version",
                    Ancestry.VERSION)).single().get("finished").asLong());
            if (finished == 1) {
                log.info("Ancestry index built for {} models in {} batches ({} resumed) in {} ms",
                        links.byChild().size(), total[0], done, (System.nanoTime() - started) / 1_000_000);
                return;
            }
            log.info("Links changed while the ancestry index was built: the build starts over");
            phase(graph, "clearing", 0, 0, null, null);
        }
    }

    private static void phase(Graph graph, String phase, long done, long total, Long snapshot, Integer batchRows) {
        Map<String, Object> params = new HashMap<>();
        params.put("phase", phase);
        params.put("done", done);
        params.put("total", total);
        params.put("snapshot", snapshot);
        params.put("batchRows", batchRows);
        graph.write(tx -> tx.run(PHASE, params).consume());
    }

    /** Every index row and every kept count goes, in batches. */
    private static void clear(Graph graph) {
        long deleted;
        do {
            deleted = graph.write(tx -> tx.run(CLEAR_ALL, Map.of("batch", ROWS_PER_BATCH)).single().get("deleted")
                    .asLong());
        } while (deleted > 0);
        List<String> counted = graph.read(tx -> tx.run(COUNTED).list(r -> r.get("node").asString()));
        for (List<String> chunk : AncestryStatements.chunks(counted, AncestryStatements.CHUNK)) {
            graph.write(tx -> tx.run(UNCOUNT, Map.of("nodes", chunk, "none", KinCounts.none())).consume());
        }
    }

    private static Links links(Graph graph) {
        return graph.read(tx -> {
            Map<String, String> nodes = new HashMap<>();
            TreeMap<String, List<Link>> byChild = new TreeMap<>();
            Set<String> inferred = new HashSet<>();
            tx.run(ALL_LINKS).forEachRemaining(r -> {
                String child = r.get("child").asString();
                String parent = r.get("parent").asString();
                nodes.put(child, r.get("childNode").asString());
                nodes.put(parent, r.get("node").asString());
                byChild.computeIfAbsent(child, k -> new ArrayList<>()).add(new Link(child, parent,
                        r.get("relation").asString(), strings(r.get("stages"))));
                if (r.get("inferred").asBoolean(false)) {
                    inferred.add(child + ">" + parent);
                }
            });
            long edits = tx.run("OPTIONAL MATCH (s:IndexState {name: 'ancestry'}) RETURN coalesce(s.edits, 0) AS edits")
                    .single().get("edits").asLong();
            return new Links(byChild, inferred, nodes, edits);
        });
    }

    /**
     * The plan's models' rows cut into transactions of about {@code rowsPerBatch} rows, a model never
     * split, handed over one batch at a time with its number.
     */
    static void eachBatch(AncestryPlan plan, int rowsPerBatch, BiConsumer<Integer, List<AncestryPlan.ModelRows>> action) {
        List<AncestryPlan.ModelRows> batch = new ArrayList<>();
        int[] size = {0};
        int[] number = {0};
        plan.eachModelRows(model -> {
            batch.add(model);
            size[0] += model.rows().size();
            if (size[0] >= rowsPerBatch) {
                action.accept(number[0]++, List.copyOf(batch));
                batch.clear();
                size[0] = 0;
            }
        });
        if (!batch.isEmpty()) {
            action.accept(number[0], List.copyOf(batch));
        }
    }
}
