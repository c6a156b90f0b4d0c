package org.llmtracker.graph.lineage;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.store.DriverValues;
import org.llmtracker.graph.store.Graph;

/**
 * Where the catalogue and the Hub disagree, or a declaration replaced an inferred parent with
 * another. A crawl never removes or rewrites a catalogue link; it keeps the Hub's claim beside it
 * ({@code hubRelation}, or a link of its own), and this read lists the differences for a human to settle.
 */
public final class LineageConflicts {

    private static final String CONFLICTS = """
            MATCH (c:Model)-[d:DERIVED_FROM]->(p:Model)
            WHERE 'catalog' IN d.sources AND d.hubRelation IS NOT NULL
              AND d.hubRelation <> coalesce(d.catalogRelation, d.relation)
            RETURN 'RELATION' AS kind, c.id AS child, p.id AS parent,
                   coalesce(d.catalogRelation, d.relation) AS catalogRelation, d.hubRelation AS hubRelation,
                   d.sources AS sources, null AS inferredParent, null AS confidence
            UNION ALL
            MATCH (c:Model)-[d:DERIVED_FROM]->(p:Model)
            WHERE c.catalogued AND NOT 'catalog' IN d.sources
              AND EXISTS { (c)-[k:DERIVED_FROM]->(:Model) WHERE 'catalog' IN k.sources }
            RETURN 'HUB_ONLY_PARENT' AS kind, c.id AS child, p.id AS parent, null AS catalogRelation,
                   coalesce(d.hubRelation, d.relation) AS hubRelation, d.sources AS sources,
                   null AS inferredParent, null AS confidence
            UNION ALL
            MATCH (c:Model)-[d:DERIVED_FROM]->(p:Model)
            WHERE c.inferredParent IS NOT NULL AND c.inferredParent <> p.id AND NOT 'inferred' IN d.sources
              AND NOT EXISTS { (c)-[:DERIVED_FROM]->(:Model {id: c.inferredParent}) }
            RETURN 'INFERRED_DIFFERS' AS kind, c.id AS child, p.id AS parent,
                   CASE WHEN 'catalog' IN d.sources THEN coalesce(d.catalogRelation, d.relation) END AS catalogRelation,
                   coalesce(d.hubRelation, d.relation) AS hubRelation, d.sources AS sources,
                   c.inferredParent AS inferredParent, c.inferredConfidence AS confidence
            """;

    private final Graph graph;

    public LineageConflicts(Graph graph) {
        this.graph = graph;
    }

    /** Every disagreement, ordered by child then parent. */
    public List<Conflict> list() {
        return graph.read(tx -> tx.run(CONFLICTS, Map.of()).list(r -> new Conflict(
                r.get("kind").asString(), r.get("child").asString(), r.get("parent").asString(),
                DriverValues.string(r.get("catalogRelation")), DriverValues.string(r.get("hubRelation")),
                DriverValues.strings(r.get("sources")), DriverValues.string(r.get("inferredParent")),
                r.get("confidence").isNull() ? null : r.get("confidence").asDouble()))).stream()
                .sorted(Comparator.comparing(Conflict::child).thenComparing(Conflict::parent))
                .toList();
    }
}
