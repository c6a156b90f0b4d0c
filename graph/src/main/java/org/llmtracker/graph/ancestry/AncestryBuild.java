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

import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole ancestry index built in bulk from the links: every model with a parent is recomputed,
 * so the {@link AncestryPlan} needs no stored rows, and the rows are written in batches rather
 * than one huge transaction.
 */
final class AncestryBuild {

    private static final Logger log = LoggerFactory.getLogger(AncestryBuild.class);

    private static final String BUILT = "MATCH (s:IndexState {name: 'ancestry'}) RETURN s.version AS version";

    private static final String MARK_BUILT = "MERGE (s:IndexState {name: 'ancestry'}) SET s.version = $version";

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

    static boolean current(Graph graph) {
        Long built = graph.read(tx -> tx.run(BUILT).stream().findFirst()
                .map(r -> r.get("version").isNull() ? null : r.get("version").asLong()).orElse(null));
        return built != null && built == Ancestry.VERSION;
    }

    static void restart(Graph graph) {
    }

    static void defer(Graph graph) {
    }

    static boolean deferred(TransactionContext tx) {
        return false;
    }

    static Optional<AncestryProgress> progress(Graph graph) {
        return Optional.empty();
    }

    static void build(Graph graph) {
        long started = System.nanoTime();
        AncestryPlan plan = new AncestryPlan();
        Map<String, String> nodes = new HashMap<>();
        TreeMap<String, List<Link>> links = new TreeMap<>();
        Set<String> inferred = new HashSet<>();
        graph.read(tx -> {
            tx.run(ALL_LINKS).forEachRemaining(r -> {
                String child = r.get("child").asString();
                String parent = r.get("parent").asString();
                nodes.put(child, r.get("childNode").asString());
                nodes.put(parent, r.get("node").asString());
                links.computeIfAbsent(child, k -> new ArrayList<>()).add(new Link(child, parent,
                        r.get("relation").asString(), strings(r.get("stages"))));
                if (r.get("inferred").asBoolean(false)) {
                    inferred.add(child + ">" + parent);
                }
            });
            return null;
        });
        // Every model with a parent is inside: every link is then inside the set. In id order, so a
        // build cut short computes the same batches again.
        links.forEach((child, own) -> {
            plan.include(child);
            own.forEach(l -> plan.link(l, inferred.contains(child + ">" + l.to())));
        });
        List<AncestryPlan.ModelRows> rows = plan.rows();
        long deleted;
        do {
            deleted = graph.write(tx -> tx.run(CLEAR_ALL, Map.of("batch", ROWS_PER_BATCH)).single().get("deleted")
                    .asLong());
        } while (deleted > 0);
        List<String> counted = graph.read(tx -> tx.run(COUNTED).list(r -> r.get("node").asString()));
        for (List<String> chunk : AncestryStatements.chunks(counted, AncestryStatements.CHUNK)) {
            graph.write(tx -> tx.run(UNCOUNT, Map.of("nodes", chunk, "none", KinCounts.none())).consume());
        }
        KinCounts counts = new KinCounts();
        for (List<AncestryPlan.ModelRows> batch : batches(rows)) {
            graph.write(tx -> {
                AncestryStatements.write(tx, batch, nodes, counts);
                return null;
            });
        }
        graph.write(tx -> {
            counts.apply(tx);
            tx.run(MARK_BUILT, Map.of("version", Ancestry.VERSION)).consume();
            return null;
        });
        log.info("Ancestry index built for {} models in {} ms", links.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** The models' rows cut into transactions of about {@link #ROWS_PER_BATCH} rows, a model never split. */
    static List<List<AncestryPlan.ModelRows>> batches(List<AncestryPlan.ModelRows> models) {
        List<List<AncestryPlan.ModelRows>> batches = new ArrayList<>();
        List<AncestryPlan.ModelRows> batch = new ArrayList<>();
        int size = 0;
        for (AncestryPlan.ModelRows model : models) {
            batch.add(model);
            size += model.rows().size();
            if (size >= ROWS_PER_BATCH) {
                batches.add(batch);
                batch = new ArrayList<>();
                size = 0;
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }
}
