package org.llmtracker.graph.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.store.Schema;
import org.neo4j.driver.Record;

/**
 * Search through the {@code model_search} full-text index instead of a scan of every model: the
 * index answers which models hold every word, and only those are filtered, counted and ordered as
 * the list asks. The cost grows with the number of matches, not of models: a first letter that
 * matches a third of the store still reads that third (see docs/search.md).
 */
final class ModelSearch {

    static final String FILTERS = """
            ($kind IS NULL OR m.kind = $kind)
              AND ($openSource IS NULL OR m.openSource = $openSource)
              AND ($region IS NULL OR m.region = $region)
              AND ($catalogued IS NULL OR coalesce(m.catalogued, false) = $catalogued)
              AND ($organisation IS NULL OR EXISTS { (m)-[:PUBLISHED_BY]->(:Organisation {key: $organisation}) })""";

    /** Index hits become models: a model itself, the model an alias names, an organisation's models. */
    private static final String MATCHES = """
            CALL db.index.fulltext.queryNodes('%s', $lucene) YIELD node
            CALL {
              WITH node WITH node WHERE node:Model RETURN node AS m
              UNION
              WITH node MATCH (node:Alias)-[:ALIAS_OF]->(m:Model) RETURN m
              UNION
              WITH node MATCH (node:Organisation)<-[:PUBLISHED_BY]-(m:Model) RETURN m
            }
            WITH DISTINCT m
            WITH collect(m) AS matched
            WITH [m IN matched WHERE %s] AS ms
            CALL {
              WITH ms
              UNWIND ms AS m
              WITH m ORDER BY %%s SKIP $skip LIMIT $limit
              RETURN collect({m: m {.*}, organisation: [(m)-[:PUBLISHED_BY]->(o:Organisation) | o.name][0]}) AS items
            }
            RETURN size(ms) AS total, items
            """.formatted(Schema.MODEL_SEARCH_INDEX, FILTERS);

    private final Graph graph;

    ModelSearch(Graph graph) {
        this.graph = graph;
    }

    Page<ModelSummary> search(ModelFilter filter, Map<String, Object> filterParams, int skip, int limit) {
        SearchText text = SearchText.of(filter.q());
        if (text.isEmpty()) {
            return new Page<>(0, List.of());
        }
        Map<String, Object> params = new HashMap<>(filterParams);
        params.put("lucene", text.lucene());
        params.put("skip", skip);
        params.put("limit", limit);
        return graph.read(tx -> {
            Record r = tx.run(MATCHES.formatted(filter.sort().orderBy), params).single();
            return new Page<>(r.get("total").asLong(), r.get("items").asList(v -> ModelQueries.summary(v.get("m"),
                    v.get("organisation").isNull() ? null : v.get("organisation").asString())));
        });
    }
}
