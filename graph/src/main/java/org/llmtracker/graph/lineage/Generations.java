package org.llmtracker.graph.lineage;

import static org.llmtracker.graph.store.DriverValues.number;
import static org.llmtracker.graph.store.DriverValues.string;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.llmtracker.graph.model.Page;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

/**
 * Lineage across generations: a model's later versions ({@code NEW_VERSION_OF}, from the
 * catalogue's {@code newVersionOf} or a Hub card's {@code new_version}) and what derives from
 * each of them. Llama 3 is not trained from Llama 2, so the default reads never follow version
 * links; {@code generations=true} asks for the whole line. Versions are few (a handful per
 * family), so each line is read with the default, index-backed query and the lines are merged
 * here; only the exact count of a multi-line answer reads every line's index rows.
 */
final class Generations {

    /** The most later versions followed: a family line, not a walk of the graph. */
    static final int MAX_VERSIONS = 64;

    private static final String NEWER = """
            UNWIND $ids AS id
            MATCH (older:Model {id: id})<-[:NEW_VERSION_OF]-(newer:Model)
            RETURN older.id AS older, newer.id AS newer, newer.name AS name, newer.kind AS kind,
                   newer.downloads AS downloads, newer.likes AS likes, coalesce(newer.catalogued, false) AS catalogued
            ORDER BY older, newer
            """;

    private static final String COUNT = """
            UNWIND $roots AS root
            MATCH (:Model {id: root})<-[r:DESCENDS_FROM]-(c:Model)
            WHERE NOT c.id IN $excluded AND %s
            RETURN count(DISTINCT c) AS total
            """.formatted(RelativeQueries.KEPT);
    private static final String COUNT_DECLARED = RelativeQueries.declared(COUNT);

    /** Downloads (unknown last), then lower-cased name, then id: the order of every descendant page. */
    static final Comparator<Relative> BY_DOWNLOADS = Comparator
            .comparing((Relative r) -> r.downloads() == null ? -1L : r.downloads(), Comparator.reverseOrder())
            .thenComparing(r -> (r.name() == null ? r.id() : r.name()).toLowerCase(Locale.ROOT))
            .thenComparing(Relative::id);

    private Generations() {
    }

    /**
     * The later versions of {@code id}, breadth-first (nearest first, then by id), each once;
     * {@code depth} counts version steps and {@code via} names the version it succeeds.
     */
    static List<Relative> later(TransactionContext tx, String id) {
        Map<String, Relative> found = new LinkedHashMap<>();
        List<String> frontier = List.of(id);
        for (int steps = 1; !frontier.isEmpty() && found.size() < MAX_VERSIONS; steps++) {
            List<String> next = new ArrayList<>();
            for (Record r : tx.run(NEWER, Map.of("ids", frontier)).list()) {
                String newer = r.get("newer").asString();
                if (newer.equals(id) || found.containsKey(newer) || found.size() >= MAX_VERSIONS) {
                    continue;
                }
                found.put(newer, new Relative(newer, string(r.get("name")), string(r.get("kind")), steps,
                        Relative.NEW_VERSION, List.of(Relative.NEW_VERSION), List.of(), r.get("older").asString(),
                        number(r.get("downloads")), number(r.get("likes")), r.get("catalogued").asBoolean(), newer,
                        List.of(), null));
                next.add(newer);
            }
            frontier = next;
        }
        return List.copyOf(found.values());
    }

    /**
     * Descendants of {@code id} and of its later versions, and those versions themselves (unless
     * a relation or stage filter asks for derivations only). A model in several lines is
     * reported once, in the line of the earliest generation; a later version is reported as one.
     */
    static Page<Relative> descendants(TransactionContext tx, String id, RelativeFilter filter, int skip, int limit) {
        List<Relative> versions = later(tx, id);
        List<String> roots = new ArrayList<>();
        roots.add(id);
        versions.forEach(v -> roots.add(v.id()));
        List<Relative> shown = versions.stream()
                .filter(v -> filter.relation() == null && filter.stage() == null)
                .filter(v -> filter.minDownloads() == null || (v.downloads() != null && v.downloads() >= filter.minDownloads()))
                .toList();
        if (versions.isEmpty()) {
            Page<Relative> own = RelativeQueries.descendants(tx, id, filter, skip, limit);
            return new Page<>(own.total(), own.items().stream().map(r -> r.inGeneration(id)).toList());
        }
        Set<String> excluded = new HashSet<>(roots);
        long total = shown.size() + count(tx, roots, List.copyOf(excluded), filter);
        // Each line is a subset of the union, so the union's first `wanted` models are among
        // the first `wanted` of their lines: one page per line is enough.
        int wanted = (int) Math.min((long) skip + limit, Integer.MAX_VALUE);
        if (skip >= total) {
            return new Page<>(total, List.of());
        }
        Map<String, Relative> merged = new HashMap<>();
        shown.forEach(v -> merged.put(v.id(), v));
        for (String root : roots) {
            for (Relative r : RelativeQueries.descendants(tx, root, filter, 0, wanted).items()) {
                if (!excluded.contains(r.id())) {
                    merged.putIfAbsent(r.id(), r.inGeneration(root));
                }
            }
        }
        List<Relative> sorted = merged.values().stream().sorted(BY_DOWNLOADS).toList();
        return new Page<>(total, sorted.subList(Math.min(skip, sorted.size()), Math.min(wanted, sorted.size())));
    }

    private static long count(TransactionContext tx, List<String> roots, List<String> excluded, RelativeFilter filter) {
        Map<String, Object> params = RelativeQueries.params(filter);
        params.put("roots", roots);
        params.put("excluded", excluded);
        return tx.run(filter.declaredOnly() ? COUNT_DECLARED : COUNT, params).single().get("total").asLong();
    }
}
