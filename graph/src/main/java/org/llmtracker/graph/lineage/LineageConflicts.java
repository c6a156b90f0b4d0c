package org.llmtracker.graph.lineage;

import java.util.List;
import java.util.Map;

import org.llmtracker.graph.model.Page;
import org.llmtracker.graph.naming.Ids;
import org.llmtracker.graph.store.DriverValues;
import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.Record;

/**
 * Where the catalogue and the Hub disagree, or a declaration replaced an inferred parent with
 * another. A crawl never removes or rewrites a catalogue link; it keeps the Hub's claim beside it
 * ({@code hubRelation}, or a link of its own), and this read lists the differences for a human to settle.
 *
 * <p>The kinds are defined once, over links. Only three sets of models can be the child of a
 * conflict, and each is found through an index, so neither the list nor a model's page reads the
 * store's million links (or a family root's twenty thousand):
 * <ul>
 * <li>catalogued models (a catalogue link the Hub disagrees with, a parent only the Hub names);</li>
 * <li>models removed from the catalogue, whose catalogue links stay (a catalogue link is only
 *     written for an entry, and {@code CatalogWriter} marks a removed one
 *     {@code removedFromCatalogAt});</li>
 * <li>models whose inferred parent a declaration displaced ({@code inferredParent}, set by
 *     {@code InferredLinks} only then).</li>
 * </ul>
 */
public final class LineageConflicts {

    /**
     * Every link whose child is in one of the three sets. The hint: a boolean index looks like it
     * holds half the models, so where links are fewer than half the models (most Hub models have
     * none) the planner read every link instead (2.1 s at 4M models, 9 ms seeking the index).
     */
    static final String CANDIDATES = """
            MATCH (c:Model) USING INDEX c:Model(catalogued) WHERE c.catalogued = true
            MATCH (c)-[d:DERIVED_FROM]->(p:Model) RETURN c, d, p
            UNION
            MATCH (c:Model) WHERE c.removedFromCatalogAt IS NOT NULL
            MATCH (c)-[d:DERIVED_FROM]->(p:Model) RETURN c, d, p
            UNION
            MATCH (c:Model) WHERE c.inferredParent IS NOT NULL
            MATCH (c)-[d:DERIVED_FROM]->(p:Model) RETURN c, d, p
            """;

    /** The candidates that name a model as child, parent or inferred parent. */
    private static final String AROUND_MODEL = """
            CALL {
            %s
            }
            WITH c, d, p WHERE $id IN [c.id, p.id, c.inferredParent]
            RETURN c, d, p
            """.formatted(CANDIDATES);

    /** The kinds over the links a query {@code %s} returns as {@code c, d, p}. */
    static final String KINDS = """
            CALL {
            %s
            }
            CALL {
              WITH c, d, p
              WITH c, d, p WHERE 'catalog' IN d.sources AND d.hubRelation IS NOT NULL
                AND d.hubRelation <> coalesce(d.catalogRelation, d.relation)
              RETURN 'RELATION' AS kind, coalesce(d.catalogRelation, d.relation) AS catalogRelation,
                     d.hubRelation AS hubRelation, null AS inferredParent, null AS confidence
              UNION ALL
              WITH c, d, p
              WITH c, d, p WHERE c.catalogued AND NOT 'catalog' IN d.sources
                AND EXISTS { (c)-[k:DERIVED_FROM]->(:Model) WHERE 'catalog' IN k.sources }
              RETURN 'HUB_ONLY_PARENT' AS kind, null AS catalogRelation,
                     coalesce(d.hubRelation, d.relation) AS hubRelation, null AS inferredParent, null AS confidence
              UNION ALL
              WITH c, d, p
              WITH c, d, p WHERE c.inferredParent IS NOT NULL AND c.inferredParent <> p.id AND NOT 'inferred' IN d.sources
                AND NOT EXISTS { (c)-[:DERIVED_FROM]->(:Model {id: c.inferredParent}) }
              RETURN 'INFERRED_DIFFERS' AS kind,
                     CASE WHEN 'catalog' IN d.sources THEN coalesce(d.catalogRelation, d.relation) END AS catalogRelation,
                     coalesce(d.hubRelation, d.relation) AS hubRelation,
                     c.inferredParent AS inferredParent, c.inferredConfidence AS confidence
            }
            WITH kind, c.id AS child, p.id AS parent, catalogRelation, hubRelation, d.sources AS sources,
                 inferredParent, confidence
            ORDER BY child, parent, kind
            WITH collect({kind: kind, child: child, parent: parent, catalogRelation: catalogRelation,
                          hubRelation: hubRelation, sources: sources, inferredParent: inferredParent,
                          confidence: confidence}) AS found
            RETURN size(found) AS total, found[$skip..$skip + $limit] AS items
            """;

    private static final String ALL = KINDS.formatted(CANDIDATES);
    private static final String AROUND = KINDS.formatted(AROUND_MODEL);

    private final Graph graph;

    public LineageConflicts(Graph graph) {
        this.graph = graph;
    }

    /** Every disagreement, ordered by child then parent. */
    public List<Conflict> list() {
        return page(0, Integer.MAX_VALUE).items();
    }

    /** One page of every disagreement, ordered by child then parent, with how many there are. */
    public Page<Conflict> page(int skip, int limit) {
        return graph.read(tx -> conflicts(tx.run(ALL, Map.of("skip", skip, "limit", limit)).single()));
    }

    /** The disagreements that name this model as child, parent or inferred parent, ordered by child then parent. */
    public List<Conflict> involving(String id) {
        return graph.read(tx -> conflicts(tx.run(AROUND, Map.of("id", Ids.model(id), "skip", 0,
                "limit", Integer.MAX_VALUE)).single())).items();
    }

    private static Page<Conflict> conflicts(Record r) {
        return new Page<>(r.get("total").asLong(), r.get("items").asList(v -> new Conflict(
                v.get("kind").asString(), v.get("child").asString(), v.get("parent").asString(),
                DriverValues.string(v.get("catalogRelation")), DriverValues.string(v.get("hubRelation")),
                DriverValues.strings(v.get("sources")), DriverValues.string(v.get("inferredParent")),
                v.get("confidence").isNull() ? null : v.get("confidence").asDouble())));
    }
}
