package org.llmtracker.graph.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * The first pages of a search that matches more models than {@link ModelSearch} orders whole: a
 * first letter, a family's name. Reading a third of the store to sort it is what made {@code l}
 * and {@code llama} cost seconds at 1M models, so the page is taken from the top of the downloads
 * index instead, in the order the exact search gives, and the total is given as a lower bound.
 *
 * <p>By relevance, the answer is three groups one after the other, each ordered by downloads,
 * then name key, then id: the models the text names (id, alias or name equal to it: a few index
 * lookups), the models whose id or name starts with it (through the id index and the name
 * key's index) and the models that only hold it. A group is walked down the downloads index
 * ({@link OrderedWalk}) until the page is full. The second group is counted up to five times the
 * cap first, ordered whole below that, and walked only past it, within the budget: a walk that
 * does not fill the page then (ids far down the downloads index, or without downloads) leaves the
 * group ordered whole up to fifty times the cap. The last is walked first within a
 * budget, which a common word fills at once, and counted only when that fails. A group counted
 * below the cap is ordered whole. In any other order, the whole answer is one walk down that
 * order's index.
 *
 * <p>So a walk to the end runs only over a group of more than the cap, and finds what it keeps
 * quickly: at the cap of 2,000 matches in 1M models it reads about 500 models for each one it
 * keeps, far fewer for a common word. Where a group's walk cannot give the page, the caller
 * orders every match, as below the cap.
 */
final class BroadSearch {

    /** The models an alias equal to the text and an alias holding it point to: a few, read once for every check. */
    private static final String ALIASES = """
            OPTIONAL MATCH (a:Alias) USING TEXT INDEX a:Alias(id) WHERE a.id CONTAINS $q
            OPTIONAL MATCH (a)-[:ALIAS_OF]->(m:Model)
            RETURN collect(DISTINCT CASE WHEN a.id = $q THEN m.id END) AS named, collect(DISTINCT m.id) AS holding
            """;

    private static final String NAMED = "(m.id = $q OR toLower(m.name) = $q OR m.id IN $aliasNamed)";

    /** Whether model {@code m}, found by a walk rather than the TEXT indexes, holds the text (aliases read beforehand). */
    private static final String HOLDS = "(m.searchText CONTAINS $q OR m.id IN $aliasHolding)";

    private static final String STARTS = "(m.id STARTS WITH $q OR toLower(m.name) STARTS WITH $q)";

    /** Which models each group holds, checked model by model. */
    private static final String STARTS_GROUP = "NOT " + NAMED + " AND " + STARTS;
    private static final String NEITHER_NAMED_NOR_STARTS = "NOT " + NAMED + " AND NOT " + STARTS;
    private static final String HOLDS_GROUP = HOLDS + " AND " + NEITHER_NAMED_NOR_STARTS;

    /** The models the text names: by id, by alias, and by name through the name key's index. */
    private static final String NAMED_PAGE = """
            CALL {
              MATCH (m:Model {id: $q}) RETURN m
              UNION
              MATCH (:Alias {id: $q})-[:ALIAS_OF]->(m:Model) RETURN m
              UNION
              MATCH (m:Model) USING INDEX SEEK m:Model(nameKey) WHERE m.nameKey = $q RETURN m
            }
            WITH m WHERE %s AND %s
            WITH m LIMIT $cap
            WITH m ORDER BY %s
            RETURN collect(%s) AS rows
            """.formatted(NAMED, ModelSearch.FILTERS, ModelFilter.Sort.RELEVANCE.orderBy, ModelSearch.SUMMARY);

    /**
     * A group counted up to {@code $cap} (the query before it gives the group's candidates) and,
     * when it holds fewer, its first {@code $need} models in order. Each model's downloads are read
     * once, its name key and id only at or above the page's last download count: ordering a few
     * thousand models by all three read each three times ({@code org-126} at 1M, 3,489 models, the
     * query alone: 47-52 ms, now 37-39 ms).
     */
    private static final String COUNTED = """
            WITH m LIMIT $cap
            WITH collect({m: m, d: coalesce(m.downloads, -1)}) AS es
            WITH size(es) AS total, CASE WHEN size(es) < $cap THEN es ELSE [] END AS ordered
            CALL (ordered) {
              UNWIND ordered AS e
              WITH e.d AS d ORDER BY d DESC LIMIT $need
              RETURN min(d) AS edge
            }
            CALL (ordered, edge) {
              UNWIND ordered AS e
              WITH e WHERE e.d >= edge
              WITH e.m AS m, e.d AS d ORDER BY d DESC, m.nameKey, m.id LIMIT $need
              RETURN collect(%s) AS rows
            }
            RETURN total, rows
            """.formatted(ModelSearch.SUMMARY);

    /**
     * The models whose id or name starts with the text: a prefix seek of the id index, then one of
     * the name key's (a range index; the search text's TEXT index answered the name's branch at
     * several times the cost) for the models whose id does not start with it, each branch cut at
     * {@code $cap}. The branches share no model: with the group's whole condition in both, the
     * planner sought the id index twice for its {@code OR} and read each model three times
     * ({@code org-126} at 1M, 3,489 models: 47-52 ms, now 33-39 ms).
     */
    private static final String STARTS_PAGE = """
            CALL {
              MATCH (m:Model) WHERE m.id STARTS WITH $q AND NOT %1$s AND %2$s RETURN m LIMIT $cap
              UNION ALL
              MATCH (m:Model) USING INDEX SEEK m:Model(nameKey) WHERE m.nameKey STARTS WITH $q AND NOT m.id STARTS WITH $q
                AND toLower(m.name) STARTS WITH $q AND NOT %1$s AND %2$s
              RETURN m LIMIT $cap
            }
            """.formatted(NAMED, ModelSearch.FILTERS) + COUNTED;

    /**
     * How many ids start with the text, up to {@code $cap}, and how many models the store holds:
     * the id index and the count store alone, no model read (10 ms for {@code org-1} at 1M, where
     * counting the group, which reads each model, took 64 ms when names were read through the search text).
     */
    private static final String IDS_STARTING = """
            CALL { MATCH (m:Model) RETURN count(m) AS models }
            CALL { MATCH (m:Model) WHERE m.id STARTS WITH $q WITH m LIMIT $cap RETURN count(m) AS ids }
            RETURN models, ids
            """;

    /**
     * The models that only hold the text, from the TEXT indexes: every model they give holds it,
     * so only the two groups before are ruled out. Counting them reads at most those two groups
     * (the first at most the cap here, the second five times it) and the cap: a small last group
     * is ordered whole, where a walk of the downloads index would read the whole index to fill a
     * page.
     */
    private static final String HOLDS_PAGE = ModelSearch.TEXT_CANDIDATES + """
            WITH m WHERE %s AND %s
            """.formatted(NEITHER_NAMED_NOR_STARTS, ModelSearch.FILTERS) + COUNTED;

    /** What each walk checks model by model: a group's condition and the filters. */
    private static final String STARTS_WALKED = STARTS_GROUP + " AND " + ModelSearch.FILTERS;
    static final String HOLDS_WALKED = HOLDS_GROUP + " AND " + ModelSearch.FILTERS;
    private static final String ALL_WALKED = HOLDS + " AND " + ModelSearch.FILTERS;

    /** How many times the cap the second group may hold to be ordered whole rather than walked. */
    static final int STARTS_ORDERED_WHOLE_FACTOR = 5;

    /** ... and, when a walk within the budget did not fill the page, how many times the cap. */
    static final int STARTS_ORDERED_WHOLE_AFTER_A_WALK = 50;

    /** The models a walk reads, by default, before it gives up on a group it has not counted. */
    static final int WALK_BUDGET = 10_000;

    private BroadSearch() {
    }

    /**
     * Rows {@code skip} to {@code skip + limit} of the answer, in its order, or empty when this way
     * cannot give them (the caller then orders every match).
     *
     * @param cap    how many models a group may hold to be read whole
     * @param budget how many models a walk over a group it has not counted reads before it counts it
     */
    static Optional<List<Value>> page(TransactionContext tx, ModelFilter.Sort sort, Map<String, Object> filterParams,
            int cap, int budget, int skip, int limit) {
        Map<String, Object> params = new HashMap<>(filterParams);
        String q = (String) params.get("q");
        if (q.contains("\n")) {
            return Optional.empty();
        }
        int need = skip + limit;
        params.put("cap", cap + 1);
        params.put("need", need);
        Record aliases = tx.run(ALIASES, params).single();
        params.put("aliasNamed", aliases.get("named"));
        params.put("aliasHolding", aliases.get("holding"));
        if (sort != ModelFilter.Sort.RELEVANCE) {
            // One walk down the sort's index: a broad text is common enough to fill a page soon.
            return OrderedWalk.ids(tx, sort, ALL_WALKED, params, skip, limit, budget)
                    .or(() -> OrderedWalk.ids(tx, sort, ALL_WALKED, params, skip, limit, Integer.MAX_VALUE))
                    .map(ids -> OrderedWalk.summaries(tx, ids));
        }
        List<Value> rows = new ArrayList<>(tx.run(NAMED_PAGE, params).single().get("rows").asList(v -> v));
        if (rows.size() > cap) {
            return Optional.empty();
        }
        if (rows.size() < need) {
            // A big organisation's prefix starts a few thousand ids, often of little-downloaded
            // models, which a walk would find only far down the downloads index (org-11/: 0.6 s at
            // 1M); ordered whole, they cost a read each.
            int wide = cap * STARTS_ORDERED_WHOLE_FACTOR;
            Map<String, Object> startsParams = new HashMap<>(params);
            startsParams.put("cap", wide + 1);
            Record counts = tx.run(IDS_STARTING, startsParams).single();
            long ids = counts.get("ids").asLong();
            int rest = need - rows.size();
            Optional<List<Value>> walked = ids > wide ? walk(tx, STARTS_WALKED, params, rest, budget)
                    : dense(ids, rest, counts.get("models").asLong()) ? walk(tx, STARTS_WALKED, params, rest, (int) ids)
                    : Optional.empty();
            if (walked.isPresent()) {
                return walked.map(more -> slice(concat(rows, more), skip, limit));
            }
            // When the walk found too few of many such ids near the top of the downloads index
            // (10,980 catalogue entries without downloads made "l" read the whole index, then the
            // name key's: 13 s at 1M), more of them are ordered whole: they cost a read each.
            int wholeUpTo = ids > wide ? cap * STARTS_ORDERED_WHOLE_AFTER_A_WALK : wide;
            startsParams.put("cap", wholeUpTo + 1);
            Record starts = tx.run(STARTS_PAGE, startsParams).single();
            if (starts.get("total").asLong() > wholeUpTo) {
                return walk(tx, STARTS_WALKED, params, rest, Integer.MAX_VALUE).map(more -> slice(concat(rows, more), skip, limit));
            }
            rows.addAll(starts.get("rows").asList(v -> v));
        }
        if (rows.size() < need) {
            // The last group is walked first: a common text fills the page within the budget.
            int rest = need - rows.size();
            Optional<List<Value>> walked = walk(tx, HOLDS_WALKED, params, rest, budget);
            if (walked.isEmpty()) {
                Record holds = tx.run(HOLDS_PAGE, params).single();
                walked = holds.get("total").asLong() > cap ? walk(tx, HOLDS_WALKED, params, rest, Integer.MAX_VALUE)
                        : Optional.of(holds.get("rows").asList(v -> v));
            }
            return walked.map(more -> slice(concat(rows, more), skip, limit));
        }
        return Optional.of(slice(rows, skip, limit));
    }

    /** The top {@code need} of a group by downloads, or empty when the walk gives up or the group ends first. */
    private static Optional<List<Value>> walk(TransactionContext tx, String group, Map<String, Object> params, int need,
            int scan) {
        return OrderedWalk.ids(tx, ModelFilter.Sort.DOWNLOADS, group, params, 0, need, scan)
                .filter(ids -> ids.size() == need)
                .map(ids -> OrderedWalk.summaries(tx, ids));
    }

    /**
     * Whether {@code ids} models spread evenly over the downloads index would give a walk its
     * {@code need} within a quarter of the reads that ordering them whole takes: a prefix that
     * starts a good share of a small store ({@code org-1} in 26k models, 54 ms ordered whole).
     * The walk then reads at most as many models as the group holds, and the group is ordered
     * whole if that fails.
     */
    private static boolean dense(long ids, int need, long models) {
        return ids * ids > 4L * need * models;
    }

    private static List<Value> concat(List<Value> first, List<Value> then) {
        List<Value> all = new ArrayList<>(first.size() + then.size());
        all.addAll(first);
        all.addAll(then);
        return all;
    }

    private static List<Value> slice(List<Value> rows, int skip, int limit) {
        return skip >= rows.size() ? List.of() : rows.subList(skip, Math.min(rows.size(), skip + limit));
    }
}
