package org.llmtracker.graph.lineage;

import java.util.List;
import java.util.Map;

import org.llmtracker.graph.model.Page;
import org.neo4j.driver.TransactionContext;

/**
 * One generation below a model: its own incoming links, ordered as the descendants read orders
 * them. A family's root has thousands of them and hundreds of thousands of index rows, which a
 * depth-limited read of the index would count and filter (the model page's children by relation).
 */
final class Children {

    private static final String LINKS = """
            MATCH (x:Model {id: $id})<-[l:DERIVED_FROM]-(c:Model)
            WHERE c <> x
              AND ($relation IS NULL OR coalesce(l.relation, 'UNKNOWN') = $relation)
              AND ($stage IS NULL OR $stage IN coalesce(l.stages, []))
              AND ($minDownloads IS NULL OR c.downloads >= $minDownloads)
            MATCH (c)-[r:DESCENDS_FROM]->(x)
            """;
    private static final String COUNT = LINKS + "RETURN count(*) AS total\n";
    private static final String PAGE = LINKS + """
            WITH c, r
            ORDER BY coalesce(c.downloads, -1) DESC, toLower(coalesce(c.name, c.id)), c.id
            SKIP $skip LIMIT $limit
            """ + RelativeQueries.KIN;

    private Children() {
    }

    /** {@code params} as {@link RelativeQueries} builds them: the filter's, {@code id}, {@code skip} and {@code limit}. */
    static Page<Relative> page(TransactionContext tx, Map<String, Object> params, int skip) {
        long total = tx.run(COUNT, params).single().get("total").asLong();
        return new Page<>(total, skip >= total ? List.of() : tx.run(PAGE, params).list(RelativeQueries::kin));
    }
}
