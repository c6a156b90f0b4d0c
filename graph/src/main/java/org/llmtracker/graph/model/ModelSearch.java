package org.llmtracker.graph.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.store.Schema;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

/**
 * Search through the {@code model_search} full-text index instead of a scan of every model.
 *
 * <p>When the words match at most {@link #EXACT_UP_TO} models (almost every search past its first
 * letters), all of them are read from the index, filtered, counted and ordered exactly as the list
 * asks. When they match more, counting and ordering them all would cost as much as the scan did,
 * so for the orders a search box uses (relevance, downloads) the page is read from the top down:
 * the model the text names, then models whose id or name starts with it, then the rest by
 * downloads, each tier walked in the downloads index until the page is full; the total then says
 * "at least {@link #EXACT_UP_TO}". Other orders, and pages the walk cannot fill (models without
 * downloads), take the exact read.
 */
final class ModelSearch {

    /** How many matching models are still counted and ordered exactly. */
    static final int EXACT_UP_TO = 2_000;

    /** Where a word may start inside an id or name when the walk checks it in Cypher. */
    private static final List<String> SEPARATORS = List.of("\n", " ", "-", "/", "_", ".", "(", ":");

    static final String FILTERS = """
            ($kind IS NULL OR m.kind = $kind)
              AND ($openSource IS NULL OR m.openSource = $openSource)
              AND ($region IS NULL OR m.region = $region)
              AND ($catalogued IS NULL OR coalesce(m.catalogued, false) = $catalogued)
              AND ($organisation IS NULL OR EXISTS { (m)-[:PUBLISHED_BY]->(:Organisation {key: $organisation}) })""";

    /** Index hits become models: a model itself, the model an alias names, an organisation's models. */
    private static final String MATCHES = """
            CALL db.index.fulltext.queryNodes('%s', $lucene%s) YIELD node
            CALL {
              WITH node WITH node WHERE node:Model RETURN node AS m
              UNION
              WITH node MATCH (node:Alias)-[:ALIAS_OF]->(m:Model) RETURN m
              UNION
              WITH node MATCH (node:Organisation)<-[:PUBLISHED_BY]-(m:Model) RETURN m
            }
            WITH DISTINCT m %s
            WITH collect(m) AS matched
            WITH size(matched) AS matched, [m IN matched WHERE %s] AS ms
            CALL {
              WITH ms
              UNWIND ms AS m
              WITH m ORDER BY %%s SKIP $skip LIMIT $limit
              RETURN collect({m: m {.*}, organisation: [(m)-[:PUBLISHED_BY]->(o:Organisation) | o.name][0]}) AS items
            }
            RETURN matched, size(ms) AS total, items
            """;

    private static final String PROBED = MATCHES.formatted(Schema.MODEL_SEARCH_INDEX, ", {limit: $probe}",
            "LIMIT $probe", FILTERS);
    private static final String ALL = MATCHES.formatted(Schema.MODEL_SEARCH_INDEX, "", "", FILTERS);

    /** The model the text names (id or alias), then catalogued models named it. */
    private static final String NAMED = """
            CALL {
              MATCH (m:Model {id: $q}) RETURN m, 0 AS tier
              UNION
              MATCH (:Alias {id: $q})-[:ALIAS_OF]->(m:Model) RETURN m, 0 AS tier
              UNION
              MATCH (m:Model) WHERE m.catalogued = true AND toLower(m.name) = $q RETURN m, 1 AS tier
            }
            WITH m, min(tier) AS tier WHERE %s
            RETURN m {.*} AS m, [(m)-[:PUBLISHED_BY]->(o:Organisation) | o.name][0] AS organisation
            ORDER BY tier, coalesce(m.downloads, -1) DESC, toLower(m.name), m.id
            """.formatted(FILTERS);

    private static final String STARTING_COUNT = """
            CALL {
              MATCH (m:Model) WHERE m.id STARTS WITH $q RETURN m
              UNION
              MATCH (m:Model) WHERE m.catalogued = true AND toLower(m.name) STARTS WITH $q RETURN m
            }
            WITH m LIMIT $probe
            RETURN count(m) AS n
            """;

    private static final String STARTING = """
            CALL {
              MATCH (m:Model) WHERE m.id STARTS WITH $q RETURN m
              UNION
              MATCH (m:Model) WHERE m.catalogued = true AND toLower(m.name) STARTS WITH $q RETURN m
            }
            WITH m WHERE NOT m.id IN $named AND %s
            RETURN m {.*} AS m, [(m)-[:PUBLISHED_BY]->(o:Organisation) | o.name][0] AS organisation
            ORDER BY coalesce(m.downloads, -1) DESC, toLower(m.name), m.id SKIP $skip LIMIT $limit
            """.formatted(FILTERS);

