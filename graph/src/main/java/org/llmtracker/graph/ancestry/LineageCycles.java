package org.llmtracker.graph.ancestry;

import java.util.Map;

import org.neo4j.driver.TransactionContext;

/**
 * The one check, for the stored graph, of whether a new link would close a lineage cycle: the
 * parent already descends from the child. The {@link Ancestry} index answers it in one lookup,
 * however large the child's family. (A catalogue file being validated, before anything is
 * stored, is checked in memory by the crawler's catalogue validation.)
 */
public final class LineageCycles {

    private static final String CLOSES = """
            OPTIONAL MATCH (p:Model {id: $parent})
            RETURN $parent = $child OR (p IS NOT NULL AND EXISTS { (p)-[:DESCENDS_FROM]->(:Model {id: $child}) }) AS closes
            """;

    private LineageCycles() {
    }

    /**
     * Refuses a link from {@code child} to {@code parent} (canonical ids) that would close a cycle,
     * inside the transaction that is about to write it, so no concurrent write slips between the
     * check and the link.
     *
     * @throws LineageCycleException when it would
     */
    public static void refuseClosing(TransactionContext tx, String child, String parent) {
        if (tx.run(CLOSES, Map.of("child", child, "parent", parent)).single().get("closes").asBoolean()) {
            throw new LineageCycleException(child, parent);
        }
    }
}
