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
 * conflict, and each is found through an index, so the list never reads the store's million
 * links; a model's page reads the model's own links, and the sets only for a family root, whose
 * tens of thousands of children outnumber them:
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

    /** Whether model {@code c} is in one of the three sets. */
    private static final String IN_A_SET =
            "c.catalogued = true OR c.removedFromCatalogAt IS NOT NULL OR c.inferredParent IS NOT NULL";

    /**
     * Every link whose child is in one of the three sets. The hint: a boolean index looks like it
     * holds half the models, so where links are fewer than half the models (most Hub models have
     * none) the planner read every link instead (2.1 s at 4M models, 9 ms seeking the index).
     */
    static final String CANDIDATES = candidates("");

    /**
     * The links naming the model as a child in a set, or as the inferred parent a declaration
     * displaced. The hints: given the sets' conditions, the planner started from the sets' indexes
     * and kept the model's links (6,017 database hits for a leaf among 2,000 displaced inferences);
     * on an index still empty, it scanned the inferred parents' index instead of seeking it. Both
     * hints force a seek: {@code USING INDEX} alone let it scan the whole id index and filter on
     * the id (1,048 hits in a test store of about 1,050 models, where the seek costs 2).
     */
    private static final String AS_CHILD_OR_INFERRED = """
            MATCH (c:Model {id: $id})-[d:DERIVED_FROM]->(p:Model)
            USING INDEX SEEK c:Model(id)
            WHERE %s
            RETURN c, d, p
            UNION
            MATCH (c:Model {inferredParent: $id})-[d:DERIVED_FROM]->(p:Model)
            USING INDEX SEEK c:Model(inferredParent)
            RETURN c, d, p
            UNION
            """.formatted(IN_A_SET);

    /**
     * ... and as the parent of a child in a set, read from the model's own children. The children
     * are collected before the sets are tested, so no index can answer the test: in a
     * {@code MATCH} (or a subquery, which the planner inlines) a hint on the parent still let it
     * seek the sets' indexes for the children and join them to the parent, 704 database hits for
     * a leaf among 300 displaced inferences when the indexes' samples were stale.
     */
    static final String AROUND_FEW_CHILDREN = AS_CHILD_OR_INFERRED + """
            MATCH (p:Model {id: $id})
            USING INDEX SEEK p:Model(id)
            UNWIND [(p)<-[d:DERIVED_FROM]-(c:Model) | {c: c, d: d}] AS child
            WITH child.c AS c, child.d AS d, p WHERE %s
            RETURN c, d, p
            """.formatted(IN_A_SET);

    /** ... and as the parent of a child in a set, read from the sets. */
    static final String AROUND_MANY_CHILDREN = AS_CHILD_OR_INFERRED + candidates("WHERE p.id = $id");

    /**
     * Up to this many children, a model's page reads its own children for the ones in a set, so
     * a leaf's page costs the same whatever the catalogue's size (reading the sets was half of a
     * leaf page's CPU at 1M models). Above it (a family root has tens of thousands), the sets,
     * about the catalogue's size, are the smaller read.
     */
    static final long FEW_CHILDREN = 1_000;

    private static final String CHILDREN = """
            MATCH (m:Model {id: $id})
            RETURN COUNT { (m)<-[:DERIVED_FROM]-() } AS children
            """;

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
    private static final String AROUND_FEW = KINDS.formatted(AROUND_FEW_CHILDREN);
    private static final String AROUND_MANY = KINDS.formatted(AROUND_MANY_CHILDREN);

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
        Map<String, Object> params = Map.of("id", Ids.model(id), "skip", 0, "limit", Integer.MAX_VALUE);
        return graph.read(tx -> {
            long children = tx.run(CHILDREN, params).stream().findFirst().map(r -> r.get("children").asLong()).orElse(0L);
            return conflicts(tx.run(children <= FEW_CHILDREN ? AROUND_FEW : AROUND_MANY, params).single());
        }).items();
    }

    /**
     * The links of each set's models, kept where {@code parentCondition} holds. Each model's links
     * are collected from the model before the condition, which no index can then answer: with the
     * parent named in the pattern, Neo4j joined the set with every link of a root (15,146 at 1M
     * models) to find the few in it. Every set names its index, so that no plan reads every model
     * to find a set's few.
     */
    private static String candidates(String parentCondition) {
        String links = "UNWIND [(c)-[d:DERIVED_FROM]->(p:Model) | {d: d, p: p}] AS link\n"
                + "WITH c, link.d AS d, link.p AS p " + parentCondition + "\nRETURN c, d, p\n";
        return "MATCH (c:Model) USING INDEX SEEK c:Model(catalogued) WHERE c.catalogued = true\n" + links
                + "UNION\nMATCH (c:Model) USING INDEX c:Model(removedFromCatalogAt) WHERE c.removedFromCatalogAt IS NOT NULL\n"
                + links
                + "UNION\nMATCH (c:Model) USING INDEX c:Model(inferredParent) WHERE c.inferredParent IS NOT NULL\n" + links;
    }

    private static Page<Conflict> conflicts(Record r) {
        return new Page<>(r.get("total").asLong(), r.get("items").asList(v -> new Conflict(
                v.get("kind").asString(), v.get("child").asString(), v.get("parent").asString(),
                DriverValues.string(v.get("catalogRelation")), DriverValues.string(v.get("hubRelation")),
                DriverValues.strings(v.get("sources")), DriverValues.string(v.get("inferredParent")),
                v.get("confidence").isNull() ? null : v.get("confidence").asDouble())));
    }
}
