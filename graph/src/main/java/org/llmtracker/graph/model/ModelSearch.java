package org.llmtracker.graph.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Search without a scan of every model: the trigram TEXT indexes on a model's search text
 * ({@link org.llmtracker.graph.store.ModelKeys}) and on alias ids answer which models hold
 * the typed text anywhere ({@code CONTAINS}, so {@code llama} finds {@code StackLLaMA}), and only
 * those are filtered, counted and ordered. The answer is the one the scan gave, which checked
 * every model's id, lower-case name, lower-case Hub id and aliases (see {@link #page}). The cost
 * grows with the number of matches, not of models: a first letter that matches a third of the
 * store would read that third, so past {@link #EXACT_UP_TO} matches (told first by
 * {@link BroadText}) the page comes from {@link BroadSearch} and the total is a lower bound (see
 * docs/search.md).
 */
final class ModelSearch {

    static final String FILTERS = """
            ($kind IS NULL OR m.kind = $kind)
              AND ($openSource IS NULL OR m.openSource = $openSource)
              AND ($region IS NULL OR m.region = $region)
              AND ($catalogued IS NULL OR coalesce(m.catalogued, false) = $catalogued)
              AND ($organisation IS NULL OR EXISTS { (m)-[:PUBLISHED_BY]->(:Organisation {key: $organisation}) })""";

    /**
     * What the scan matched, word for word, for a text with a line break ({@code $q} is trimmed
     * and lower case, {@link ModelFilter}): the search text would let it run from one field into
     * the next. A text without one needs no check: the TEXT indexes answer {@code CONTAINS}
     * exactly, so every candidate holds it (checking again read each candidate's search text).
     */
    private static final String FIELD_BY_FIELD = """
            (m.id CONTAINS $q OR toLower(m.name) CONTAINS $q OR toLower(m.hfId) CONTAINS $q
               OR EXISTS { (a:Alias)-[:ALIAS_OF]->(m) WHERE a.id CONTAINS $q })""";

    /** The candidates from the two TEXT indexes (the hints keep the planner off a label scan). */
    static final String TEXT_CANDIDATES = """
            CALL {
              MATCH (m:Model) USING TEXT INDEX m:Model(searchText) WHERE m.searchText CONTAINS $q
              RETURN m
              UNION
              MATCH (a:Alias) USING TEXT INDEX a:Alias(id) WHERE a.id CONTAINS $q
              MATCH (a)-[:ALIAS_OF]->(m:Model)
              RETURN m
            }
            """;

    /** What a result row holds of model {@code m}, as {@link #summaries} reads it. */
    static final String SUMMARY = "{m: m {.*}, organisation: [(m)-[:PUBLISHED_BY]->(o:Organisation) | o.name][0]}";

    /**
     * The models bound to {@code m} by the query before it, up to {@code $cap}, and, when fewer,
     * their page in the order left open ({@code %s}, a {@link ModelFilter.Sort}'s): a total of
     * {@code $cap} means at least that many, unordered. Search and filtered lists ({@link ModelList})
     * end with it.
     */
    static final String ORDERED_UP_TO_CAP = """
            WITH m LIMIT $cap
            WITH collect(m) AS ms
            CALL (ms) {
              UNWIND CASE WHEN size(ms) < $cap THEN ms ELSE [] END AS m
              WITH m ORDER BY %%s SKIP $skip LIMIT $limit
              RETURN collect(%s) AS items
            }
            RETURN size(ms) AS total, items
            """.formatted(SUMMARY);

