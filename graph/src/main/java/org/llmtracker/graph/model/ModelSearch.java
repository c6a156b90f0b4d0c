package org.llmtracker.graph.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.Record;

/**
 * Search without a scan of every model: the trigram TEXT indexes on a model's search text
 * ({@link org.llmtracker.graph.store.ModelSearchText}) and on alias ids answer which models hold
 * the typed text anywhere ({@code CONTAINS}, so {@code llama} finds {@code StackLLaMA}), and only
 * those are checked, filtered, counted and ordered. The answer is the one the scan gave: each
 * candidate is checked against its id, lower-case name, lower-case Hub id and aliases as the scan
 * checked every model. The cost grows with the number of matches, not of models: a first letter
 * that matches a third of the store still reads that third (see docs/search.md).
 */
final class ModelSearch {

    static final String FILTERS = """
            ($kind IS NULL OR m.kind = $kind)
              AND ($openSource IS NULL OR m.openSource = $openSource)
              AND ($region IS NULL OR m.region = $region)
              AND ($catalogued IS NULL OR coalesce(m.catalogued, false) = $catalogued)
              AND ($organisation IS NULL OR EXISTS { (m)-[:PUBLISHED_BY]->(:Organisation {key: $organisation}) })""";

    /** What the scan matched, word for word: {@code $q} is trimmed and lower case ({@link ModelFilter}). */
    static final String MATCHES_TEXT = """
            (m.id CONTAINS $q OR toLower(m.name) CONTAINS $q OR toLower(m.hfId) CONTAINS $q
               OR EXISTS { (a:Alias)-[:ALIAS_OF]->(m) WHERE a.id CONTAINS $q })""";

    /** The candidates from the two TEXT indexes (the hints keep the planner off a label scan), then the exact check. */
    static final String CANDIDATES = """
            CALL {
              MATCH (m:Model) USING TEXT INDEX m:Model(searchText) WHERE m.searchText CONTAINS $q
              RETURN m
              UNION
              MATCH (a:Alias) USING TEXT INDEX a:Alias(id) WHERE a.id CONTAINS $q
              MATCH (a)-[:ALIAS_OF]->(m:Model)
              RETURN m
            }
            WITH m WHERE %s
              AND %s
            """.formatted(MATCHES_TEXT, FILTERS);

    static final String PAGE = CANDIDATES + """
            WITH collect(m) AS ms
            CALL (ms) {
              UNWIND ms AS m
              WITH m ORDER BY %s SKIP $skip LIMIT $limit
              RETURN collect({m: m {.*}, organisation: [(m)-[:PUBLISHED_BY]->(o:Organisation) | o.name][0]}) AS items
            }
            RETURN size(ms) AS total, items
            """;

    private final Graph graph;

    ModelSearch(Graph graph) {
        this.graph = graph;
    }

    /** {@code filterParams} holds {@code q} (trimmed, lower case, not blank) and the filters. */
    Page<ModelSummary> search(ModelFilter filter, Map<String, Object> filterParams, int skip, int limit) {
        Map<String, Object> params = new HashMap<>(filterParams);
        params.put("skip", skip);
        params.put("limit", limit);
        return graph.read(tx -> {
            Record r = tx.run(PAGE.formatted(filter.sort().orderBy), params).single();
            List<ModelSummary> items = r.get("items").asList(v -> ModelQueries.summary(v.get("m"),
                    v.get("organisation").isNull() ? null : v.get("organisation").asString()));
            return new Page<>(r.get("total").asLong(), items);
        });
    }
}