    /**
     * Models by downloads, from the top of the downloads index, that hold every word: the id, name and
     * Hub id are joined by line breaks, so a word starts after a line break or a separator.
     */
    private static final String WALK = """
            MATCH (m:Model) USING INDEX m:Model(downloads)
            WHERE m.downloads IS NOT NULL
            WITH m, m.downloads AS downloads,
                 '\\n' + m.id + '\\n' + coalesce(toLower(m.name), '') + '\\n' + coalesce(toLower(m.hfId), '') AS text
            WHERE NOT m.id IN $named AND %%s
              AND all(w IN $words WHERE CASE WHEN w.ideographs THEN text CONTAINS w.text
                  ELSE any(s IN $separators WHERE text CONTAINS s + w.text) END)
              AND %s
            RETURN m {.*} AS m, [(m)-[:PUBLISHED_BY]->(o:Organisation) | o.name][0] AS organisation
            ORDER BY downloads DESC, toLower(m.name), m.id SKIP $skip LIMIT $limit
            """.formatted(FILTERS);
    private static final String WALK_STARTING = WALK.formatted(
            "(m.id STARTS WITH $q OR toLower(m.name) STARTS WITH $q)");
    private static final String WALK_REST = WALK.formatted(
            "NOT (m.id STARTS WITH $q OR toLower(m.name) STARTS WITH $q)");
    private static final String WALK_ANY = WALK.formatted("true");

    private final Graph graph;
    private final int exactUpTo;

    ModelSearch(Graph graph) {
        this(graph, EXACT_UP_TO);
    }

    /** With another bound, so tests can reach the walk with a few models. */
    ModelSearch(Graph graph, int exactUpTo) {
        this.graph = graph;
        this.exactUpTo = exactUpTo;
    }

    Page<ModelSummary> search(ModelFilter filter, Map<String, Object> filterParams, int skip, int limit) {
        SearchText text = SearchText.of(filter.q());
        if (text.isEmpty()) {
            return new Page<>(0, List.of());
        }
        Map<String, Object> params = new HashMap<>(filterParams);
        params.put("lucene", text.lucene());
        params.put("probe", exactUpTo + 1);
        params.put("skip", skip);
        params.put("limit", limit);
        String order = filter.sort().orderBy;
        return graph.read(tx -> {
            Record probed = tx.run(PROBED.formatted(order), params).single();
            if (probed.get("matched").asLong() <= exactUpTo) {
                return page(probed, true);
            }
            boolean walkable = filter.sort() == ModelFilter.Sort.RELEVANCE || filter.sort() == ModelFilter.Sort.DOWNLOADS;
            if (walkable && skip + limit <= exactUpTo) {
                params.put("words", text.words().stream()
                        .map(w -> Map.<String, Object>of("text", w.text(), "ideographs", w.ideographs())).toList());
                params.put("separators", SEPARATORS);
                List<ModelSummary> items = filter.sort() == ModelFilter.Sort.RELEVANCE
                        ? byRelevance(tx, params, skip, limit, exactUpTo)
                        : walk(tx, WALK_ANY, params, List.of(), skip, limit);
                if (items.size() == limit) {
                    return new Page<>(exactUpTo, items, false);
                }
            }
            return page(tx.run(ALL.formatted(order), params).single(), true);
        });
    }

    /** The tiers in turn, each read only as far as the page reaches into it. */
    private static List<ModelSummary> byRelevance(TransactionContext tx, Map<String, Object> params, int skip, int limit,
            int exactUpTo) {
        List<ModelSummary> named = tx.run(NAMED, params).list(ModelSearch::summary);
        List<String> namedIds = named.stream().map(ModelSummary::id).toList();
        List<ModelSummary> items = new ArrayList<>(named.subList(Math.min(skip, named.size()),
                Math.min(skip + limit, named.size())));
        if (items.size() == limit) {
            return items;
        }
        int skipStarting = Math.max(0, skip - named.size());
        if (tx.run(STARTING_COUNT, params).single().get("n").asLong() > exactUpTo) {
            items.addAll(walk(tx, WALK_STARTING, params, namedIds, skipStarting, limit - items.size()));
            return items;
        }
        List<ModelSummary> starting = walk(tx, STARTING, params, namedIds, skipStarting, limit - items.size());
        items.addAll(starting);
        if (items.size() == limit) {
            return items;
        }
        // Where the rest begins: past every model of the tier that the filters keep.
        int startingKept = skipStarting == 0 ? starting.size()
                : walk(tx, STARTING, params, namedIds, 0, exactUpTo).size();
        items.addAll(walk(tx, WALK_REST, params, namedIds, Math.max(0, skipStarting - startingKept),
                limit - items.size()));
        return items;
    }

    private static List<ModelSummary> walk(TransactionContext tx, String query, Map<String, Object> params,
            List<String> named, int skip, int limit) {
        Map<String, Object> walk = new HashMap<>(params);
        walk.put("named", named);
        walk.put("skip", skip);
        walk.put("limit", limit);
        return tx.run(query, walk).list(ModelSearch::summary);
    }

    private static Page<ModelSummary> page(Record r, boolean exact) {
        List<ModelSummary> items = r.get("items").asList(v -> ModelQueries.summary(v.get("m"),
                v.get("organisation").isNull() ? null : v.get("organisation").asString()));
        return new Page<>(r.get("total").asLong(), items, exact);
    }

    private static ModelSummary summary(Record r) {
        return ModelQueries.summary(r.get("m"), r.get("organisation").isNull() ? null : r.get("organisation").asString());
    }
}