    /**
     * {@link #ORDERED_UP_TO_CAP} by relevance, reading less of each match. Ordering every match by
     * {@link ModelFilter.Sort#RELEVANCE}'s clause read its id, name, aliases, downloads and name
     * key (13 database hits a match: {@code pythia-1.5}, 1,944 matches at 1M models, 33-56 ms; now 1
     * hit and 18-39 ms, most of it the TEXT index).
     * Only a model whose id or name starts with the text, or an alias equal to it, can be in the
     * first three groups; an index seek finds those (usually none or a few), so every other match
     * is in the last group without a read, and only its downloads are read. The name key and id,
     * which break ties, are read only for the matches at or above the page's last group and
     * download count. When {@code $front} or more models start with the text, the seeks stop there
     * (a prefix such as {@code org-1} starts tens of thousands of ids, though then the search is
     * mostly broad), and each match's group is worked out from its own fields.
     */
    static final String RELEVANT_UP_TO_CAP = """
            WITH m LIMIT $cap
            WITH collect(m) AS ms
            CALL {
              CALL {
                MATCH (f:Model) WHERE f.id STARTS WITH $q RETURN f LIMIT $front
                UNION
                MATCH (f:Model) USING INDEX SEEK f:Model(nameKey) WHERE f.nameKey STARTS WITH $q RETURN f LIMIT $front
              }
              RETURN collect(f) AS starting
            }
            WITH ms, starting, [(:Alias {id: $q})-[:ALIAS_OF]->(t:Model) | t] AS named
            WITH ms, named, CASE WHEN size(starting) < $front THEN starting + named END AS front
            CALL (ms, named, front) {
              UNWIND CASE WHEN size(ms) < $cap THEN ms ELSE [] END AS m
              WITH m, CASE WHEN front IS NOT NULL AND NOT m IN front THEN 3
                           WHEN m.id = $q OR m IN named THEN 0
                           WHEN m.nameKey = $q AND m.name IS NOT NULL THEN 1
                           WHEN m.id STARTS WITH $q OR (m.nameKey STARTS WITH $q AND m.name IS NOT NULL) THEN 2
                           ELSE 3 END AS g, coalesce(m.downloads, -1) AS d
              WITH collect({m: m, g: g, d: d}) AS es
              CALL (es) {
                UNWIND es AS e
                WITH e ORDER BY e.g, e.d DESC LIMIT $skip + $limit
                RETURN last(collect(e)) AS edge
              }
              CALL (es, edge) {
                UNWIND es AS e
                WITH e WHERE e.g < edge.g OR (e.g = edge.g AND e.d >= edge.d)
                WITH e.m AS m, e.g AS g, e.d AS d ORDER BY g, d DESC, m.nameKey, m.id SKIP $skip LIMIT $limit
                RETURN collect(%s) AS items
              }
              RETURN items
            }
            RETURN size(ms) AS total, items
            """.formatted(SUMMARY);

    /**
     * The matches of {@code q}, up to {@code $cap}, and their page in order {@code sort} when
     * fewer: every search below the cap, and, with no cap, one {@link BroadSearch} cannot give.
     */
    static String page(String q, ModelFilter.Sort sort) {
        String matches = q.contains("\n") ? FIELD_BY_FIELD + " AND " + FILTERS : FILTERS;
        String ordered = sort == ModelFilter.Sort.RELEVANCE ? RELEVANT_UP_TO_CAP : ORDERED_UP_TO_CAP.formatted(sort.orderBy);
        return TEXT_CANDIDATES + "WITH m WHERE " + matches + "\n" + ordered;
    }

    /** Up to this many matches, search orders them all and counts them exactly. */
    static final int EXACT_UP_TO = 2_000;

    /** How many models starting with the text {@link #RELEVANT_UP_TO_CAP} checks each match against. */
    static final int FRONT = 100;

    private final Graph graph;
    private final int exactUpTo;
    private final int walkBudget;
    private final int front;

    ModelSearch(Graph graph, int exactUpTo, int walkBudget, int front) {
        if (exactUpTo < 1 || walkBudget < 1 || front < 1) {
            throw new IllegalArgumentException("exactUpTo, walkBudget and front must be >= 1, got " + exactUpTo + ", "
                    + walkBudget + ", " + front);
        }
        this.graph = graph;
        this.exactUpTo = exactUpTo;
        this.walkBudget = walkBudget;
        this.front = front;
    }

    /** {@code filterParams} holds {@code q} (trimmed, lower case, not blank) and the filters. */
    Page<ModelSummary> search(ModelFilter filter, Map<String, Object> filterParams, int skip, int limit) {
        Map<String, Object> params = new HashMap<>(filterParams);
        params.put("skip", skip);
        params.put("limit", limit);
        params.put("cap", exactUpTo + 1);
        params.put("front", front);
        ModelFilter.Sort sort = filter.sort();
        String q = (String) params.get("q");
        return graph.read(tx -> {
            if (!BroadText.isBroad(tx, params, exactUpTo, walkBudget)) {
                Record r = tx.run(page(q, sort), params).single();
                if (r.get("total").asLong() <= exactUpTo) {
                    return new Page<>(r.get("total").asLong(), summaries(r.get("items").asList(v -> v)));
                }
            }
            List<Value> rows = BroadSearch.page(tx, sort, filterParams, exactUpTo, walkBudget, skip, limit)
                    .orElseGet(() -> tx.run(page(q, sort), uncapped(params)).single().get("items").asList(v -> v));
            return new Page<>(exactUpTo, summaries(rows), true);
        });
    }

    private static Map<String, Object> uncapped(Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("cap", Integer.MAX_VALUE);
        return all;
    }

    static List<ModelSummary> summaries(List<Value> rows) {
        return rows.stream().map(v -> ModelQueries.summary(v.get("m"),
                v.get("organisation").isNull() ? null : v.get("organisation").asString())).toList();
    }
}
