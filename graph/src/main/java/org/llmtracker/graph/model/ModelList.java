package org.llmtracker.graph.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * A list of models without search text, without reading every model: ordering the whole store for
 * a page of 20 took 3 to 4.6 s at 1M models, whatever the page.
 * <ul>
 * <li>Unfiltered, the page is walked down the sort's index ({@link OrderedWalk}) and the total
 * comes from the count store.
 * <li>Filtered, the filters' own indexes (or the organisation's models) count the matches up to
 * the cap; fewer are ordered whole, with an exact total. More are common enough for a walk
 * checking each model to fill the page soon; the total is then the cap, a lower bound, except for
 * an organisation alone, whose models are counted from its degree.
 * </ul>
 */
final class ModelList {

    private static final String COUNT_ALL = "MATCH (m:Model) RETURN count(m) AS n";

    private static final String COUNT_PUBLISHED = """
            OPTIONAL MATCH (o:Organisation {key: $organisation})
            RETURN CASE WHEN o IS NULL THEN 0 ELSE COUNT { (o)<-[:PUBLISHED_BY]-() } END AS n
            """;

    private static final String EVERY_MODEL = "MATCH (m:Model)";
    private static final String PUBLISHED = "MATCH (:Organisation {key: $organisation})<-[:PUBLISHED_BY]-(m:Model)";
    private static final String PUBLISHED_CONDITION = "EXISTS { (m)-[:PUBLISHED_BY]->(:Organisation {key: $organisation}) }";

    /** The matches from {@code %s} (the seed) and {@code %s} (the other filters), then as search's page. */
    private static final String WHOLE = "%s WHERE %s\n" + ModelSearch.ORDERED_UP_TO_CAP;

    private final Graph graph;
    private final int exactUpTo;
    private final int walkBudget;

    ModelList(Graph graph, int exactUpTo, int walkBudget) {
        this.graph = graph;
        this.exactUpTo = exactUpTo;
        this.walkBudget = walkBudget;
    }

    /** {@code params} holds the filters (null when unused) and no search text. */
    Page<ModelSummary> list(ModelFilter filter, Map<String, Object> params, int skip, int limit) {
        // Without text every model ranks the same by relevance, so by downloads.
        ModelFilter.Sort sort = filter.sort() == ModelFilter.Sort.RELEVANCE ? ModelFilter.Sort.DOWNLOADS : filter.sort();
        List<String> conditions = conditions(filter);
        return graph.read(tx -> {
            if (conditions.isEmpty() && filter.organisation() == null) {
                long total = tx.run(COUNT_ALL).single().get("n").asLong();
                List<String> ids = OrderedWalk.ids(tx, sort, "true", params, skip, limit, Integer.MAX_VALUE).orElseThrow();
                return new Page<>(total, ModelSearch.summaries(OrderedWalk.summaries(tx, ids)));
            }
            String seed = filter.organisation() == null ? EVERY_MODEL : PUBLISHED;
            String where = conditions.isEmpty() ? "true" : String.join(" AND ", conditions);
            Record whole = whole(tx, seed, where, sort, params, skip, limit, exactUpTo + 1);
            if (whole.get("total").asLong() <= exactUpTo) {
                return new Page<>(whole.get("total").asLong(), ModelSearch.summaries(whole.get("items").asList(v -> v)));
            }
            List<String> walked = new ArrayList<>(conditions);
            if (filter.organisation() != null) {
                walked.add(PUBLISHED_CONDITION);
            }
            Optional<List<String>> ids = OrderedWalk.ids(tx, sort, String.join(" AND ", walked), params, skip, limit,
                    skip + limit + walkBudget);
            List<Value> rows = ids.isPresent() ? OrderedWalk.summaries(tx, ids.get())
                    : whole(tx, seed, where, sort, params, skip, limit, Integer.MAX_VALUE).get("items").asList(v -> v);
            if (conditions.isEmpty()) {
                return new Page<>(tx.run(COUNT_PUBLISHED, params).single().get("n").asLong(), ModelSearch.summaries(rows));
            }
            return new Page<>(exactUpTo, ModelSearch.summaries(rows), true);
        });
    }

    private static Record whole(TransactionContext tx, String seed, String where, ModelFilter.Sort sort,
            Map<String, Object> params, int skip, int limit, int cap) {
        Map<String, Object> whole = new HashMap<>(params);
        whole.put("skip", skip);
        whole.put("limit", limit);
        whole.put("cap", cap);
        return tx.run(WHOLE.formatted(seed, where, sort.orderBy), whole).single();
    }

    /**
     * The filters but the organisation as fixed Cypher predicates, one per filter in use, so that
     * the planner sees plain equalities it can seek an index with.
     */
    private static List<String> conditions(ModelFilter filter) {
        List<String> conditions = new ArrayList<>();
        if (filter.kind() != null) {
            conditions.add("m.kind = $kind");
        }
        if (filter.openSource() != null) {
            conditions.add("m.openSource = $openSource");
        }
        if (filter.region() != null) {
            conditions.add("m.region = $region");
        }
        if (filter.catalogued() != null) {
            conditions.add(filter.catalogued() ? "m.catalogued = true" : "coalesce(m.catalogued, false) = false");
        }
        return conditions;
    }
}
